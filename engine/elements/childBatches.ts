// A parallel multi-instance call activity over a large collection (more items than `limits.childBatchSize`, e.g. a
// campaign over 10,000 sites) runs its child cases in batches: the body creates no inner instances; it subscribes once
// per batch and asks the workflow to start a batch workflow that starts the batch's children (workflows/childCaseBatch.ts).
// The case's state and history then grow with the number of batches, not of children. Each batch reports, per child,
// the outputElement's value and the child's final audit chain head; the completion condition is judged after each
// batch; children that failed are an incident on the body, and resolving it starts them again as new attempts.
import { childInstanceIdOf } from '../../contracts/ids';
import { loopVariables } from '../interpreter/loopVariables';
import { IncidentSignal, type Runtime } from '../interpreter/runtime';
import { withdrawWhere } from '../interpreter/subscriptions';
import type { ChildBatchItem, ChildBatchResult, ElementInstance, MultiInstanceProgress, Variables } from '../interpreter/types';
import type { CallActivityNode, ModelNode, MultiInstanceDefinition } from '../model';
import { calledProcessId } from './callActivity';
import { itemsOf, jsonLength, leaveBody, quoted } from './loopBody';

/** Largest JSON size of the start variables of one batch (a workflow input must stay under Temporal's 2 MB payload limit). */
export const MAX_BATCH_INPUT_CHARS = 1_500_000;

/** Failed children named in an incident message at most (the rest are counted). */
const NAMED_FAILURES = 5;

/** Whether the body of `node` over `size` items runs its children in batches: a parallel call activity over more than a batch. */
export const runsInBatches = (rt: Runtime, node: ModelNode, size: number): node is CallActivityNode =>
  node.kind === 'callActivity' && !(node.multiInstance as MultiInstanceDefinition).sequential && size > rt.limits.childBatchSize;

const progressOf = (body: ElementInstance): MultiInstanceProgress => body.loop as MultiInstanceProgress;

/**
 * The batch items of children `loopCounters` (attempt `attempts[i]`): each child's loop variables, input mappings and
 * start variables as a single call activity computes them (all variables it sees with propagateAllParentVariables,
 * else its input mappings and loop variables). Nothing changes when one fails.
 */
function batchItems(rt: Runtime, body: ElementInstance, node: CallActivityNode, items: unknown[], children: Array<{ loopCounter: number; attempt: number }>): ChildBatchItem[] {
  const definition = node.multiInstance as MultiInstanceDefinition;
  const base = rt.contextOf(body);
  const propagateAll = node.calledElement?.propagateAllParentVariables !== false;
  let chars = 0;
  return children.map(({ loopCounter, attempt }) => {
    let locals = loopVariables(definition, loopCounter, items[loopCounter - 1]);
    if (node.inputs?.length) locals = { ...locals, ...rt.evaluateMappings(node.inputs, { ...base, ...locals }) };
    const variables = propagateAll ? { ...base, ...locals } : locals;
    chars += JSON.stringify(variables).length;
    if (chars > MAX_BATCH_INPUT_CHARS) {
      throw new IncidentSignal(
        'variables',
        `the start variables of a batch of ${children.length} child cases of <${node.id}> exceed ${MAX_BATCH_INPUT_CHARS} characters of JSON; ` +
          'set propagateAllParentVariables="false" and map only what the called process needs',
      );
    }
    const childInstanceId = childInstanceIdOf(rt.state.instanceId, node.id, `${body.id}-${loopCounter}`, attempt);
    return { loopCounter, childInstanceId, processId: calledProcessId(rt, node, () => ({ ...base, ...locals })), variables, locals };
  });
}

