// The data a case hands out of the engine: its variables, a user task as it opens, an audit entry. The engine produces
// them; the activities, the audit code and the API read them (type-only).
import type { AuditEntryKind } from './auditKinds';

/** A JSON object of process variables. */
export type Variables = Record<string, unknown>;

/** A user task as opened in the task read model, its FEEL fields already evaluated. */
export interface UserTaskSpec {
  taskId: string;
  elementId: string;
  name?: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  formKey?: string;
  formId?: string;
  dueDate?: string;
  followUpDate?: string;
  /** The due date counts days of a year whose holiday schedule the calendar does not know yet (shown as provisional). */
  dueProvisional?: boolean;
  priority: number;
}

/** One business step for the audit log; the audit chain is built from these. */
export interface AuditEntry {
  at: string;
  /** Who caused it: a user, or `system` (timers, workers). */
  actor: string;
  /** What happened (contracts/auditKinds.ts lists every kind and what it means). */
  kind: AuditEntryKind;
  elementId?: string;
  tokenId?: string;
  /**
   * Small JSON payload (hashed in the audit chain): the names of the variables a person or job supplied and the
   * sha256 of their values (`variablesHash`, on instance.started, task.completed, message.correlated), each changed
   * variable with the sha256 of its old and new value (`changes`, on variables.changed), incident message, task id,
   * the task's holder before and after (`previous`, `assignee`, on task.claimed/unclaimed/assigned) …
   */
  data?: Variables;
}
