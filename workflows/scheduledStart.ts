// Cases started by a timer start event's Temporal Schedule: Temporal appends the fire time to the action's workflow id
// (`<definition key>:<start event id>` becomes `<definition key>:<start event id>-2026-12-01T01:00:00Z`), so the
// business key is read from the workflow id and the case id stays `<definition key>:<business key>`.
import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { type BpmnProcessInput, searchAttributes } from './definitions';

/** The input a case runs with: a scheduled case's business key is its workflow id after `<definition key>:`. */
export function caseInputOf(input: BpmnProcessInput): BpmnProcessInput {
  if (!input.scheduled) return input;
  const businessKey = workflowInfo().workflowId.slice(input.definition.key.length + 1);
  // the schedule could not set it (the same action starts every case): set once, by the run that starts the case
  if (!input.continued && businessKey !== input.businessKey) upsertSearchAttributes([{ key: searchAttributes.businessKey, value: businessKey }]);
  return { ...input, businessKey };
}
