// Embedded subprocess: a container with its own variables; it completes when its last child is gone. An event
// subprocess is started by its start event's trigger (eventSubProcesses.ts) and runs from that start event on.
import { IncidentSignal } from '../interpreter/runtime';
import type { SubProcessNode } from '../model';
import { openEventSubProcesses } from './eventSubProcesses';
import { behaviour } from './lifecycle';

/** Opens a scope (input mappings become its variables) and activates its start event; completes by its output mappings once empty. */
export const subProcess = behaviour<SubProcessNode>(
  (rt, instance, node) => {
    if (!node.startNodeId) throw new IncidentSignal('expression', `subprocess <${node.id}> has no start event`);
    // opened once: an activation retried after an incident (an event subprocess that could not subscribe) keeps its scope
    // (an inner instance of a multi-instance body: its loop variables, loopCounter and its item, are variables of its scope)
    if (!instance.children) rt.openContainer(instance, { ...instance.locals, ...(node.inputs?.length ? rt.evaluateMappings(node.inputs, rt.contextOf(instance)) : {}) });
    if (!node.triggeredByEvent) openEventSubProcesses(rt, instance, node.eventSubProcesses);
    // an event subprocess's start event already happened: it completes at once with the event's variables
    rt.createInstance(node.startNodeId, instance, undefined, rt.depthOf(instance) + 1, node.triggeredByEvent ? (instance.trigger ?? {}) : undefined);
  },
  {
    childDone(rt, instance, node) {
      const produced = node.outputs?.length ? rt.evaluateMappings(node.outputs, rt.contextOf(instance)) : {};
      rt.leave(instance, produced);
    },
  },
);
