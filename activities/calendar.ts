// Legal time's calendar lookup: the newest version of the working-day calendar, for a case that starts without one in
// its input (a case a Temporal Schedule started, or the child of a case without a calendar).
import type { WorkCalendar } from '../contracts/legalTime';
import { readLatestCalendar } from '../store/models';

/** The newest stored calendar version (null before the server made version 1: the case then counts Mon–Fri, provisional). */
export function currentCalendar(): Promise<WorkCalendar | null> {
  return readLatestCalendar();
}
