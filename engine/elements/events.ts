// Intermediate catch and throw events, end events and receive tasks.
import { dropJoinsOf } from '../interpreter/joins';
import { own } from '../interpreter/own';
import type { EndEventNode, IntermediateCatchEventNode, IntermediateThrowEventNode, ReceiveTaskNode } from '../model';
import { awaitMessage, awaitTimer } from './catchEvent';
import { startJob } from './job';
import { behaviour } from './lifecycle';

/** An intermediate catch event waits for its timer or message. */
export const intermediateCatchEvent = behaviour<IntermediateCatchEventNode>((rt, instance, node) => {
  const definition = node.eventDefinition;
  if (definition?.kind === 'timer') awaitTimer(rt, instance, node, definition.timer);
  else if (definition?.kind === 'message') awaitMessage(rt, instance, node, definition.message);
  else rt.leave(instance);
});

/** An intermediate throw event passes on, after its job when it throws a message. */
export const intermediateThrowEvent = behaviour<IntermediateThrowEventNode>((rt, instance, node) => {
  if (node.taskDefinition) startJob(rt, instance, node);
  else rt.leave(instance);
});

/**
 * An end event completes (a message end event after its job); a terminate end event first terminates everything
 * else in its container (each recorded), so the container completes with it, as in Camunda 8.
 */
export const endEvent = behaviour<EndEventNode>((rt, instance, node) => {
  if (node.taskDefinition) return startJob(rt, instance, node);
  if (node.eventDefinition?.kind === 'terminate') {
    const container = rt.instance(instance.parentId as string);
    for (const id of Object.keys(container.children ?? {})) {
      const sibling = own(rt.state.instances, id);
      if (sibling && sibling !== instance) rt.terminate(sibling, rt.actor);
    }
    dropJoinsOf(rt, container);
  }
  rt.leave(instance);
});

/** A receive task waits for its message. */
export const receiveTask = behaviour<ReceiveTaskNode>((rt, instance, node) => {
  if (node.eventDefinition?.kind !== 'message') return rt.leave(instance);
  awaitMessage(rt, instance, node, node.eventDefinition.message);
});
