// A case's statutory clocks (法定时限, issue 14) as the API shows them, and their suspension, resumption and extension
// through the case's changeClock Update, by those the clock's declaration allows.
import type { Client } from '@temporalio/client';
import type { ClockDeclaration, ClockState, ClockView, SuspensionGround, WorkCalendar } from '../../contracts/legalTime';
import { clockView } from '../../engine/calendar/clocks';
import { changeClockUpdate, type CaseStateView, type ChangeClockRequest } from '../../workflows/definitions';
import type { Principal } from '../auth/principal';
import { conflict, DomainError, forbidden, notFound } from '../../platform/errors';
import { CalendarVersion } from '../../store/models';
import { loadVersion } from './definitions';
import { updateCase, visibleInstance } from './cases';

/** The roles that may change every clock of the cases they see; others only the clocks whose approvers name them. */
const CLOCK_MASTERS = ['street-commander', 'admin'];

/** Definition versions are immutable: their clock declarations, cached per (key, version). */
const declarationsCache = new Map<string, Record<string, ClockDeclaration>>();
/** Calendar versions are immutable: each calendar read once. */
const calendarCache = new Map<number, WorkCalendar>();

/** The clocks a definition version declares (none: an empty record). */
async function declarationsOf(key: string, version: number): Promise<Record<string, ClockDeclaration>> {
  const cacheKey = JSON.stringify([key, version]);
  let declared = declarationsCache.get(cacheKey);
  if (!declared) {
    declared = (await loadVersion(key, version)).model.clocks ?? {};
    declarationsCache.set(cacheKey, declared);
  }
  return declared;
}

/** The stored calendar of `version` (undefined: none, or a version not stored here — the view then counts Mon–Fri). */
async function calendarOf(version: number | null | undefined): Promise<WorkCalendar | undefined> {
  if (version == null) return undefined;
  let calendar = calendarCache.get(version);
  if (!calendar) {
    const row = await CalendarVersion.findById(version, { calendarJson: 1 }).lean();
    if (!row) return undefined;
    calendar = JSON.parse(row.calendarJson) as WorkCalendar;
    calendarCache.set(version, calendar);
  }
  return calendar;
}

/** What a case's clocks are computed from: its summary row (definition, stored clocks and calendar version) and, when at hand, its live state. */
export interface CaseClockSource {
  definitionKey: string;
  definitionVersion: number;
  clocksJson?: string | null;
  calendarVersion?: number | null;
}

/**
 * The case's clocks as at now: the live state's (else the summary row's), with the definition version's declarations
 * and the case's calendar version. A clock the version no longer declares (it cannot happen for an immutable version) is left out.
 */
export async function caseClockViews(row: CaseClockSource, state?: Pick<CaseStateView, 'clocks' | 'calendarVersion'>): Promise<ClockView[]> {
  const clocks: ClockState[] = state?.clocks ?? (row.clocksJson ? (JSON.parse(row.clocksJson) as ClockState[]) : []);
  if (clocks.length === 0) return [];
  const [declared, calendar] = await Promise.all([declarationsOf(row.definitionKey, row.definitionVersion), calendarOf(state?.calendarVersion ?? row.calendarVersion)]);
  const at = new Date().toISOString();
  return clocks.flatMap((clock) => (declared[clock.name] ? [clockView(declared[clock.name], clock, calendar, at)] : []));
}

/** Whether the user may change the clock: a street commander, an admin, or one whose roles or groups its approvers name. */
export const mayChangeClock = (user: Principal, declaration: ClockDeclaration) =>
  user.roles.some((role) => CLOCK_MASTERS.includes(role)) || declaration.approvers.some((a) => user.groups.includes(a) || (user.roles as string[]).includes(a));

/** A clock change as the API takes it. */
export type ClockChange = { action: 'suspend'; ground: SuspensionGround; reason: string } | { action: 'resume'; reason: string } | { action: 'extend'; days: number; reason: string };

/**
 * Suspends, resumes or extends the clock `name` of case `id`: 404 for a case the user does not see or a clock its process
 * does not declare, 403 `clock-approver-required` for someone the clock does not allow, 409 `clock-state-conflict` when
 * the case refuses the change (not started, stopped, already suspended, …). Answers the case's clocks after it.
 */
export async function changeCaseClock(client: Client, user: Principal, id: string, name: string, change: ClockChange): Promise<{ clocks: ClockView[] }> {
  const row = await visibleInstance(user, id);
  const declaration = (await declarationsOf(row.definitionKey, row.definitionVersion))[name];
  if (!declaration) throw notFound(`clock ${name} of case ${id}`, 'clock-not-found');
  if (!mayChangeClock(user, declaration)) {
    throw forbidden(`only street commanders, admins and ${declaration.approvers.join(', ') || 'no one else'} may ${change.action} the clock ${name}`, 'clock-approver-required');
  }
  const request: ChangeClockRequest = { clock: name, actor: user.username, ...change };
  try {
    const view = await updateCase(client, id, changeClockUpdate, request);
    return { clocks: await caseClockViews(row, view) };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'update-refused') throw conflict('clock-state-conflict', error.message);
    throw error;
  }
}
