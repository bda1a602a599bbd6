// The case events webhooks hear, read from the audit entries a case records (instance started/completed/cancelled, task
// opened/completed, incident raised/resolved). An event's id is its audit row's id, so it is the same however often
// the entries are written.
import type { CaseRef } from '../../contracts/activities';
import type { WebhookEvent, WebhookPayload } from '../../contracts/api/webhooks';
import type { AuditEntryKind } from '../../contracts/auditKinds';
import type { AuditEntry } from '../../contracts/caseData';
import { auditRowId } from '../../store/models';

/** The webhook event each audit entry kind raises (kinds not named raise none). */
const EVENT_OF: Partial<Record<AuditEntryKind, WebhookEvent>> = {
  'instance.started': 'case.started',
  'task.opened': 'task.created',
  'task.completed': 'task.completed',
  'incident.raised': 'incident.raised',
  'incident.resolved': 'incident.resolved',
  'instance.completed': 'case.completed',
  'instance.cancelled': 'case.cancelled',
};

/** One event of a case, ready to queue: its street decides which webhooks hear it. */
export interface CaseEvent {
  street: string | null;
  payload: WebhookPayload;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The events among a case's audit entries numbered from `firstSeq` (pure: no I/O). */
export function caseEventsOf(caseRef: CaseRef, firstSeq: number, entries: readonly AuditEntry[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  entries.forEach((entry, i) => {
    const event = EVENT_OF[entry.kind];
    if (!event) return;
    const data = entry.data ?? {};
    const payload: WebhookPayload = {
      id: auditRowId(caseRef.instanceId, firstSeq + i),
      event,
      occurredAt: entry.at,
      instanceId: caseRef.instanceId,
      definitionKey: caseRef.definitionKey,
      businessKey: caseRef.businessKey,
      street: caseRef.street,
      actor: entry.actor,
    };
    if (event.startsWith('task.') && text(data.taskId)) payload.task = { id: text(data.taskId) as string, elementId: entry.elementId };
    if (event.startsWith('incident.') && text(data.incidentId)) {
      payload.incident = { id: text(data.incidentId) as string, elementId: entry.elementId, kind: text(data.kind), message: text(data.message)?.slice(0, 1000) };
    }
    events.push({ street: caseRef.street, payload });
  });
  return events;
}