/** Starts batches of at most `limits.childBatchSize` of the given children, one subscription and one batch workflow each. */
function startBatches(rt: Runtime, body: ElementInstance, node: CallActivityNode, items: unknown[], children: Array<{ loopCounter: number; attempt: number }>): void {
  const size = rt.limits.childBatchSize;
  const batches: ChildBatchItem[][] = [];
  for (let from = 0; from < children.length; from += size) batches.push(batchItems(rt, body, node, items, children.slice(from, from + size)));
  for (const batch of batches) {
    const n = rt.nextId('batch');
    const waitId = `${body.id}:${n}`;
    const batchInstanceId = `${rt.state.instanceId}/${node.id}/${body.id}/${n}`;
    const first = batch[0].loopCounter;
    rt.subscribe(waitId, { kind: 'childBatch', instanceId: body.id, elementId: node.id, batchInstanceId, first, count: batch.length });
    rt.emit({ type: 'startChildBatch', waitId, elementId: node.id, elementInstanceId: body.id, batchInstanceId, binding: node.calledElement?.binding ?? 'latest', children: batch });
    rt.record({
      kind: 'child.started',
      elementId: node.id,
      tokenId: body.id,
      data: { batchInstanceId, children: batch.length, firstChild: batch[0].childInstanceId, lastChild: batch[batch.length - 1].childInstanceId, processIds: [...new Set(batch.map((c) => c.processId))] },
    });
  }
}

/** Starts the children of a new batched body: every item, in batches. */
export function startChildBatches(rt: Runtime, body: ElementInstance, node: CallActivityNode, items: unknown[]): void {
  startBatches(rt, body, node, items, items.map((_, index) => ({ loopCounter: index + 1, attempt: 1 })));
}

/** The body was activated again after the incident of its failed children: those start again, each as its next attempt. */
export function retryFailedChildren(rt: Runtime, body: ElementInstance, node: CallActivityNode): void {
  const progress = progressOf(body);
  const failed = progress.failed ?? [];
  delete progress.failed;
  if (failed.length === 0) return settleBatches(rt, body, node);
  startBatches(rt, body, node, itemsOf(rt, body, node), failed.map((f) => ({ loopCounter: f.loopCounter, attempt: f.attempt + 1 })));
}

/** The completion condition with the body's counters after a batch (the body's variables, the counters, the batch's last loopCounter). */
function completionHolds(rt: Runtime, body: ElementInstance, node: CallActivityNode, loopCounter: number): boolean {
  const condition = (node.multiInstance as MultiInstanceDefinition).completionCondition;
  if (!condition) return false;
  const progress = progressOf(body);
  const failed = progress.failed?.length ?? 0;
  const value = rt.evaluate(condition, {
    ...rt.contextOf(body),
    loopCounter,
    numberOfInstances: progress.size,
    numberOfActiveInstances: progress.size - progress.completed - progress.terminated - failed,
    numberOfCompletedInstances: progress.completed,
    numberOfTerminatedInstances: progress.terminated,
  });
  if (typeof value !== 'boolean') throw new IncidentSignal('expression', `the completionCondition of <${node.id}> must be true or false, got ${quoted(value)}`);
  return value;
}

/** Whether the body still waits for a batch. */
const batchesOpen = (rt: Runtime, body: ElementInstance) => (body.subscriptions ?? []).some((id) => rt.state.subscriptions[id]?.kind === 'childBatch');

/** No batch is open any more: the body completes, or its failed children are an incident on it. */
function settleBatches(rt: Runtime, body: ElementInstance, node: ModelNode): void {
  if (batchesOpen(rt, body) || body.incidentId) return;
  const failed = progressOf(body).failed ?? [];
  if (failed.length === 0) return leaveBody(rt, body, node);
  const named = failed.slice(0, NAMED_FAILURES).map((f) => `#${f.loopCounter}: ${f.message}`);
  const more = failed.length > NAMED_FAILURES ? `; and ${failed.length - NAMED_FAILURES} more` : '';
  rt.raiseIncident(body, 'childFailed', `${failed.length} of the ${progressOf(body).size} called cases of <${node.id}> did not complete (${named.join('; ')}${more}); resolving starts them again`);
}

