// The kinds of audit entry a case records, and what each means: which step of the case's timeline it opens, ends or
// adds to, and whether it is a person's action. The engine's AuditEntry, the audit timeline and the designer's step
// model all read this one table (type-only data, browser-safe).

/** Every kind of audit entry, in the order a case meets them. */
export const AUDIT_ENTRY_KINDS = [
  'instance.started',
  'element.entered',
  'task.opened',
  // who holds an open task changed (recorded by the workflow: a person's claim, unclaim or assignment)
  'task.claimed',
  'task.unclaimed',
  'task.assigned',
  'task.completed',
  'task.cancelled',
  'message.correlated',
  'timer.fired',
  // a signal reached a waiting element; an element threw an error, escalation or signal (engine format 2)
  'signal.received',
  'error.thrown',
  'escalation.thrown',
  'signal.thrown',
  // a compensation throw or end event started the handlers of completed activities; one handler completed (engine format 2)
  'compensation.thrown',
  'compensation.completed',
  'incident.raised',
  'incident.resolved',
  // withdrawn when their element instance completed or was terminated (engine format 2)
  'incident.cancelled',
  'job.cancelled',
  'timer.cancelled',
  'message.cancelled',
  'signal.cancelled',
  // a call activity started its child case, which completed (with the child's final audit chain head) or was cancelled
  'child.started',
  'child.completed',
  'child.cancelled',
  'variables.changed',
  // a person set variables of the case or of one element instance's scope, with a reason (engine format 2)
  'variables.set',
  // legal time (issue 14): an element started or stopped a statutory clock on completing; a person suspended, resumed
  // or extended one; a newer working-day calendar reached the case; a timer or a task's due date moved with them
  'clock.started',
  'clock.stopped',
  'clock.suspended',
  'clock.resumed',
  'clock.extended',
  'calendar.updated',
  'timer.rescheduled',
  'task.rescheduled',
  'element.left',
  // an element instance ended without completing: cancelled with its case, or by a terminate end event (engine format 2)
  'element.terminated',
  'instance.completed',
  'instance.cancelled',
] as const;

/** One kind of audit entry. */
export type AuditEntryKind = (typeof AUDIT_ENTRY_KINDS)[number];

/** What an entry of one kind tells about the case. */
export interface AuditKindMeaning {
  /** Whose timeline step it belongs to: the case's own (start to end) or one run of an element by a token. */
  step: 'case' | 'element';
  /** `opens` the step (for an element: a token arrives), `ends` it (a token leaves; the case's end ends every step), or `adds` to it. */
  effect: 'opens' | 'ends' | 'adds';
  /** How a step it ends finished: `completed` (the token passed the element) or `cancelled` (it was withdrawn). */
  endsAs?: 'completed' | 'cancelled';
  /** Whether it records a person's action (its actor a user: a start, a form, a claim, a message, a cancellation …), not the engine's consequence of one. */
  byPerson: boolean;
}

/** The meaning of every audit entry kind; a kind added to AUDIT_ENTRY_KINDS must be given one here. */
export const AUDIT_KIND_MEANING: Readonly<Record<AuditEntryKind, AuditKindMeaning>> = {
  'instance.started': { step: 'case', effect: 'opens', byPerson: true },
  'element.entered': { step: 'element', effect: 'opens', byPerson: false },
  'task.opened': { step: 'element', effect: 'adds', byPerson: false },
  'task.claimed': { step: 'element', effect: 'adds', byPerson: true },
  'task.unclaimed': { step: 'element', effect: 'adds', byPerson: true },
  'task.assigned': { step: 'element', effect: 'adds', byPerson: true },
  'task.completed': { step: 'element', effect: 'adds', byPerson: true },
  'task.cancelled': { step: 'element', effect: 'ends', endsAs: 'cancelled', byPerson: false },
  'message.correlated': { step: 'element', effect: 'adds', byPerson: true },
  'timer.fired': { step: 'element', effect: 'adds', byPerson: false },
  'signal.received': { step: 'element', effect: 'adds', byPerson: false },
  'error.thrown': { step: 'element', effect: 'adds', byPerson: false },
  'escalation.thrown': { step: 'element', effect: 'adds', byPerson: false },
  'signal.thrown': { step: 'element', effect: 'adds', byPerson: false },
  'compensation.thrown': { step: 'element', effect: 'adds', byPerson: false },
  'compensation.completed': { step: 'element', effect: 'adds', byPerson: false },
  'incident.raised': { step: 'element', effect: 'adds', byPerson: false },
  'incident.resolved': { step: 'element', effect: 'adds', byPerson: true },
  'incident.cancelled': { step: 'element', effect: 'adds', byPerson: false },
  'job.cancelled': { step: 'element', effect: 'adds', byPerson: false },
  'timer.cancelled': { step: 'element', effect: 'adds', byPerson: false },
  'message.cancelled': { step: 'element', effect: 'adds', byPerson: false },
  'signal.cancelled': { step: 'element', effect: 'adds', byPerson: false },
  'child.started': { step: 'element', effect: 'adds', byPerson: false },
  'child.completed': { step: 'element', effect: 'adds', byPerson: false },
  'child.cancelled': { step: 'element', effect: 'adds', byPerson: false },
  'variables.changed': { step: 'element', effect: 'adds', byPerson: false },
  'variables.set': { step: 'case', effect: 'adds', byPerson: true },
  'clock.started': { step: 'element', effect: 'adds', byPerson: false },
  'clock.stopped': { step: 'element', effect: 'adds', byPerson: false },
  'clock.suspended': { step: 'case', effect: 'adds', byPerson: true },
  'clock.resumed': { step: 'case', effect: 'adds', byPerson: true },
  'clock.extended': { step: 'case', effect: 'adds', byPerson: true },
  'calendar.updated': { step: 'case', effect: 'adds', byPerson: true },
  'timer.rescheduled': { step: 'element', effect: 'adds', byPerson: false },
  'task.rescheduled': { step: 'element', effect: 'adds', byPerson: false },
  'element.left': { step: 'element', effect: 'ends', endsAs: 'completed', byPerson: false },
  'element.terminated': { step: 'element', effect: 'ends', endsAs: 'cancelled', byPerson: false },
  'instance.completed': { step: 'case', effect: 'ends', endsAs: 'completed', byPerson: false },
  'instance.cancelled': { step: 'case', effect: 'ends', endsAs: 'cancelled', byPerson: true },
};

/** The meaning of `kind`, or undefined for a kind this code does not know (a row written by newer code). */
export function auditKindMeaning(kind: string): AuditKindMeaning | undefined {
  return Object.prototype.hasOwnProperty.call(AUDIT_KIND_MEANING, kind) ? AUDIT_KIND_MEANING[kind as AuditEntryKind] : undefined;
}

/** Whether an entry of `kind` ends the case (after it the chain is closed: nothing may follow). */
export const endsCase = (kind: string): boolean => {
  const meaning = auditKindMeaning(kind);
  return meaning?.step === 'case' && meaning.effect === 'ends';
};
