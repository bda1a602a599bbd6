// Timer start events as Temporal Schedules: one schedule per timer start event of a definition's latest version,
// created on deploy, replaced when a newer version is deployed, removed when the definition is retired, and re-created
// at server start when missing. Each firing starts the workflow bpmnProcess at that start event.
import { type Client, ScheduleNotFoundError, type ScheduleOptions, type ScheduleSpec } from '@temporalio/client';
import { DateTime } from 'luxon';
import type { ExecutableModel, StartEventNode } from '../../engine/model';
import { startScheduleOf, type StartSchedule } from '../../engine/timerStarts';
import { BPMN_WORKFLOW_TYPE, type BpmnProcessInput, caseWorkflowId, searchAttributes } from '../../workflows/definitions';
import { Definition, DefinitionVersion } from '../../store/models';

/** The zone cron timer cycles (and monthly cycles without a start date) are read in: SPARROW_TIME_ZONE, else the district's. */
export function scheduleTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  return env.SPARROW_TIME_ZONE || 'Asia/Shanghai';
}

/** Who starts a scheduled case (its `startedBy`). */
export const SCHEDULE_ACTOR = 'system:timer';

/**
 * A firing more than a day late (Temporal was down) is skipped rather than started late; within the day it starts once.
 * Several missed firings of a frequent cycle each start a case then (overlap ALLOW_ALL: a long-running monthly meeting
 * case never holds back the next month's).
 */
const CATCHUP_WINDOW = '1 day';

/** The schedule of a timer start event: `sparrow-timer:<definition key>:<start event id>`. */
export function timerScheduleId(key: string, startEventId: string): string {
  return `sparrow-timer:${key}:${startEventId}`;
}

/** A stored version as the schedules need it. */
interface ScheduledVersion {
  key: string;
  version: number;
  sha256: string;
  deployedAt: Date;
  model: ExecutableModel;
}

/** What a schedule carries to tell whether it belongs to a version. */
interface ScheduleMemo {
  version: number;
  sha256: string;
}

/** Temporal's spec and action limit for one start schedule. */
export function scheduleSpecOf(schedule: StartSchedule): { spec: ScheduleSpec; remainingActions?: number } {
  switch (schedule.kind) {
    case 'once': {
      const at = DateTime.fromISO(schedule.at, { zone: 'utc' });
      return {
        spec: { calendars: [{ year: at.year, month: MONTH_NAMES[at.month - 1], dayOfMonth: at.day, hour: at.hour, minute: at.minute, second: at.second, dayOfWeek: '*' }] },
        remainingActions: 1,
      };
    }
    case 'interval': {
      const first = Date.parse(schedule.firstAt) / 1000;
      return {
        spec: { intervals: [{ every: `${schedule.everySeconds}s`, offset: `${((first % schedule.everySeconds) + schedule.everySeconds) % schedule.everySeconds}s` }], startAt: new Date(schedule.firstAt) },
        ...limit(schedule.repetitions),
      };
    }
    case 'months': {
      const first = DateTime.fromISO(schedule.firstAt).setZone(schedule.zone);
      const yearly = schedule.step % 12 === 0;
      const month = yearly ? MONTH_NAMES[first.month - 1] : { start: MONTH_NAMES[(first.month - 1) % schedule.step], end: MONTH_NAMES[11], step: schedule.step };
      const years = schedule.step / 12;
      const year = yearly && years > 1 ? { start: first.year, end: first.year + 100 * years, step: years } : '*';
      return {
        spec: { calendars: [{ year, month, dayOfMonth: first.day, hour: first.hour, minute: first.minute, second: first.second, dayOfWeek: '*' }], startAt: new Date(schedule.firstAt), timezone: schedule.zone },
        ...limit(schedule.repetitions),
      };
    }
    case 'cron':
      return { spec: { cronExpressions: [schedule.fields], timezone: schedule.zone } };
  }
}

const MONTH_NAMES = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const;

const limit = (repetitions: number | null) => (repetitions === null ? {} : { remainingActions: repetitions });

/** The schedule options of one timer start event of a version. */
export function scheduleOptionsOf(version: ScheduledVersion, startEventId: string, taskQueue: string, zone = scheduleTimeZone()): ScheduleOptions {
  const node = version.model.nodes[startEventId] as StartEventNode;
  if (node.eventDefinition?.kind !== 'timer' || node.eventDefinition.timer.value.kind !== 'static' || node.eventDefinition.timer.type === 'duration') {
    throw new Error(`<${startEventId}> of ${version.key} v${version.version} is not a timer start event with a static date or cycle`);
  }
  const { spec, remainingActions } = scheduleSpecOf(startScheduleOf(node.eventDefinition.timer.type, node.eventDefinition.timer.value.value, version.deployedAt, zone));
  const input: BpmnProcessInput = {
    model: version.model,
    definition: { key: version.key, version: version.version, sha256: version.sha256 },
    businessKey: startEventId,
    street: null,
    variables: {},
    startedBy: SCHEDULE_ACTOR,
    startNodeId: startEventId,
    scheduled: true,
  };
  const memo: ScheduleMemo = { version: version.version, sha256: version.sha256 };
  return {
    scheduleId: timerScheduleId(version.key, startEventId),
    spec,
    action: {
      type: 'startWorkflow',
      workflowType: BPMN_WORKFLOW_TYPE,
      // Temporal appends the fire time: `<key>:<start event id>-2026-12-01T01:00:00Z` (workflows/scheduledStart.ts)
      workflowId: caseWorkflowId(version.key, startEventId),
      taskQueue,
      args: [input],
      typedSearchAttributes: [
        { key: searchAttributes.definitionKey, value: version.key },
        { key: searchAttributes.definitionVersion, value: version.version },
        { key: searchAttributes.status, value: 'running' },
      ],
    },
    policies: { overlap: 'ALLOW_ALL', catchupWindow: CATCHUP_WINDOW },
    memo: { ...memo },
    state: {
      note: `timer start event ${startEventId} of ${version.key} v${version.version}`,
      ...(remainingActions === undefined ? {} : { remainingActions }),
      // a date already past when deployed fires once at once, as in Camunda 8
      ...(spec.calendars && remainingActions === 1 && !spec.startAt && pastDate(spec) ? { triggerImmediately: true } : {}),
    },
  };
}

