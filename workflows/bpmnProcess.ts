// The bpmnProcess workflow: runs one BPMN case (caseRunner.ts) and answers its query and Updates (caseHandlers.ts).
import { condition, patched } from '@temporalio/workflow';
import { DEFAULT_LIMITS } from '../engine/interpreter';
import { setCaseHandlers } from './caseHandlers';
import { CaseRunner } from './caseRunner';
import { processVariablesOf } from './caseEngine';
import type { BpmnProcessInput, BpmnProcessResult } from './definitions';
import { BOUNDS_PATCH, ENGINE_V2_PATCH } from './patches';

/** Runs one BPMN case: the model is in the input, every step is recorded in Temporal's history. */
export async function bpmnProcess(input: BpmnProcessInput): Promise<BpmnProcessResult> {
  // Cases recorded before the bounds replay without them; the validators of new updates always apply them. Cases
  // recorded before engine v2 run on engine/v1 (the order of the two patch checks is part of the recorded history).
  const limits = { ...DEFAULT_LIMITS, ...input.limits, bounded: patched(BOUNDS_PATCH) };
  const runner = new CaseRunner(input, limits, patched(ENGINE_V2_PATCH));
  setCaseHandlers(runner, input, { ...limits, bounded: true });
  await runner.start();
  await condition(() => runner.state.status !== 'running');
  await runner.settled;
  return { status: runner.state.status, variables: processVariablesOf(runner.state), endedAt: runner.state.endedAt };
}
