// Cases as the API answers them: the summary row and the workflow's live state.
import { z } from 'zod';
import { INSTANCE_STATUSES } from '../statuses';

/** An instance summary. */
export const instanceView = z.object({
  id: z.string(),
  definitionKey: z.string(),
  definitionVersion: z.number().int(),
  businessKey: z.string(),
  street: z.string().nullable(),
  status: z.enum(INSTANCE_STATUSES),
  currentElements: z.array(z.string()),
  incidentCount: z.number().int(),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});

/** The workflow's state query answer. */
export const caseState = z
  .object({
    status: z.enum(['running', 'completed', 'cancelled']),
    activeElements: z.array(z.object({ elementId: z.string(), tokenId: z.string(), since: z.string() })),
    openTasks: z.array(z.string()),
    incidents: z.array(z.object({ id: z.string(), elementId: z.string(), kind: z.string(), message: z.string() }).loose()),
    variables: z.record(z.string(), z.unknown()).describe("the case's process variables"),
  })
  .loose();

/** The calling case of a call activity's child case, and the call activity. */
export const parentCaseView = z.object({ instanceId: z.string(), elementId: z.string() });

/** A child case started by one of the case's call activities: which, of what process, how it stands. */
export const childCaseView = z.object({
  instanceId: z.string(),
  elementId: z.string().describe('the call activity that started it'),
  definitionKey: z.string(),
  status: z.enum(INSTANCE_STATUSES),
  openIncidents: z.number().int().describe("the child case's open incidents"),
});

/** The answer of POST /api/signals: the cases the signal reached, and the case id to continue after (null: none left). */
export const signalBroadcastView = z.object({
  name: z.string(),
  delivered: z.number().int(),
  cases: z.array(z.string()),
  next: z.string().nullable().describe('more cases may wait: send the signal again with `after` set to this id'),
});