function pastDate(spec: ScheduleSpec): boolean {
  const calendar = spec.calendars?.[0];
  if (!calendar || typeof calendar.year !== 'number') return false;
  const month = MONTH_NAMES.indexOf(calendar.month as (typeof MONTH_NAMES)[number]) + 1;
  const at = DateTime.fromObject({ year: calendar.year, month, day: calendar.dayOfMonth as number, hour: calendar.hour as number, minute: calendar.minute as number, second: calendar.second as number }, { zone: 'utc' });
  return at.toMillis() <= Date.now();
}

/** Creates the schedule unless one of this version exists; one of another version is replaced. */
async function ensureSchedule(client: Client, options: ScheduleOptions): Promise<'created' | 'replaced' | 'unchanged'> {
  const handle = client.schedule.getHandle(options.scheduleId);
  let replaced = false;
  try {
    const memo = (await handle.describe()).memo as Partial<ScheduleMemo> | undefined;
    const wanted = options.memo as unknown as ScheduleMemo;
    if (memo?.version === wanted.version && memo.sha256 === wanted.sha256) return 'unchanged';
    await handle.delete();
    replaced = true;
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
  }
  await client.schedule.create(options);
  return replaced ? 'replaced' : 'created';
}

/** Deletes a schedule; one already gone is fine. */
async function removeSchedule(client: Client, scheduleId: string): Promise<boolean> {
  try {
    await client.schedule.getHandle(scheduleId).delete();
    return true;
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return false;
    throw error;
  }
}

async function loadScheduledVersion(key: string, version: number): Promise<ScheduledVersion | null> {
  const row = await DefinitionVersion.findOne({ key, version }).select({ key: 1, version: 1, sha256: 1, deployedAt: 1, modelJson: 1 }).lean();
  return row ? { key: row.key, version: row.version, sha256: row.sha256, deployedAt: row.deployedAt, model: JSON.parse(row.modelJson) as ExecutableModel } : null;
}

/** What a sync did, by schedule id. */
export interface ScheduleSync {
  created: string[];
  replaced: string[];
  removed: string[];
}

/**
 * Makes a definition's timer schedules match its latest version: one per timer start event, none when the definition
 * is retired; schedules of the version before it whose start event is gone are removed. Idempotent: a schedule already
 * of this version is left alone (so a restart or an identical redeploy neither moves nor re-fires it).
 */
export async function syncTimerSchedules(client: Client, taskQueue: string, key: string): Promise<ScheduleSync> {
  const result: ScheduleSync = { created: [], replaced: [], removed: [] };
  const definition = await Definition.findOne({ key }).lean();
  if (!definition) return result;
  const latest = await loadScheduledVersion(key, definition.latestVersion);
  const wanted = !latest || definition.retiredAt ? [] : (latest.model.timerStartNodeIds ?? []);
  for (const id of wanted) {
    const outcome = await ensureSchedule(client, scheduleOptionsOf(latest as ScheduledVersion, id, taskQueue));
    if (outcome !== 'unchanged') result[outcome].push(timerScheduleId(key, id));
  }
  const previous = definition.latestVersion > 1 ? await loadScheduledVersion(key, definition.latestVersion - 1) : null;
  const stale = new Set([...(previous?.model.timerStartNodeIds ?? []), ...(definition.retiredAt ? (latest?.model.timerStartNodeIds ?? []) : [])]);
  for (const id of stale) {
    if (!wanted.includes(id) && (await removeSchedule(client, timerScheduleId(key, id)))) result.removed.push(timerScheduleId(key, id));
  }
  return result;
}

/** At server start: re-creates the missing schedules of every definition whose latest version has timer start events. */
export async function syncAllTimerSchedules(client: Client, taskQueue: string, log: { warn(details: object, message: string): void; info(details: object, message: string): void }): Promise<void> {
  const definitions = (await Definition.find().select({ key: 1, retiredAt: 1 }).lean()).filter((d) => !d.retiredAt);
  for (const { key } of definitions) {
    try {
      const sync = await syncTimerSchedules(client, taskQueue, key);
      if (sync.created.length + sync.replaced.length + sync.removed.length > 0) log.info({ key, ...sync }, 'timer start schedules re-created');
    } catch (err) {
      log.warn({ err, key }, 'could not sync the timer start schedules of a definition');
    }
  }
}