/** Stores each completed child's output at its place in the output collection (counted against the variables' limit). */
function storeOutputs(rt: Runtime, body: ElementInstance, node: CallActivityNode, results: ChildBatchResult[]): void {
  const name = (node.multiInstance as MultiInstanceDefinition).outputCollection;
  const outputs = name ? (body.variables as Variables)[name] : undefined;
  if (!Array.isArray(outputs)) return;
  let delta = 0;
  for (const result of results) if ('output' in result) delta += jsonLength(result.output) - jsonLength(outputs[result.loopCounter - 1]);
  if (rt.state.variableBytes + delta > rt.limits.maxVariableBytes) {
    throw new IncidentSignal('variables', `variables of the instance would exceed ${rt.limits.maxVariableBytes} bytes (set by the outputElement of <${node.id}>)`);
  }
  for (const result of results) if ('output' in result) outputs[result.loopCounter - 1] = result.output;
  rt.state.variableBytes += delta;
}

/**
 * A batch ended (checked by rejectionOf): its completed children's outputs are stored and recorded with their chain
 * heads, its failed ones kept for the incident; then the completion condition may end the body early (the other
 * batches are withdrawn, their children cancelled), or the body settles once no batch is open.
 */
export function endChildBatch(rt: Runtime, waitId: string, results: ChildBatchResult[]): void {
  const { subscription } = rt.consume(waitId);
  if (subscription.kind !== 'childBatch') throw new Error(`${waitId} is no batch of child cases`);
  const body = rt.instance(subscription.instanceId);
  const node = rt.node(body.elementId) as CallActivityNode;
  const progress = progressOf(body);
  const completed = results.filter((r) => 'output' in r);
  const failed = results.flatMap((r) => ('failed' in r ? [r] : []));
  rt.record({
    kind: 'child.completed',
    elementId: node.id,
    tokenId: body.id,
    data: {
      batchInstanceId: subscription.batchInstanceId,
      completed: completed.map((r) => ({ childInstanceId: r.childInstanceId, ...('auditHead' in r && r.auditHead ? { auditHead: r.auditHead } : {}) })),
      failed: failed.map((r) => ({ childInstanceId: r.childInstanceId, message: r.failed })),
    },
  });
  progress.completed += completed.length;
  try {
    storeOutputs(rt, body, node, completed);
  } catch (error) {
    if (!(error instanceof IncidentSignal)) throw error;
    // the children completed (they are not run again); their outputs could not be kept
    incidentOnce(rt, body, error.kind, `${error.message}; the outputs of ${completed.length} completed called cases (${subscription.batchInstanceId}) were not stored`);
  }
  const attempts = new Map(results.map((r) => [r.loopCounter, attemptOf(r.childInstanceId)]));
  if (failed.length) progress.failed = [...(progress.failed ?? []), ...failed.map((f) => ({ loopCounter: f.loopCounter, attempt: attempts.get(f.loopCounter) ?? 1, message: f.failed }))];
  const last = results.length ? results[results.length - 1].loopCounter : 0;
  let holds = false;
  try {
    holds = completionHolds(rt, body, node, last);
  } catch (error) {
    if (!(error instanceof IncidentSignal)) throw error;
    incidentOnce(rt, body, error.kind, error.message);
  }
  if (holds) {
    const open = (body.subscriptions ?? []).map((id) => rt.state.subscriptions[id]).filter((s) => s?.kind === 'childBatch');
    progress.terminated += open.reduce((n, s) => n + (s?.kind === 'childBatch' ? s.count : 0), 0) + (progress.failed?.length ?? 0);
    delete progress.failed;
    progress.done = true;
    withdrawWhere(rt, body, (s) => s.kind === 'childBatch');
  }
  settleBatches(rt, body, node);
}

/** Stops the body with an incident, unless it has one open already (its resolution settles the body either way). */
function incidentOnce(rt: Runtime, body: ElementInstance, kind: Parameters<Runtime['raiseIncident']>[1], message: string): void {
  if (!body.incidentId) rt.raiseIncident(body, kind, message);
}

/** The attempt of a child case id (`…/<body>-<loopCounter>` is the first, `….<n>` the n-th). */
function attemptOf(childInstanceId: string): number {
  const match = /\.(\d+)$/.exec(childInstanceId);
  return match ? Number(match[1]) : 1;
}
