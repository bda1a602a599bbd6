// The registry of element behaviours: one line per node kind of the executable model.
import type { ElementBehaviour } from '../interpreter/runtime';
import type { NodeKind } from '../model';
import { endEvent, intermediateCatchEvent, intermediateThrowEvent, receiveTask } from './events';
import { exclusiveGateway } from './exclusiveGateway';
import { inclusiveGateway } from './inclusiveGateway';
import { serviceTask } from './job';
import { parallelGateway } from './parallelGateway';
import { scriptTask } from './scriptTask';
import { startEvent } from './startEvent';
import { subProcess } from './subProcess';
import { task } from './task';
import { userTask } from './userTask';

/** Behaviour of each node kind the interpreter runs. */
export const behaviours: Record<NodeKind, ElementBehaviour> = {
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
  subProcess,
};
