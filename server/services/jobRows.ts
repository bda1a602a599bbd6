// The rows of the `jobs` collection: a job fetched from Temporal is stored under its job key (a new attempt replaces the
// task token and frees the lock), locked by conditional updates so two workers never hold one job.
import { isDuplicateKey } from '../../store/duplicateKey';
import { Job, type JobDoc } from '../../store/models';
import type { JobHolder, PolledJob } from './jobBridge';

/** The lock fields for `holder` from `now`, ending no later than the attempt's own deadline in Temporal. */
export function lockFor(holder: JobHolder, attemptDeadline: Date | null, now = new Date()) {
  const wanted = now.getTime() + holder.lockMs;
  const until = attemptDeadline ? Math.min(wanted, attemptDeadline.getTime()) : wanted;
  return { lockedUntil: new Date(until), lockedBy: holder.username, worker: holder.worker };
}

const UNLOCKED = { lockedUntil: null, lockedBy: null, worker: null };

/** Stores a job fetched from Temporal (locked for `holder` when one waits for it) and answers its row. */
export async function storePolledJob(job: PolledJob, holder: JobHolder | null): Promise<JobDoc> {
  const now = new Date();
  const { input } = job;
  const fields = {
    type: job.type,
    taskToken: Buffer.from(job.taskToken).toString('base64'),
    attempt: job.attempt,
    retries: input.retries,
    instanceId: input.instanceId,
    bpmnProcessId: input.bpmnProcessId,
    elementId: input.elementId,
    elementInstanceId: input.elementInstanceId,
    headersJson: JSON.stringify(input.headers ?? {}),
    variablesJson: JSON.stringify(input.variables ?? {}),
    attemptDeadline: job.attemptDeadline,
    fetchedAt: now,
    ...(holder ? lockFor(holder, job.attemptDeadline, now) : UNLOCKED),
  };
  try {
    await Job.create({ _id: input.jobKey, ...fields });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // a new attempt of a job fetched before: its task token replaces the old one, whose lock ends with it
    await Job.updateOne({ _id: input.jobKey }, { $set: fields });
  }
  return { _id: input.jobKey, ...fields } as JobDoc;
}

/**
 * Locks for `holder` up to `max` stored jobs of `type` that no one holds (never locked, or the lock ran out) and whose
 * attempt has not timed out in Temporal, oldest first; answers the rows locked.
 */
export async function claimStoredJobs(type: string, holder: JobHolder, max: number): Promise<JobDoc[]> {
  const now = new Date();
  const free = await Job.find({
    type,
    $and: [{ $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }] }, { $or: [{ attemptDeadline: null }, { attemptDeadline: { $gt: now } }] }],
  })
    .sort({ fetchedAt: 1, _id: 1 })
    .limit(max * 2)
    .lean<JobDoc[]>();
  const claimed: JobDoc[] = [];
  for (const row of free) {
    if (claimed.length >= max) break;
    const lock = lockFor(holder, row.attemptDeadline ?? null, now);
    const result = await Job.updateOne({ _id: row._id, taskToken: row.taskToken, lockedUntil: row.lockedUntil ?? null }, { $set: lock });
    if (result.modifiedCount === 1) claimed.push({ ...row, ...lock });
  }
  return claimed;
}

/** When the next lock on a job of `type` runs out (null: none is held), so a waiting activation can take it then. */
export async function nextLockExpiry(type: string): Promise<Date | null> {
  const [row] = await Job.find({ type, lockedUntil: { $gt: new Date() } }).sort({ lockedUntil: 1 }).limit(1).lean<JobDoc[]>();
  return row?.lockedUntil ?? null;
}

/** Removes a job's row once its attempt was reported (only that attempt's: a newer one stays). */
export async function removeJob(jobKey: string, taskToken: string): Promise<void> {
  await Job.deleteOne({ _id: jobKey, taskToken });
}
