// The registry of element behaviours: one entry per node kind of the executable model, each typed by its node kind;
// a kind without a behaviour (or a behaviour for the wrong kind) fails the type check.
import { type ElementBehaviour, MULTI_INSTANCE_BODY } from '../interpreter/runtime';
import type { NodeKind, NodeOf } from '../model';
import { boundaryEvent } from './boundaryEvents';
import { callActivity } from './callActivity';
import { eventBasedGateway } from './eventBasedGateway';
import { endEvent, intermediateCatchEvent, intermediateThrowEvent, receiveTask } from './events';
import { exclusiveGateway, inclusiveGateway, parallelGateway } from './gateways';
import { serviceTask } from './job';
import { multiInstanceBody } from './multiInstance';
import { startEvent } from './startEvent';
import { subProcess } from './subProcess';
import { scriptTask, task } from './tasks';
import { userTask } from './userTask';

/** Behaviour of each node kind the interpreter runs. */
export const behaviours = {
  startEvent,
  endEvent,
  intermediateCatchEvent,
  intermediateThrowEvent,
  task,
  userTask,
  serviceTask,
  sendTask: serviceTask,
  scriptTask,
  receiveTask,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  eventBasedGateway,
  boundaryEvent,
  subProcess,
  callActivity,
  [MULTI_INSTANCE_BODY]: multiInstanceBody,
} satisfies { [K in NodeKind]: ElementBehaviour<NodeOf<K>> } & { [MULTI_INSTANCE_BODY]: ElementBehaviour };

/** What a call activity takes from its child's variables (workflows/childCaseBatch.ts computes a batch child's output with it). */
export { childResult } from './callActivity';
