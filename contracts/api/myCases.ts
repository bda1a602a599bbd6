// The cases a person started, as their 我的工单 page shows them (GET /api/me/cases, issue 17): how each stands and
// what happens next, in terms a resident can be told in plain words.
import { z } from 'zod';
import { INSTANCE_STATUSES } from '../statuses';

/** An open step of one's own case: who holds it (with their display name) and whether it waits for the caller. */
export const myCaseStep = z.object({
  taskId: z.string(),
  name: z.string().nullable().describe("the step's name in the diagram"),
  assignee: z.string().nullable(),
  assigneeName: z.string().nullable().describe("the holder's display name (null: nobody holds it yet)"),
  candidateGroups: z.array(z.string()).describe('who may take it while nobody holds it'),
  forMe: z.boolean().describe('the caller holds it or may take it (e.g. the rating of a service they ordered)'),
  dueDate: z.string().nullable(),
});

/** One case the caller started. */
export const myCaseView = z.object({
  id: z.string(),
  definitionKey: z.string(),
  processName: z.string().nullable(),
  icon: z.string().nullable(),
  businessKey: z.string(),
  status: z.enum(INSTANCE_STATUSES),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  openSteps: z.array(myCaseStep),
  rating: z.number().nullable().describe("a completed case's `rating` variable (1–5) when it has one"),
});
