// Sparrow's roles and who may do what: the role sets the server's route table enforces and the designer shows its
// pages by (DESIGN.md, "Users and what they touch").

/** The roles of Sparrow. */
export const ROLES = ['process-owner', 'street-commander', 'enforcement-staff', 'department-liaison', 'volunteer', 'resident', 'auditor', 'admin', 'job-worker'] as const;
/** One role. */
export type Role = (typeof ROLES)[number];

/** Run jobs of external job types through the REST job API (machine accounts, scoped to job types). */
export const JOB_WORKERS: readonly Role[] = ['job-worker'];
/** Every role of a person (auditors included: reads only); job workers reach only the job API and their own account. */
export const EVERY_ROLE: readonly Role[] = ROLES.filter((role) => !JOB_WORKERS.includes(role));
/** Design and deploy processes and forms, and discard drafts. */
export const DESIGNERS: readonly Role[] = ['process-owner', 'admin'];
/** Read definitions, versions, diagrams and diffs. */
export const DEFINITION_READERS: readonly Role[] = ['process-owner', 'street-commander', 'enforcement-staff', 'department-liaison', 'auditor', 'admin'];
/** Read drafts. */
export const DRAFT_READERS: readonly Role[] = ['process-owner', 'auditor', 'admin'];
/** Start cases (residents place service orders). */
export const STARTERS: readonly Role[] = ['street-commander', 'enforcement-staff', 'department-liaison', 'resident', 'admin'];
/** List deployed processes by name: definition readers plus everyone who may start a case (residents pick a service order by name). */
export const PROCESS_LISTERS: readonly Role[] = [...new Set([...DEFINITION_READERS, ...STARTERS])];
/** Claim, unclaim and complete tasks. */
export const TASK_WORKERS: readonly Role[] = ['street-commander', 'enforcement-staff', 'department-liaison', 'volunteer', 'resident', 'admin'];
/** Assign tasks and cancel cases. */
export const DISPATCHERS: readonly Role[] = ['street-commander', 'admin'];
/** Set a case's variables by hand, with a reason (to fix the data an incident stopped on). */
export const VARIABLE_EDITORS: readonly Role[] = ['street-commander', 'admin'];
/** Send messages to waiting cases. */
export const MESSENGERS: readonly Role[] = ['street-commander', 'enforcement-staff', 'department-liaison', 'admin'];
/** Resolve incidents. */
export const INCIDENT_RESOLVERS: readonly Role[] = ['street-commander', 'process-owner', 'admin'];
/**
 * Suspend, resume and extend a case's statutory clocks: street commanders and admins any clock, the others only a clock
 * whose approvers name one of their roles or groups (checked per clock).
 */
export const CLOCK_CONTROLLERS: readonly Role[] = ['street-commander', 'enforcement-staff', 'department-liaison', 'process-owner', 'admin'];
/** Read the job type registry: which job types the deployed processes use and who serves them. */
export const JOB_TYPE_READERS: readonly Role[] = DESIGNERS;
/** Read users. */
export const USER_READERS: readonly Role[] = ['admin', 'auditor'];
/** Manage users and org units. */
export const ADMINS: readonly Role[] = ['admin'];
/** Read and check the audit of the cases of their streets. */
export const AUDIT_READERS: readonly Role[] = ['street-commander', 'process-owner', 'auditor', 'admin'];
/** Read the signed head of the global ledger (it spans every street). */
export const LEDGER_READERS: readonly Role[] = ['auditor', 'admin'];
/** Read the working-day calendar's versions: who changed which day, when, and the hash links (the audit of the calendar). */
export const CALENDAR_VERSION_READERS: readonly Role[] = ['auditor', 'admin'];

/** See every task of their streets (the designer's 本街道 tab) and give back a task someone else holds: the dispatchers. */
export const STREET_WATCHERS: readonly Role[] = DISPATCHERS;
/** Open the designer: those who design, and those who may read drafts. */
export const DESIGN_READERS: readonly Role[] = [...new Set([...DESIGNERS, ...DRAFT_READERS])];

/** Whether a user with `roles` has at least one of `allowed`. */
export function hasAnyRole(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((role) => allowed.includes(role));
}
