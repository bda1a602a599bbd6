// 属地 for user accounts: a street admin manages (and a street auditor reads) only the users of its own streets and
// grants only those streets; only a district admin grants the role admin or the whole district (`*`) or manages a
// district-wide account; nobody changes their own roles or streets. A user with no street belongs to the district.
import { forbidden } from '../../platform/errors';
import type { Role } from '../../contracts/roles';
import { ALL_STREETS } from '../../store/models';
import { districtWide, type Principal } from './principal';

/** The parts of an account that decide who manages it. */
export interface AccountScope {
  roles?: readonly string[] | null;
  streets?: readonly string[] | null;
}

const list = (xs: readonly string[]) => (xs.length > 0 ? xs.join(', ') : 'none');
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const [x, y] = [new Set(a), new Set(b)];
  return x.size === y.size && [...x].every((v) => y.has(v));
};
const outOfScope = (detail: string) => forbidden(detail, 'street-out-of-scope');
const districtOnly = (detail: string) => forbidden(detail, 'district-admin-only');

/** Whether every one of `streets` (at least one) is a street of the caller; a district-wide caller covers all. */
export function coversStreets(p: Principal, streets: readonly string[]): boolean {
  return districtWide(p) || (streets.length > 0 && streets.every((s) => p.streets.includes(s)));
}

/** The MongoDB filter of the users `p` may list: all for a district-wide caller, else users of only its streets. */
export function userListScope(p: Principal): Record<string, unknown> {
  if (districtWide(p)) return {};
  return { streets: { $in: p.streets, $not: { $elemMatch: { $nin: p.streets } } } };
}

/** Refuses (403 street-out-of-scope) reading a user whose streets are not all the caller's. */
export function assertMayRead(p: Principal, username: string, account: AccountScope): void {
  const streets = account.streets ?? [];
  if (!coversStreets(p, streets)) throw outOfScope(`user ${username} belongs to streets ${list(streets)}, not only to yours (${list(p.streets)})`);
}

/**
 * Refuses (403) creating (`current` null) or changing the account `username` into `change`: self-service of roles or
 * streets (`own-roles-or-streets`), a district-wide account, role `admin` or street `*` for a street admin
 * (`district-admin-only`), an account or resulting streets outside the caller's (`street-out-of-scope`).
 */
export function assertMayManage(p: Principal, username: string, current: AccountScope | null, change: { roles?: readonly Role[]; streets?: readonly string[] }): void {
  const before = { roles: current?.roles ?? [], streets: current?.streets ?? [] };
  const roles = change.roles ?? before.roles;
  const streets = change.streets ?? before.streets;
  if (current && username === p.username && (!sameSet(roles, before.roles) || !sameSet(streets, before.streets))) {
    throw forbidden('nobody changes their own roles or streets: ask another admin', 'own-roles-or-streets');
  }
  if (districtWide(p)) return;
  if (current?.streets?.includes(ALL_STREETS)) throw districtOnly(`user ${username} is district-wide: only a district admin manages it`);
  if (current) assertMayRead(p, username, current);
  if (roles.includes('admin') && !before.roles.includes('admin')) throw districtOnly('only a district admin grants the role admin');
  if (streets.includes(ALL_STREETS)) throw districtOnly(`only a district admin grants the whole district (${ALL_STREETS})`);
  if (!coversStreets(p, streets)) throw outOfScope(`you grant only your streets (${list(p.streets)}); asked for ${list(streets)}`);
}
