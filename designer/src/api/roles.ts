// Which roles see which parts of the app; mirrors the role sets of server/routes/access.ts (the server enforces them).
import type { Me } from './auth';

/** A user role, as `GET /api/me` lists them. */
export type Role = Me['roles'][number];

/** May claim, unclaim and complete tasks (server: TASK_WORKERS). */
export const TASK_WORKERS: readonly Role[] = ['street-commander', 'enforcement-staff', 'department-liaison', 'volunteer', 'resident', 'admin'];
/** May start cases (server: STARTERS). */
export const STARTERS: readonly Role[] = ['street-commander', 'enforcement-staff', 'department-liaison', 'resident', 'admin'];
/** May read definitions and their diagrams (server: DEFINITION_READERS). */
export const DEFINITION_READERS: readonly Role[] = ['process-owner', 'street-commander', 'enforcement-staff', 'department-liaison', 'auditor', 'admin'];
/** May list deployed processes by name (server: PROCESS_LISTERS = DEFINITION_READERS plus STARTERS). */
export const PROCESS_LISTERS: readonly Role[] = [...new Set([...DEFINITION_READERS, ...STARTERS])];
/** May design and deploy processes and forms, and discard drafts (server: DESIGNERS). */
export const DESIGNERS: readonly Role[] = ['process-owner', 'admin'];
/** See every task of their streets: the 本街道 tab (street commanders and admins). */
export const STREET_WATCHERS: readonly Role[] = ['street-commander', 'admin'];
/** Design processes and forms, and read drafts (server: DESIGNERS plus DRAFT_READERS). */
export const DESIGN_READERS: readonly Role[] = ['process-owner', 'auditor', 'admin'];

/** Whether a user with `roles` has at least one of `allowed`. */
export function hasAnyRole(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((role) => allowed.includes(role));
}
