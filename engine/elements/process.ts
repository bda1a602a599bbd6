// The process itself (the root element instance): activating it opens the subscriptions of its event subprocesses,
// then activates its none start event, or the timer or message start event the case was started at. A failure there
// (a correlation key or timer that does not evaluate) is an incident on the process, as in Camunda 8; resolving it
// activates the process again.
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { ElementInstance } from '../interpreter/types';
import { openEventSubProcesses } from './eventSubProcesses';

/** Activates the process root: its event-subprocess subscriptions (those already open stay), then its start event(s). */
export function activateProcess(rt: Runtime, root: ElementInstance): void {
  delete root.incidentId;
  try {
    openEventSubProcesses(rt, root, rt.model.eventSubProcesses);
  } catch (error) {
    if (error instanceof IncidentSignal) return rt.raiseIncident(root, error.kind, error.message);
    throw error;
  }
  if (root.startNodeId === undefined) {
    for (const id of rt.model.startNodeIds) rt.createInstance(id, root, undefined, 0);
    if (rt.model.startNodeIds.length === 0) rt.raiseIncident(root, 'expression', `process <${rt.model.processId}> has no none start event; it starts only at its timer or message start events`);
    return;
  }
  const eventStarts = [...(rt.model.timerStartNodeIds ?? []), ...(rt.model.messageStartNodeIds ?? [])];
  if (!eventStarts.includes(root.startNodeId)) return rt.raiseIncident(root, 'expression', `<${root.startNodeId}> is not a timer or message start event of process <${rt.model.processId}>`);
  // A timer or message start event's event has happened: it completes at once with the event's variables.
  rt.createInstance(root.startNodeId, root, undefined, 0, root.trigger ?? {});
}
