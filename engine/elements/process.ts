// The process itself (the root element instance): activating it opens the subscriptions of its event subprocesses,
// then activates its start events. A failure there (a correlation key or timer that does not evaluate) is an incident
// on the process, as in Camunda 8; resolving it activates the process again.
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { ElementInstance } from '../interpreter/types';
import { openEventSubProcesses } from './eventSubProcesses';

/** Activates the process root: its event-subprocess subscriptions (those already open stay), then its start events. */
export function activateProcess(rt: Runtime, root: ElementInstance): void {
  delete root.incidentId;
  try {
    openEventSubProcesses(rt, root, rt.model.eventSubProcesses);
  } catch (error) {
    if (error instanceof IncidentSignal) return rt.raiseIncident(root, error.kind, error.message);
    throw error;
  }
  for (const id of rt.model.startNodeIds) rt.createInstance(id, root, undefined, 0);
}
