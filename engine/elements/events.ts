// Intermediate catch and throw events, end events and receive tasks.
import { waitIdOf } from '../../contracts/ids';
import { dropJoinsOf } from '../interpreter/joins';
import { own } from '../interpreter/own';
import type { Runtime } from '../interpreter/runtime';
import type { ElementInstance } from '../interpreter/types';
import type { EndEventNode, EventDefinition, IntermediateCatchEventNode, IntermediateThrowEventNode, ReceiveTaskNode } from '../model';
import { awaitMessage, awaitTimer } from './catchEvent';
import { throwError, throwEscalation } from './catching';
import { throwCompensation } from './compensation';
import { enterTarget } from './eventBasedGateway';
import { startJob } from './job';
import { behaviour } from './lifecycle';
import { linkCatchOf, throwSignal } from './signals';

/** An intermediate catch event waits for its timer, message or signal; a link catch event passes on. */
export const intermediateCatchEvent = behaviour<IntermediateCatchEventNode>(
  (rt, instance, node) => {
    const definition = node.eventDefinition;
    if (definition?.kind === 'timer') awaitTimer(rt, instance, node, definition.timer);
    else if (definition?.kind === 'message') awaitMessage(rt, instance, node, definition.message);
    else if (definition?.kind === 'signal') rt.subscribe(waitIdOf(instance.id, 'signal'), { kind: 'signal', instanceId: instance.id, elementId: node.id, name: definition.signalName });
    else rt.leave(instance);
  },
  { onTrigger: enterTarget },
);

/**
 * Throws an escalation, a signal or compensation from `instance`; true when the instance is still there to go on
 * (nothing interrupted it, no compensation handler it waits for).
 */
function thrown(rt: Runtime, instance: ElementInstance, definition: EventDefinition | undefined): boolean {
  if (definition?.kind === 'escalation') throwEscalation(rt, instance, definition.escalationCode ?? '');
  else if (definition?.kind === 'signal') throwSignal(rt, instance, definition.signalName);
  else if (definition?.kind === 'compensation' && throwCompensation(rt, instance, definition)) return false;
  return own(rt.state.instances, instance.id) !== undefined;
}

/** An intermediate throw event passes on: after its job (message), its escalation or signal, its compensation handlers, or at its link's catch event. */
export const intermediateThrowEvent = behaviour<IntermediateThrowEventNode>((rt, instance, node) => {
  if (node.taskDefinition) return startJob(rt, instance, node);
  const definition = node.eventDefinition;
  if (definition?.kind === 'link') {
    rt.createInstance(linkCatchOf(rt.model, node.scope, definition.linkName), rt.instance(instance.parentId as string), undefined, rt.depthOf(instance) + 1);
    return rt.leave(instance, {}, []);
  }
  if (thrown(rt, instance, definition)) rt.leave(instance);
});

/**
 * An end event completes (a message end event after its job); an error end event throws its error (the catcher ends
 * it); an escalation or signal end event throws, then completes; a compensation end event completes once its handlers have; a terminate end event first terminates everything
 * else in its container (each recorded), so the container completes with it, as in Camunda 8.
 */
export const endEvent = behaviour<EndEventNode>((rt, instance, node) => {
  if (node.taskDefinition) return startJob(rt, instance, node);
  const definition = node.eventDefinition;
  if (definition?.kind === 'error') return throwError(rt, instance, definition.errorCode ?? '');
  if (definition?.kind === 'terminate') {
    const container = rt.instance(instance.parentId as string);
    for (const id of Object.keys(container.children ?? {})) {
      const sibling = own(rt.state.instances, id);
      if (sibling && sibling !== instance) rt.terminate(sibling, rt.actor);
    }
    dropJoinsOf(rt, container);
  }
  if (thrown(rt, instance, definition)) rt.leave(instance);
});

/** A receive task waits for its message. */
export const receiveTask = behaviour<ReceiveTaskNode>((rt, instance, node) => {
  if (node.eventDefinition?.kind !== 'message') return rt.leave(instance);
  awaitMessage(rt, instance, node, node.eventDefinition.message);
});
