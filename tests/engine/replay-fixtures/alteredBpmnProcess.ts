// A deliberately changed bpmnProcess for the negative replay case: registered under the same workflow type name,
// it arms a timer before anything else, so its first command differs from every recorded history's.
import { sleep } from '@temporalio/workflow';
import type { BpmnProcessInput, BpmnProcessResult } from '../../../workflows/definitions';

/** The changed behaviour: wait a minute, then end the case without interpreting it. */
export async function bpmnProcess(input: BpmnProcessInput): Promise<BpmnProcessResult> {
  await sleep('1 minute');
  return { status: 'completed', variables: input.variables };
}
