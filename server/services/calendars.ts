// The working-day calendar's versions (issue 14): version 1 from the national schedule of the pinned chinese-days
// package, a new version when the package's data changes or an admin adds or removes a local adjustment. Versions are
// immutable and hash-linked (each names the previous record's sha256); the newest is the current calendar.
import type { WorkCalendar } from '../../contracts/legalTime';
import { isWorkingDay, localDateOf } from '../../engine/calendar/workCalendar';
import { jsonSha256 } from '../../engine/hash';
import { conflict, notFound } from '../../platform/errors';
import { CalendarVersion, type CalendarVersionDoc } from '../../store/models';
import { type BaseSchedule, baseDays, isWeekend, readBaseSchedule } from './calendarBase';

/** Who made the versions a server makes by itself (from the package). */
export const CALENDAR_SYSTEM_ACTOR = 'system';
/** How long a server trusts its cached current calendar before it looks for a version another server made. */
const CACHE_MS = 30_000;
/** Inserts tried when other servers keep taking the next version number. */
const INSERT_ATTEMPTS = 5;

/** A local adjustment: `date` made a working day or a day off, why, by whom, when. */
export interface CalendarAdjustment {
  date: string;
  working: boolean;
  note: string;
  by: string;
  at: Date;
}

/** What a version changed. */
export type CalendarChange = { kind: 'package' } | { kind: 'adjustment.added'; date: string; working: boolean; note: string } | { kind: 'adjustment.removed'; date: string; working: boolean; note: string };

/** A stored version with its calendar parsed. */
export interface StoredVersion extends CalendarVersionDoc {
  calendar: WorkCalendar;
}

const parsed = (row: CalendarVersionDoc): StoredVersion => ({ ...row, calendar: JSON.parse(row.calendarJson) as WorkCalendar });

/** The text a version's `source` says: the package, and how many local adjustments are merged in. */
const sourceOf = (basePackage: string, adjustments: number) =>
  adjustments === 0 ? basePackage : `${basePackage} + ${adjustments} local adjustment${adjustments === 1 ? '' : 's'}`;

/** The calendar of a version: the schedule's days of knownFrom..knownThrough with the adjustments applied, and its sha256. */
export function buildCalendar(version: number, base: BaseSchedule, knownFrom: number, adjustments: CalendarAdjustment[]): WorkCalendar {
  const knownThrough = base.lastYear;
  const days = baseDays(base, knownFrom, knownThrough);
  const off = new Set(days.offDays);
  const work = new Set(days.workDays);
  for (const { date, working } of adjustments) {
    const list = isWeekend(date) ? work : off;
    // a weekend is listed when working, a weekday when off
    if (working === (list === work)) list.add(date);
    else list.delete(date);
  }
  const calendar = { version, source: sourceOf(base.basePackage, adjustments.length), knownFrom, knownThrough, offDays: [...off].sort(), workDays: [...work].sort() };
  return { ...calendar, sha256: jsonSha256(calendar) };
}

/** The sha256 of a version's record: every field but calendarJson (which `sha256` stands for) and itself. */
export function recordSha256Of(row: Omit<CalendarVersionDoc, 'recordSha256' | 'calendarJson'>): string {
  return jsonSha256({
    version: row._id,
    sha256: row.sha256,
    source: row.source,
    basePackage: row.basePackage,
    baseSha256: row.baseSha256,
    adjustments: row.adjustments.map((a) => ({ date: a.date, working: a.working, note: a.note, by: a.by, at: new Date(a.at).toISOString() })),
    change: { kind: row.change.kind, date: row.change.date ?? undefined, working: row.change.working ?? undefined, note: row.change.note ?? undefined },
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
    prevSha256: row.prevSha256 ?? null,
  });
}

/** The newest stored version, or null before the first. */
export async function latestVersion(): Promise<StoredVersion | null> {
  const row = (await CalendarVersion.findOne().sort({ _id: -1 }).lean()) as CalendarVersionDoc | null;
  return row ? parsed(row) : null;
}

/** Every version, newest first (without their calendars). */
export async function listVersions(): Promise<Array<Omit<CalendarVersionDoc, 'calendarJson'> & { knownFrom: number; knownThrough: number }>> {
  const rows = (await CalendarVersion.find().sort({ _id: -1 }).lean()) as CalendarVersionDoc[];
  return rows.map(({ calendarJson, ...row }) => {
    const { knownFrom, knownThrough } = JSON.parse(calendarJson) as WorkCalendar;
    return { ...row, knownFrom, knownThrough };
  });
}

let cache: { calendar: WorkCalendar; readAt: number } | null = null;
let packageSynced: Promise<StoredVersion> | null = null;

/**
 * Inserts the version after the newest one: `decide(latest, at)` answers what it holds (the schedule, the adjustments,
 * the change, who made it at `at`), or null when nothing is to be done. Another server having taken that number first
 * (a duplicate `_id`), `decide` is asked again on the version it made.
 */
