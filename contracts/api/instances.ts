// Cases as the API answers them: the summary row and the workflow's live state.
import { z } from 'zod';
import { SUSPENSION_GROUNDS } from '../legalTime';
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

/** A period a statutory clock did not run (中止). */
const clockSuspensionView = z.object({
  from: z.string(),
  to: z.string().optional().describe('absent while the suspension lasts'),
  ground: z.enum(SUSPENSION_GROUNDS),
  reason: z.string(),
  by: z.string(),
  resumedBy: z.string().optional(),
  resumeReason: z.string().optional(),
});

/** A statutory clock (法定时限) of a case as at the request (contracts/legalTime.ts ClockView). */
export const clockView = z.object({
  name: z.string(),
  status: z.enum(['running', 'suspended', 'stopped']),
  startedAt: z.string(),
  startedBy: z.string().describe('the element whose completion started it'),
  stoppedAt: z.string().optional(),
  suspensions: z.array(clockSuspensionView),
  extensions: z.array(z.object({ days: z.number().int(), reason: z.string(), by: z.string(), at: z.string() })),
  deadline: z.string().nullable().describe('the end of its last day (+08:00), or the exact instant of a time clock; null while suspended'),
  provisional: z.boolean().describe('the deadline counts days of a year whose holidays are not published yet (暂定)'),
  unit: z.enum(['calendarDays', 'workingDays', 'time']),
  length: z.union([z.number(), z.string()]).describe('declared days, or the ISO 8601 duration of a time clock'),
  elapsed: z.number(),
  remaining: z.number().nullable(),
  extendedDays: z.number().int(),
  urgency: z.enum(['normal', 'near', 'overdue']),
  approvers: z.array(z.string()).describe('roles or groups that may suspend, resume and extend it besides street commanders and admins'),
  warnWithin: z.number().int(),
});

/** The answer of a clock change: the case's clocks after it. */
export const clocksView = z.object({ clocks: z.array(clockView) });

/** The body of POST /api/instances/:id/clocks/:name/suspend: the legal ground and a reason. */
export const suspendClockBody = z.object({ ground: z.enum(SUSPENSION_GROUNDS), reason: z.string().trim().min(1, 'a reason is required').max(500) });
/** The body of POST /api/instances/:id/clocks/:name/resume: a reason. */
export const resumeClockBody = z.object({ reason: z.string().trim().min(1, 'a reason is required').max(500) });
/** The body of POST /api/instances/:id/clocks/:name/extend: days in the clock's unit (calendar or working days) and a reason. */
export const extendClockBody = z.object({ days: z.number().int().min(1).max(3650), reason: z.string().trim().min(1, 'a reason is required').max(500) });

/** How a case's pages name one element of its process (issue 17): the diagram's name (null when it gives none) and its kind. */
export const elementLabel = z.object({ name: z.string().nullable(), kind: z.string() });
