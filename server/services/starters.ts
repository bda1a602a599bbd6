// Who may start which process (`sparrow:starters` on the process, issue 17): admins and, when the process names
// starters, only users with one of those roles or groups; a process that names none is open to every starter role.
import type { Principal } from '../auth/principal';
import { forbidden } from '../../platform/errors';

/** Whether `user` may start cases of a process whose model names `starters` (undefined: it names none). */
export function mayStart(user: Pick<Principal, 'roles' | 'groups'>, starters: readonly string[] | null | undefined): boolean {
  if (!starters || starters.length === 0 || user.roles.includes('admin')) return true;
  return starters.some((name) => user.groups.includes(name));
}

/** Throws 403 `not-a-starter`, naming the process and who may start it, unless `user` may start it. */
export function checkStarter(user: Pick<Principal, 'roles' | 'groups'>, definition: { key: string; model: { starters?: string[] } }): void {
  if (mayStart(user, definition.model.starters)) return;
  throw forbidden(`only ${definition.model.starters?.join(', ')} may start cases of ${definition.key}`, 'not-a-starter');
}

/** The definitions-list filter for what `user` may start (none for admins): processes naming no starters or one of the user's roles or groups. */
export function startableFilter(user: Pick<Principal, 'roles' | 'groups'>): Record<string, unknown> {
  if (user.roles.includes('admin')) return {};
  return { $or: [{ starters: null }, { starters: { $in: user.groups } }] };
}
