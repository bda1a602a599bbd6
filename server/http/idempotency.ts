// `Idempotency-Key`: the first request with a key runs; duplicates (even concurrent ones) get its answer replayed.
import { sha256Hex } from '../../platform/sha256';
import type { Response } from 'express';
import { canonicalJson } from '../../engine/hash';
import type { Principal } from '../auth/principal';
import { Idempotency } from '../../store/models';
import { HttpProblem } from './problem';
import type { Reply } from './reply';
import { isDuplicateKey as isDuplicate } from '../../store/duplicateKey';

/** How long a duplicate waits for the first request to finish before it is told to retry. */
const WAIT_MS = 30_000;
/** A pending record older than this belongs to a request that died; a duplicate may take it over. */
const ABANDONED_MS = 120_000;
/** How long answers are remembered. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600_000;

/** What identifies a request for idempotency. */
export interface IdempotentRequest {
  key: string;
  user: Principal;
  route: string;
  request: unknown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `run` once per (user, route, key). A successful (2xx) answer is stored and replayed for the same request;
 * the same key with another request is a 422; a failed answer is not stored, so the client may retry.
 */
export async function withIdempotency(req: IdempotentRequest, run: () => Promise<Reply>, res: Response): Promise<Reply> {
  if (req.key.length < 1 || req.key.length > 200) {
    throw new HttpProblem(400, 'validation-failed', 'Bad Request', 'header Idempotency-Key: must be 1 to 200 characters', { errors: [{ path: 'header.Idempotency-Key', message: 'must be 1 to 200 characters' }] });
  }
  const id = sha256Hex(`${req.user.username}\n${req.route}\n${req.key}`);
  const requestHash = sha256Hex(canonicalJson(req.request ?? null));
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const claimed = await claim(id, requestHash);
    if (claimed) break;
    const row = await Idempotency.findById(id).lean();
    if (!row) continue;
    if (row.requestHash !== requestHash) {
      throw new HttpProblem(422, 'idempotency-key-reused', 'Unprocessable Content', `Idempotency-Key "${req.key}" was already used for a different request to ${req.route}`);
    }
    if (row.state === 'done') {
      res.setHeader('Idempotent-Replayed', 'true');
      return { status: row.status ?? 200, body: row.bodyJson == null ? undefined : JSON.parse(row.bodyJson) } as Reply;
    }
    if (Date.now() - row.createdAt.getTime() > ABANDONED_MS) {
      const takenOver = await Idempotency.updateOne({ _id: id, state: 'pending', createdAt: row.createdAt }, { $set: { createdAt: new Date() } });
      if (takenOver.modifiedCount === 1) break;
    }
    if (Date.now() > deadline) {
      throw new HttpProblem(409, 'idempotency-request-in-progress', 'Conflict', `a request with Idempotency-Key "${req.key}" is still being processed; retry later`);
    }
    await sleep(100);
  }
  let answer: Reply;
  try {
    answer = await run();
  } catch (error) {
    await Idempotency.deleteOne({ _id: id, state: 'pending' });
    throw error;
  }
  if (answer.status >= 200 && answer.status < 300) {
    await Idempotency.updateOne({ _id: id }, { $set: { state: 'done', status: answer.status, bodyJson: answer.body === undefined ? null : JSON.stringify(answer.body) } });
  } else {
    await Idempotency.deleteOne({ _id: id, state: 'pending' });
  }
  return answer;
}

async function claim(id: string, requestHash: string): Promise<boolean> {
  try {
    await Idempotency.create({ _id: id, requestHash, state: 'pending', createdAt: new Date() });
    return true;
  } catch (error) {
    if (isDuplicate(error)) return false;
    throw error;
  }
}

/** Removes remembered answers older than the retention (no TTL index on FerretDB v1). */
export async function purgeIdempotencyRecords(now = Date.now()): Promise<number> {
  const result = await Idempotency.deleteMany({ createdAt: { $lt: new Date(now - IDEMPOTENCY_RETENTION_MS) } });
  return result.deletedCount;
}
