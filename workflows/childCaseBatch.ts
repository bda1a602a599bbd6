// A batch of a large parallel multi-instance call activity's child cases (issue 13's 10,000-site campaign): the calling
// case starts one childCaseBatch workflow per batch of items instead of one child per item, so its own history and
// state hold a few events and one subscription per batch. The batch starts every child case of its slice (each a
// bpmnProcess child workflow with the calling case as its parent, exactly as a single call activity starts it), waits
// for all of them and answers, per child, the value of the multi-instance's outputElement and the child's final audit
// chain head — never the children's variables, so its result stays small.
import { CancelledFailure, isCancellation, workflowInfo } from '@temporalio/workflow';
import type { CalledProcess } from '../contracts/activities';
import { type ChildBatchItem, type ChildBatchResult, DEFAULT_LIMITS, type Variables } from '../engine/interpreter';
import { childResult } from '../engine/elements';
import { evaluateExpression } from '../engine/feel';
import type { CallActivityNode, MultiInstanceDefinition } from '../engine/model';
import { childCaseInput, type ChildCaseBatchInput, type ChildCaseBatchResult, childEnd, resolveCalled, runChildCase } from './childCases';

/** Largest JSON size of a batch's answer; beyond it every child of the batch is reported failed with the reason. */
export const MAX_BATCH_RESULT_CHARS = 1_500_000;

/**
 * The value the multi-instance's outputElement gives for a completed child: evaluated over the inner instance's loop
 * variables and what the call activity produces (its output mappings over the child's variables, or the child's
 * variables as Camunda 8 propagates them). The calling case's other variables are not at hand in a batch.
 */
function outputOf(node: CallActivityNode, child: ChildBatchItem, variables: Variables): unknown {
  const definition = node.multiInstance as MultiInstanceDefinition;
  if (!definition.outputElement) return null;
  const feel = DEFAULT_LIMITS.feel;
  let produced = childResult(node, variables);
  if (node.outputs?.length) {
    const context = { ...child.locals, ...variables };
    produced = {};
    for (const mapping of node.outputs) produced[mapping.target] = evaluateExpression(mapping.source, { ...context, ...produced }, feel);
  }
  return evaluateExpression(definition.outputElement, { ...child.locals, ...produced }, feel) ?? null;
}

/** Runs one child case of the batch to its end and reports how it ended. */
async function runOne(input: ChildCaseBatchInput, called: (processId: string) => Promise<CalledProcess>, child: ChildBatchItem): Promise<ChildBatchResult> {
  const { loopCounter, childInstanceId } = child;
  try {
    const process = await called(child.processId);
    const command = { elementId: input.node.id, elementInstanceId: input.elementInstanceId, variables: child.variables };
    const result = await runChildCase(childInstanceId, childCaseInput(input.caller, process, command));
    if (result.status !== 'completed') return { loopCounter, childInstanceId, failed: `the called case ended ${result.status}` };
    return { loopCounter, childInstanceId, output: outputOf(input.node, child, result.variables), ...(result.auditHead ? { auditHead: result.auditHead } : {}) };
  } catch (error) {
    if (isCancellation(error)) throw error;
    const end = childEnd('', '', { error });
    return { loopCounter, childInstanceId, failed: end.type === 'childFailed' ? end.message : String(error) };
  }
}

/**
 * Starts every child case of the batch at once and answers once all have ended. Cancelling the batch (its call
 * activity was terminated or the calling case cancelled) asks each child to cancel and waits until each has recorded it.
 */
export async function childCaseBatch(input: ChildCaseBatchInput): Promise<ChildCaseBatchResult> {
  const lookups = new Map<string, Promise<CalledProcess>>();
  const called = (processId: string) => {
    let lookup = lookups.get(processId);
    if (!lookup) {
      lookup = resolveCalled(input.caller, { processId, binding: input.binding, elementId: input.node.id });
      lookups.set(processId, lookup);
    }
    return lookup;
  };
  const settled = await Promise.allSettled(input.children.map((child) => runOne(input, called, child)));
  const cancelled = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (cancelled) throw cancelled.reason instanceof Error ? cancelled.reason : new CancelledFailure(`batch ${workflowInfo().workflowId} was cancelled`);
  const results = settled.map((s) => (s as PromiseFulfilledResult<ChildBatchResult>).value);
  const chars = JSON.stringify(results).length;
  if (chars <= MAX_BATCH_RESULT_CHARS) return { results };
  const failed = `the outputs of this batch of ${results.length} called cases are ${chars} characters of JSON, over ${MAX_BATCH_RESULT_CHARS}; make the outputElement smaller`;
  return { results: results.map(({ loopCounter, childInstanceId }) => ({ loopCounter, childInstanceId, failed })) };
}