async function insertNext(
  decide: (latest: StoredVersion | null, at: Date) => { base: BaseSchedule; adjustments: CalendarAdjustment[]; change: CalendarChange; by: string } | null,
): Promise<StoredVersion | null> {
  for (let attempt = 0; attempt < INSERT_ATTEMPTS; attempt += 1) {
    const latest = await latestVersion();
    const createdAt = new Date();
    const next = decide(latest, createdAt);
    if (!next) return null;
    const version = (latest?._id ?? 0) + 1;
    const knownFrom = Math.min(Number(localDateOf(createdAt.toISOString()).slice(0, 4)) - 2, next.base.lastYear);
    const calendar = buildCalendar(version, next.base, knownFrom, next.adjustments);
    const record = {
      _id: version,
      sha256: calendar.sha256,
      source: calendar.source,
      basePackage: next.base.basePackage,
      baseSha256: next.base.baseSha256,
      adjustments: next.adjustments,
      change: next.change,
      createdBy: next.by,
      createdAt,
      prevSha256: latest?.recordSha256 ?? null,
    };
    const row = { ...record, calendarJson: JSON.stringify(calendar), recordSha256: recordSha256Of(record as Omit<CalendarVersionDoc, 'recordSha256' | 'calendarJson'>) };
    try {
      await CalendarVersion.create(row);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) continue;
      throw error;
    }
    cache = { calendar, readAt: Date.now() };
    return parsed(row as CalendarVersionDoc);
  }
  throw conflict('calendar-busy', `the calendar changed ${INSERT_ATTEMPTS} times while this change was being made; try again`);
}

/** The adjustments of a stored version as the next version carries them. */
const adjustmentsOf = (version: StoredVersion | null): CalendarAdjustment[] =>
  (version?.adjustments ?? []).map((a) => ({ date: a.date, working: a.working, note: a.note, by: a.by, at: new Date(a.at) }));

/**
 * At server start: makes version 1 from the package when there is none, and a new version (by `system`, local
 * adjustments kept) when the package's schedule differs from the newest version's (an upgrade with next year's
 * holidays). Answers the newest version.
 */
export async function syncCalendarWithPackage(base: BaseSchedule = readBaseSchedule()): Promise<StoredVersion> {
  const made = await insertNext((latest) =>
    latest?.baseSha256 === base.baseSha256 ? null : { base, adjustments: adjustmentsOf(latest), change: { kind: 'package' }, by: CALENDAR_SYSTEM_ACTOR },
  );
  return made ?? ((await latestVersion()) as StoredVersion);
}

/** The newest version, made from the package first if this server has not looked at the package yet. */
export async function currentVersion(): Promise<StoredVersion> {
  packageSynced ??= syncCalendarWithPackage().catch((error: unknown) => {
    packageSynced = null;
    throw error;
  });
  await packageSynced;
  return (await latestVersion()) as StoredVersion;
}

/** The current working-day calendar (cached for 30 s, replaced at once by a version this server makes): what new cases start with. */
export async function currentCalendar(): Promise<WorkCalendar> {
  if (cache && Date.now() - cache.readAt < CACHE_MS) return cache.calendar;
  const { calendar } = await currentVersion();
  cache = { calendar, readAt: Date.now() };
  return calendar;
}

/** The package schedule of a version (the installed package's when the version was made from it). */
function scheduleOf(version: StoredVersion): BaseSchedule {
  const installed = readBaseSchedule();
  if (installed.baseSha256 !== version.baseSha256) {
    throw conflict('calendar-package-changed', `the calendar's version ${version._id} was made from ${version.basePackage}, not the installed ${installed.basePackage}; restart the server to take the package's schedule first`);
  }
  return installed;
}

/** Adds a local adjustment (`date` a working day or a day off): a new version; 409 `calendar-unchanged` when the day already is so. */
export async function addAdjustment(input: { date: string; working: boolean; note: string }, by: string): Promise<StoredVersion> {
  await currentVersion();
  const made = await insertNext((latest, at) => {
    const current = latest as StoredVersion;
    if (isWorkingDay(current.calendar, input.date) === input.working) {
      throw conflict('calendar-unchanged', `${input.date} already is a ${input.working ? 'working day' : 'day off'} in calendar version ${current._id}`);
    }
    const adjustments = adjustmentsOf(current).filter((a) => a.date !== input.date);
    adjustments.push({ ...input, by, at });
    adjustments.sort((a, b) => a.date.localeCompare(b.date));
    return { base: scheduleOf(current), adjustments, change: { kind: 'adjustment.added', ...input }, by };
  });
  return made as StoredVersion;
}

/** Removes the local adjustment of `date`: a new version; 404 when the current version has none for that day. */
export async function removeAdjustment(date: string, by: string): Promise<StoredVersion> {
  await currentVersion();
  const made = await insertNext((latest) => {
    const current = latest as StoredVersion;
    const removed = adjustmentsOf(current).find((a) => a.date === date);
    if (!removed) throw notFound(`a local adjustment of ${date}`, 'adjustment-not-found');
    const adjustments = adjustmentsOf(current).filter((a) => a.date !== date);
    return { base: scheduleOf(current), adjustments, change: { kind: 'adjustment.removed', date, working: removed.working, note: removed.note }, by };
  });
  return made as StoredVersion;
}
