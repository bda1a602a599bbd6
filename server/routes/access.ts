// Who may do what: the role sets the route table refers to (DESIGN.md, "Users and what they touch").
import { ROLES, type Role } from '../../store/models';

/** Every role (auditors included: reads only). */
export const EVERY_ROLE: readonly Role[] = ROLES;
/** Design and deploy processes and forms. */
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
/** Send messages to waiting cases. */
export const MESSENGERS: readonly Role[] = ['street-commander', 'enforcement-staff', 'department-liaison', 'admin'];
/** Resolve incidents. */
export const INCIDENT_RESOLVERS: readonly Role[] = ['street-commander', 'process-owner', 'admin'];
/** Read users. */
export const USER_READERS: readonly Role[] = ['admin', 'auditor'];
/** Manage users and org units. */
export const ADMINS: readonly Role[] = ['admin'];
