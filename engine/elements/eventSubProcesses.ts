// Event subprocesses: while their enclosing container (the process or a subprocess run) is active, it holds a
// subscription for each timer, message or signal start event of its event subprocesses; error and escalation starts are
// found when something inside throws (catching.ts).
import { dropJoinsOf } from '../interpreter/joins';
import { own } from '../interpreter/own';
import type { FiredSubscription, Runtime } from '../interpreter/runtime';
import type { ElementInstance, Variables } from '../interpreter/types';
import { withdrawWhere } from '../interpreter/subscriptions';
import type { StartEventNode, SubProcessNode } from '../model';
import { resubscribe, subscribeFor } from './catchEvent';

/** Opens the start-event subscriptions of the event subprocesses `ids` directly inside `container` (those already open stay). */
export function openEventSubProcesses(rt: Runtime, container: ElementInstance, ids: string[] | undefined): void {
  for (const id of ids ?? []) {
    const start = startOf(rt, rt.node(id) as SubProcessNode);
    subscribeFor(rt, container, start, start.eventDefinition, start.interrupting === false);
  }
}

/** The event start event of an event subprocess. */
export const startOf = (rt: Runtime, subProcess: SubProcessNode): StartEventNode => rt.node(subProcess.startNodeId as string) as StartEventNode;

/**
 * Starts event subprocess `subProcess` in `container` with the variables of its start event's trigger. An interrupting
 * one first terminates everything else in the container and withdraws its other event-subprocess subscriptions (each
 * recorded); a non-interrupting one runs beside them, and its fired subscription (`fired`) stays open or repeats.
 */
export function startEventSubProcess(rt: Runtime, container: ElementInstance, subProcess: SubProcessNode, variables: Variables, fired?: FiredSubscription): void {
  const start = startOf(rt, subProcess);
  if (start.interrupting === false) {
    if (fired) resubscribe(rt, fired.id, fired.subscription);
  } else {
    for (const id of Object.keys(container.children ?? {})) {
      const child = own(rt.state.instances, id);
      if (child) rt.terminate(child, rt.actor);
    }
    dropJoinsOf(rt, container);
    withdrawWhere(rt, container, (subscription) => rt.node(subscription.elementId).kind === 'startEvent');
  }
  rt.createInstance(subProcess.id, container, undefined, 0, variables);
}
