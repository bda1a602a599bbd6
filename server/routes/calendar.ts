// The working-day calendar (工作日历): everyone reads a year's days; admins add and remove local adjustments (each a
// new version, rolled out to the running cases); admins and auditors read the versions.
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { type AnyRoute, reply, route } from '../http/route';
import {
  calendarAdjustmentBody,
  calendarDateParam,
  calendarRolloutView,
  calendarVersionView,
  calendarYearQuery,
  calendarYearView,
} from '../../contracts/api/calendar';
import { ADMINS, CALENDAR_VERSION_READERS, EVERY_ROLE } from '../../contracts/roles';
import { rollOutCalendar, rolloutStatus } from '../services/calendarRollout';
import { addAdjustment, currentVersion, listVersions, removeAdjustment } from '../services/calendars';
import { calendarYear } from '../services/calendarYear';

/** A version as the API answers it. */
function versionView(row: Awaited<ReturnType<typeof listVersions>>[number]): z.output<typeof calendarVersionView> {
  return {
    version: row._id,
    sha256: row.sha256,
    source: row.source,
    basePackage: row.basePackage,
    baseSha256: row.baseSha256,
    knownFrom: row.knownFrom,
    knownThrough: row.knownThrough,
    adjustments: row.adjustments.map((a) => ({ date: a.date, working: a.working, note: a.note, by: a.by, at: new Date(a.at).toISOString() })),
    change: { kind: row.change.kind, ...(row.change.date != null && { date: row.change.date }), ...(row.change.working != null && { working: row.change.working }), ...(row.change.note != null && { note: row.change.note }) },
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
    prevSha256: row.prevSha256 ?? null,
    recordSha256: row.recordSha256,
  };
}

/** The calendar routes. */
export function calendarRoutes(client: Client): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/calendar',
      summary: "One year's days in the current calendar version: working or not, weekend, statutory holiday (with its name), make-up day (调休), local adjustment",
      tag: 'calendar',
      access: EVERY_ROLE,
      query: calendarYearQuery,
      responses: { 200: { description: "the year's days", schema: calendarYearView } },
      handler: async ({ query }) => calendarYear(await currentVersion(), query.year),
    }),
    route({
      method: 'get',
      path: '/calendar/versions',
      summary: 'Every calendar version, newest first: source, what changed, who made it and when, the hash links',
      tag: 'calendar',
      access: CALENDAR_VERSION_READERS,
      responses: { 200: { description: 'the versions', schema: z.object({ items: z.array(calendarVersionView) }) } },
      handler: async () => {
        await currentVersion();
        return { items: (await listVersions()).map(versionView) };
      },
    }),
    route({
      method: 'post',
      path: '/calendar/adjustments',
      summary: 'Makes a day a working day or a day off locally (a new version, rolled out to running cases); 409 calendar-unchanged when it already is',
      tag: 'calendar',
      access: ADMINS,
      body: calendarAdjustmentBody,
      responses: { 201: { description: 'the new version', schema: calendarVersionView } },
      problems: [409],
      handler: async ({ body, user, req }) => {
        const made = await addAdjustment(body, user.username);
        void rollOutCalendar(client, req.log);
        return reply(201, versionView({ ...made, knownFrom: made.calendar.knownFrom, knownThrough: made.calendar.knownThrough }));
      },
    }),
    route({
      method: 'delete',
      path: '/calendar/adjustments/:date',
      summary: "Removes a day's local adjustment (a new version, rolled out to running cases); 404 when the day has none",
      tag: 'calendar',
      access: ADMINS,
      params: calendarDateParam,
      responses: { 200: { description: 'the new version', schema: calendarVersionView } },
      problems: [404, 409],
      handler: async ({ params, user, req }) => {
        const made = await removeAdjustment(params.date, user.username);
        void rollOutCalendar(client, req.log);
        return versionView({ ...made, knownFrom: made.calendar.knownFrom, knownThrough: made.calendar.knownThrough });
      },
    }),
    route({
      method: 'get',
      path: '/calendar/rollout',
      summary: 'How far the newest calendar version has reached the running cases on older versions',
      tag: 'calendar',
      access: ADMINS,
      responses: { 200: { description: 'the rollout', schema: calendarRolloutView } },
      handler: async () => {
        await currentVersion();
        return rolloutStatus();
      },
    }),
  ];
}
