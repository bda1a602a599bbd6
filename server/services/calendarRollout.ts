// Rolling a new calendar version out: every running case on an older version gets the `updateCalendar` Update (its
// open deadlines are computed again), in pages of instances by `_id`, 4 cases at a time. Progress is kept in
// calendarRollouts, so a rollout a restart interrupted goes on after the last case done; a lease keeps two servers from
// sending the same version at once, and a newer version supersedes an unfinished older one.
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { stateQuery, updateCalendarUpdate } from '../../workflows/definitions';
import type { WorkCalendar } from '../../contracts/legalTime';
import { CalendarRollout, Instance } from '../../store/models';
import { latestVersion, syncCalendarWithPackage } from './calendars';
import { withUpdateTimeout } from './updateTimeout';

/** Instances read per page. */
export const ROLLOUT_PAGE_SIZE = 100;
/** Cases sent the Update at the same time. */
export const ROLLOUT_PARALLEL = 4;
/** How long a server holds a rollout without progress before another may take it over. */
const LEASE_MS = 120_000;
/** Summary statuses of a case still running. */
const OPEN_STATUSES: Array<'running' | 'incident'> = ['running', 'incident'];

/** Where a rollout logs cases it could not update. */
type RolloutLog = { warn(details: object, message: string): void };

/** What became of one case. */
type Outcome = 'updated' | 'failed' | 'skipped';

/** The running cases that compute with a calendar older than `version`. */
export const staleCases = (version: number) => ({ status: { $in: OPEN_STATUSES }, calendarVersion: { $lt: version } });

/** How far the newest version has reached the running cases (a version without a rollout row yet: due, so running while stale cases wait). */
export async function rolloutStatus(): Promise<{ version: number; total: number; updated: number; failed: number; skipped: number; running: boolean }> {
  const latest = await latestVersion();
  const version = latest?._id ?? 0;
  const row = await CalendarRollout.findById(version).lean();
  if (!row) {
    // Not started yet (the server starts it in the background right after the version is made): due while cases wait.
    const total = version ? await Instance.countDocuments(staleCases(version)) : 0;
    return { version, total, updated: 0, failed: 0, skipped: 0, running: total > 0 };
  }
  return { version, total: row.total, updated: row.updated, failed: row.failed, skipped: row.skipped, running: row.finishedAt === null };
}

/** Sends the calendar to one case; a case that closed meanwhile is skipped, one that already has the version counts as updated. */
async function sendTo(client: Client, id: string, calendar: WorkCalendar, actor: string, log: RolloutLog): Promise<Outcome> {
  const handle = client.workflow.getHandle(id);
  try {
    await withUpdateTimeout(client, id, () => handle.executeUpdate(updateCalendarUpdate, { args: [{ calendar, actor }] }));
    return 'updated';
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return 'skipped';
    if (error instanceof WorkflowUpdateFailedError) {
      // refused: look at the case — closed meanwhile, or given this version (or a newer one) already
      const state = await handle.query(stateQuery).catch(() => null);
      if (state && state.status !== 'running') return 'skipped';
      if (state && (state.calendarVersion ?? 0) >= calendar.version) return 'updated';
    }
    log.warn({ err: error, instanceId: id, calendarVersion: calendar.version }, 'a case did not take the new calendar version');
    return 'failed';
  }
}

/** Runs `work` over `items`, `parallel` at a time; the outcomes in item order. */
async function pooled<T, R>(items: T[], parallel: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runner = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, runner));
  return results;
}

/** Takes the rollout of `version` for this server (made when missing); null when it is finished or another server holds it. */
async function claim(version: number) {
  const now = new Date();
  await CalendarRollout.updateMany({ _id: { $lt: version }, finishedAt: null }, { $set: { finishedAt: now, supersededBy: version, leaseUntil: null } });
  if (!(await CalendarRollout.exists({ _id: version }))) {
    const total = await Instance.countDocuments(staleCases(version));
    await CalendarRollout.create({ _id: version, total, startedAt: now }).catch((error: { code?: number }) => {
      if (error.code !== 11000) throw error;
    });
  }
  return CalendarRollout.findOneAndUpdate(
    { _id: version, finishedAt: null, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
    { $set: { leaseUntil: new Date(now.getTime() + LEASE_MS) } },
    { returnDocument: 'after' },
  ).lean();
}

/** Sends the newest version to every stale case after the rollout's `lastId`; stops early when a newer version appears. */
async function rollOutNewest(client: Client, log: RolloutLog): Promise<void> {
  const latest = await latestVersion();
  if (!latest) return;
  const version = latest._id;
  const row = await claim(version);
  if (!row) return;
  let lastId = row.lastId;
  while (!stopping) {
    const newest = await latestVersion();
    if (newest && newest._id !== version) return; // the next round takes the newer version (and supersedes this one)
    const filter = lastId === null ? staleCases(version) : { ...staleCases(version), _id: { $gt: lastId } };
    const page = await Instance.find(filter, { _id: 1 }).sort({ _id: 1 }).limit(ROLLOUT_PAGE_SIZE).lean();
    if (page.length === 0) break;
    const outcomes = await pooled(page.map((p) => p._id), ROLLOUT_PARALLEL, (id) => sendTo(client, id, latest.calendar, latest.createdBy, log));
    lastId = page[page.length - 1]._id;
    const count = (outcome: Outcome) => outcomes.filter((o) => o === outcome).length;
    await CalendarRollout.updateOne(
      { _id: version },
      { $inc: { updated: count('updated'), failed: count('failed'), skipped: count('skipped') }, $set: { lastId, leaseUntil: new Date(Date.now() + LEASE_MS) } },
    );
    if (page.length < ROLLOUT_PAGE_SIZE) break;
  }
  await CalendarRollout.updateOne({ _id: version }, { $set: stopping ? { leaseUntil: null } : { finishedAt: new Date(), leaseUntil: null } });
}

let active: Promise<void> | null = null;
let again = false;
/** Set while the server stops: a rollout ends after the page it is sending (its lease lets a later start resume it). */
let stopping = false;

/**
 * Rolls the newest calendar version out to the running cases on older versions (resuming an unfinished rollout), in
 * the background of this server: one rollout at a time; asked again while one runs, it runs once more after it.
 * Never rejects (a failure is logged; the next server start resumes it).
 */
export function rollOutCalendar(client: Client, log: RolloutLog): Promise<void> {
  if (active) {
    again = true;
    return active;
  }
  active = (async () => {
    do {
      again = false;
      await rollOutNewest(client, log).catch((error: unknown) => log.warn({ err: error }, 'rolling the calendar out to running cases failed'));
    } while (again && !stopping);
  })().finally(() => {
    active = null;
  });
  return active;
}

/** Ends this server's rollout after the page it is sending and waits for that (server stop, test teardown). */
export async function stopCalendarRollouts(): Promise<void> {
  stopping = true;
  try {
    await active;
  } finally {
    stopping = false;
  }
}

/**
 * The calendar's part of server start: a version from the package when there is none or its data changed, then the
 * newest version's rollout (resumed when unfinished), checked again every two minutes (a rollout whose server died
 * is taken over once its lease ran out). Answers the function that stops the checks and the rollout (resolving once
 * nothing is being sent).
 */
export function startCalendarService(client: Client, log: RolloutLog): () => Promise<void> {
  const roll = () => void rollOutCalendar(client, log);
  syncCalendarWithPackage()
    .then(roll)
    .catch((error: unknown) => log.warn({ err: error }, "making the calendar's version from the chinese-days package failed"));
  const timer = setInterval(roll, LEASE_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    return stopCalendarRollouts();
  };
}
