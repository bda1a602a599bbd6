// The bpmnProcess workflow: runs one BPMN case (caseRunner.ts) and answers its query and Updates (caseHandlers.ts).
import { CancellationScope, patched } from '@temporalio/workflow';
import { DEFAULT_LIMITS } from '../engine/interpreter';
import { setCaseHandlers } from './caseHandlers';
import { CaseRunner } from './caseRunner';
import { caseInputOf } from './scheduledStart';
import { processVariablesOf } from './caseEngine';
import type { BpmnProcessInput, BpmnProcessResult } from './definitions';
import { BOUNDS_PATCH, CASE_CANCELLATION_PATCH, CONTINUE_AS_NEW_PATCH, ENGINE_V2_PATCH, EXTERNAL_JOBS_PATCH, LEGAL_TIME_PATCH, MESSAGE_BUFFER_PATCH } from './patches';
import { runUntilEnded } from './continueAsNew';
import { startCalendarOf } from './startCalendar';

/** Runs one BPMN case: the model is in the input, every step is recorded in Temporal's history. */
export async function bpmnProcess(input: BpmnProcessInput): Promise<BpmnProcessResult> {
  input = caseInputOf(input); // a scheduled case's business key comes from its workflow id
  // Cases recorded before the bounds replay without them; the validators of new updates always apply them. Cases
  // recorded before engine v2 run on engine/v1 (the order of the two patch checks is part of the recorded history).
  const bounded = patched(BOUNDS_PATCH);
  const currentEngine = patched(ENGINE_V2_PATCH);
  // Cases recorded before continue-as-new never continue; a continued run (a new execution) answers true to all patches.
  const mayContinue = patched(CONTINUE_AS_NEW_PATCH);
  // Cases started since call activities turn a Temporal cancellation into a case cancellation (writes shielded from it).
  const cancellable = patched(CASE_CANCELLATION_PATCH);
  // Cases started since legal time have it; a continued run keeps what its case's first run was given.
  const legalTime = patched(LEGAL_TIME_PATCH) && (!input.continued || input.continued.legalTime === true);
  // Cases started since external job workers send jobs of external types to their task queues.
  const externalJobs = patched(EXTERNAL_JOBS_PATCH);
  // Cases started since message buffering take buffered messages when they subscribe; a continued run keeps its first's answer.
  const messageBuffer = patched(MESSAGE_BUFFER_PATCH) && (!input.continued || input.continued.messageBuffer === true);
  const limits = { ...DEFAULT_LIMITS, ...input.limits, bounded, legalTime, messageBuffer };
  const runner = new CaseRunner(input, limits, currentEngine, externalJobs);
  setCaseHandlers(runner, input, { ...limits, bounded: true });
  const run = async () => {
    if (input.continued) runner.resume(input.continued.jobs);
    else await runner.start(await startCalendarOf(input, legalTime));
    await runUntilEnded(runner, input, mayContinue);
    await runner.settled;
    // a cancelled case closes once its child cases have recorded their cancellation (none in cases recorded before them)
    await runner.childrenSettled;
  };
  if (cancellable) {
    runner.shieldWrites();
    CancellationScope.current().cancelRequested.catch(() => runner.cancelFromOutside());
    await CancellationScope.nonCancellable(run);
  } else await run();
  const auditHead = runner.auditHead;
  return { status: runner.state.status, variables: processVariablesOf(runner.state), endedAt: runner.state.endedAt, ...(auditHead ? { auditHead } : {}) };
}
