// Cases that live for years: a run whose history grew past its limit continues as new at a safe point, handing the
// engine state, the audit numbering and the status to the next run of the same workflow id (docs/ARCHITECTURE.md).
import { allHandlersFinished, condition, log, makeContinueAsNewFunc, workflowInfo } from '@temporalio/workflow';
import type { CaseRunner } from './caseRunner';
import { type BpmnProcessInput, type BpmnProcessResult, DEFAULT_HISTORY_EVENTS } from './definitions';

/**
 * Largest input a run continues with, in bytes of JSON: below Temporal's 2 MB payload limit (blob size) with room for
 * the payload's envelope. The input holds the model, the engine state and the case's identity.
 */
export const MAX_CONTINUATION_BYTES = 1_500_000;

/** The UTF-8 length of a text (the workflow sandbox has no Buffer). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Waits until the case ends. With `mayContinue` (the continue-as-new patch), a run whose history holds the case's
 * maxHistoryEvents (or which Temporal suggests to continue) continues as new once it is at a safe point: no job in
 * flight, every Update handler finished, every write done (pending audit entries are written first). Jobs asked for
 * meanwhile are held back and started by the next run. A next input too large for Temporal is not sent: the run starts
 * the held jobs, goes on, says why in the worker's log, and tries again after as many events again.
 */
export async function runUntilEnded(runner: CaseRunner, input: BpmnProcessInput, mayContinue: boolean): Promise<void> {
  const limit = input.limits?.maxHistoryEvents ?? DEFAULT_HISTORY_EVENTS;
  let checkFrom = limit;
  const due = () => mayContinue && (workflowInfo().historyLength >= checkFrom || workflowInfo().continueAsNewSuggested);
  const ready = () => runner.atSafePoint() && allHandlersFinished();
  // A chain of jobs always has one in flight: while the run is due, a job a step asks for waits for the next run instead.
  runner.holdJobs = () => due() && runner.waitsOnlyForCarried();
  for (;;) {
    await condition(() => runner.state.status !== 'running' || (due() && ready()));
    if (runner.state.status !== 'running') return;
    await runner.flush();
    // An Update, a timer or a job may have come in while the pending entries were written: look again.
    if (runner.state.status !== 'running' || !ready()) continue;
    const next: BpmnProcessInput = { ...input, variables: {}, continued: runner.continuation((input.continued?.runsBefore ?? 0) + 1) };
    const bytes = utf8Bytes(JSON.stringify(next));
    if (bytes > MAX_CONTINUATION_BYTES) {
      checkFrom = workflowInfo().historyLength + limit;
      runner.releaseHeldJobs();
      log.warn('the case does not continue as new: its state is too large to carry', { bytes, maxBytes: MAX_CONTINUATION_BYTES, historyLength: workflowInfo().historyLength, retryAt: checkFrom });
      continue;
    }
    log.info('the case continues as new', { bytes, historyLength: workflowInfo().historyLength, auditSeq: next.continued?.auditSeq, run: next.continued?.runsBefore });
    await makeContinueAsNewFunc<(input: BpmnProcessInput) => Promise<BpmnProcessResult>>({ typedSearchAttributes: workflowInfo().typedSearchAttributes })(next);
  }
}
