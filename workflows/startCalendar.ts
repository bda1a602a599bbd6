// The working-day calendar a case starts with (legal time, issue 14): the one in its input (the server's current
// version, or its calling case's), else — for a model that uses legal time — the current version read by a local activity
// (a case started by a Temporal Schedule, or a child of a case without one).
import type { WorkCalendar } from '../contracts/legalTime';
import { calendars } from './activityProxies';
import type { BpmnProcessInput } from './definitions';

/** The calendar of the start event: none without legal time, the input's, or the current one when the model uses legal time. */
export async function startCalendarOf(input: BpmnProcessInput, legalTime: boolean): Promise<WorkCalendar | undefined> {
  if (!legalTime) return undefined;
  if (input.calendar) return input.calendar;
  if (!input.model.usesLegalTime) return undefined;
  return (await calendars.currentCalendar()) ?? undefined;
}
