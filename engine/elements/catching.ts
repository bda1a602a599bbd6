// Throwing and catching errors and escalations: the nearest catching element wins, searched from the thrower outward —
// the thrower's own boundary events, then at each enclosing container its event subprocesses, then its boundary events;
// at each place a catcher of the exact code before a catch-all one (Camunda 8).
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import type { ElementInstance, Variables } from '../interpreter/types';
import type { BoundaryEventNode, EventDefinition, SubProcessNode } from '../model';
import { runBoundary } from './boundaryEvents';
import { startEventSubProcess, startOf } from './eventSubProcesses';

type Thrown = 'error' | 'escalation';

/** Where a thrown error or escalation is caught. */
type Catcher =
  | { at: 'boundary'; activity: ElementInstance; node: BoundaryEventNode }
  | { at: 'eventSubProcess'; container: ElementInstance; subProcess: SubProcessNode };

/** The code a catching definition catches (undefined: any), or null when it catches something else. */
function caughtCode(definition: EventDefinition | undefined, what: Thrown): string | undefined | null {
  if (definition?.kind === 'error' && what === 'error') return definition.errorCode;
  if (definition?.kind === 'escalation' && what === 'escalation') return definition.escalationCode;
  return null;
}

/** The first candidate catching `code` exactly, else the first catch-all one. */
function best<T>(candidates: T[], codeOf: (candidate: T) => string | undefined | null, code: string): T | undefined {
  return candidates.find((c) => codeOf(c) === code) ?? candidates.find((c) => codeOf(c) === undefined);
}

function boundaryCatcher(rt: Runtime, activity: ElementInstance, what: Thrown, code: string): Catcher | undefined {
  // an inner instance of a multi-instance body has none: they are attached to its body
  if (activity.parentId === null || rt.bodyOf(activity)) return undefined;
  const nodes = (rt.node(activity.elementId).boundaryEvents ?? []).map((id) => rt.node(id) as BoundaryEventNode);
  const node = best(nodes, (n) => caughtCode(n.eventDefinition, what), code);
  return node && { at: 'boundary', activity, node };
}

function eventSubProcessCatcher(rt: Runtime, container: ElementInstance, what: Thrown, code: string): Catcher | undefined {
  // a multi-instance body holds no event subprocesses (each inner subprocess instance holds its own)
  if (rt.isMultiInstanceBody(container)) return undefined;
  const ids = container.parentId === null ? rt.model.eventSubProcesses : (rt.node(container.elementId) as SubProcessNode).eventSubProcesses;
  const subProcesses = (ids ?? []).map((id) => rt.node(id) as SubProcessNode);
  const subProcess = best(subProcesses, (s) => caughtCode(startOf(rt, s).eventDefinition, what), code);
  return subProcess && { at: 'eventSubProcess', container, subProcess };
}

/** The nearest catcher of `code` thrown by `source`; an event subprocess does not catch what is thrown inside itself. */
function findCatcher(rt: Runtime, source: ElementInstance, what: Thrown, code: string): Catcher | undefined {
  let child = source;
  let found = boundaryCatcher(rt, child, what, code);
  for (let container = child.parentId ? rt.instance(child.parentId) : undefined; !found && container; container = container.parentId ? rt.instance(container.parentId) : undefined) {
    const fromEventSubProcess = (rt.node(child.elementId) as Partial<SubProcessNode>).triggeredByEvent === true;
    found = (fromEventSubProcess ? undefined : eventSubProcessCatcher(rt, container, what, code)) ?? boundaryCatcher(rt, container, what, code);
    child = container;
  }
  return found;
}

function catchAt(rt: Runtime, catcher: Catcher, variables: Variables): void {
  if (catcher.at === 'boundary') runBoundary(rt, catcher.activity, catcher.node, variables);
  else startEventSubProcess(rt, catcher.container, catcher.subProcess, variables);
}

/**
 * Throws BPMN error `code` from `source` (an error end event, or a task whose job failed with a business error and
 * `variables`): the catcher interrupts everything between it and the thrower and completes with the variables (its
 * output mappings apply). Uncaught → an `unhandledError` incident on the thrower, as Camunda 8 (resolving it runs the
 * thrower again).
 */
export function throwError(rt: Runtime, source: ElementInstance, code: string, message?: string, variables: Variables = {}): void {
  rt.record({ kind: 'error.thrown', elementId: source.elementId, tokenId: source.id, data: { errorCode: code, ...(message ? { message } : {}) } });
  const catcher = findCatcher(rt, source, 'error', code);
  if (!catcher) throw new IncidentSignal('unhandledError', `error "${code}" thrown by <${source.elementId}> was not caught by any error event${message ? `: ${message}` : ''}`);
  catchAt(rt, catcher, variables);
}

/**
 * Throws escalation `code` from `source` (an escalation intermediate or end event): an interrupting catcher ends the
 * thrower with its scope, a non-interrupting one runs beside it. Uncaught, nothing happens (Camunda 8: no incident).
 */
export function throwEscalation(rt: Runtime, source: ElementInstance, code: string): void {
  rt.record({ kind: 'escalation.thrown', elementId: source.elementId, tokenId: source.id, data: { escalationCode: code } });
  const catcher = findCatcher(rt, source, 'escalation', code);
  if (catcher) catchAt(rt, catcher, {});
}
