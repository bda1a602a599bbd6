// The signed-in caller as routes see it, and the 属地 scope it implies for cases and tasks.
import type { Role } from '../../contracts/roles';
import { ALL_JOB_TYPES, ALL_STREETS, credentialVersionOf, type UserDoc } from '../../store/models';

/** Who is calling, and how they authenticated. */
export interface Principal {
  username: string;
  displayName: string;
  roles: Role[];
  /** Effective candidate groups: the user's groups, roles and org units. */
  groups: string[];
  orgUnits: string[];
  /** Street ids in scope; `*` for the whole district. */
  streets: string[];
  /** Job types the caller may run through the REST job API (`*`: all); used only with the role `job-worker`. */
  jobTypes: string[];
  via: 'session' | 'token';
  /** The user's credential version (what a session or token made now is bound to). */
  credentialVersion: number;
}

/** Roles that see every case and task of their streets; the others (volunteer, resident) see only their own. */
export const STREET_WIDE_ROLES: readonly Role[] = ['process-owner', 'street-commander', 'enforcement-staff', 'department-liaison', 'auditor', 'admin'];

/** Builds the principal of a stored user. */
export function principalOf(user: UserDoc, via: Principal['via']): Principal {
  const roles = (user.roles ?? []) as Role[];
  return {
    username: user._id,
    displayName: user.displayName,
    roles,
    groups: [...new Set([...(user.groups ?? []), ...roles, ...(user.orgUnits ?? [])])],
    orgUnits: user.orgUnits ?? [],
    streets: user.streets ?? [],
    jobTypes: user.jobTypes ?? [],
    via,
    credentialVersion: credentialVersionOf(user),
  };
}

/** Whether the principal may run jobs of `type` (its job types name it, or `*`). */
export const mayRunJobType = (p: Principal, type: string) => p.jobTypes.includes(ALL_JOB_TYPES) || p.jobTypes.includes(type);

/** Whether the principal sees the whole district. */
export const districtWide = (p: Principal) => p.streets.includes(ALL_STREETS);

/** Whether `street` (a case's street, null for none) is in the principal's scope. */
export function inScope(p: Principal, street: string | null | undefined): boolean {
  if (districtWide(p)) return true;
  return street != null && p.streets.includes(street);
}

/** Whether the principal sees all cases of its streets, not only its own. */
export const seesWholeStreet = (p: Principal) => p.roles.some((r) => STREET_WIDE_ROLES.includes(r));

const streetFilter = (p: Principal) => (districtWide(p) ? {} : { street: { $in: p.streets } });

/** The filter limiting instance summaries to what the principal may see (out-of-scope ids then answer 404). */
export function instanceScope(p: Principal): Record<string, unknown> {
  return seesWholeStreet(p) ? streetFilter(p) : { ...streetFilter(p), startedBy: p.username };
}

/** The filter limiting tasks to what the principal may see. */
export function taskScope(p: Principal): Record<string, unknown> {
  if (seesWholeStreet(p)) return streetFilter(p);
  return { ...streetFilter(p), $or: [{ assignee: p.username }, { candidateUsers: p.username }, { candidateGroups: { $in: p.groups } }] };
}

/** Whether the principal is a candidate for a task: named, in a candidate group, or the task names nobody. */
export function isCandidate(p: Principal, task: { candidateUsers?: string[] | null; candidateGroups?: string[] | null; assignee?: string | null }): boolean {
  const users = task.candidateUsers ?? [];
  const groups = task.candidateGroups ?? [];
  if (users.includes(p.username) || groups.some((g) => p.groups.includes(g))) return true;
  return users.length === 0 && groups.length === 0;
}
