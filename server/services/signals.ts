// Signals from outside: find the running cases of the caller's streets that wait for a signal, and broadcast it to them.
import type { Client } from '@temporalio/client';
import { broadcastSignalUpdate } from '../../workflows/definitions';
import { instanceScope, type Principal } from '../auth/principal';
import { DomainError } from '../../platform/errors';
import { Instance } from '../../store/models';
import { updateCase } from './cases';

/** The statuses of a case still running (with or without an incident). */
const OPEN_STATUSES: Array<'running' | 'incident'> = ['running', 'incident'];

/** At most this many waiting cases get a signal per request; the answer's `next` continues after them. */
export const SIGNAL_PAGE_SIZE = 100;
/** How many cases are sent the signal at once. */
const PARALLEL_UPDATES = 4;

/** A signal to broadcast: its name, its payload, and (to continue a broadcast) the last case id of the previous page. */
export interface SignalRequest {
  name: string;
  variables: Record<string, unknown>;
  after?: string;
}

/** What a broadcast did: the cases it triggered, and where the next page starts (null: no more cases wait). */
export interface SignalResult {
  name: string;
  delivered: number;
  cases: string[];
  next: string | null;
}

/**
 * Broadcasts signal `name` to the running cases in the caller's scope whose summary says they may wait for it (at most
 * SIGNAL_PAGE_SIZE per request, by case id, after `after`). Each case's broadcastSignal update decides: one where nothing
 * waits any more (or that ended) is skipped without recording anything. No case waiting is not an error: a signal is a
 * broadcast (as in Camunda 8), so the answer is then `delivered: 0`.
 */
export async function broadcastSignal(client: Client, user: Principal, signal: SignalRequest): Promise<SignalResult> {
  const filter = { ...instanceScope(user), status: { $in: OPEN_STATUSES }, waitingSignals: signal.name, ...(signal.after ? { _id: { $gt: signal.after } } : {}) };
  const rows = await Instance.find(filter).sort({ _id: 1 }).limit(SIGNAL_PAGE_SIZE + 1).select({ _id: 1 }).lean();
  const page = rows.slice(0, SIGNAL_PAGE_SIZE).map((row) => row._id);
  const reached = new Array<boolean>(page.length).fill(false);
  const deliver = async (index: number) => {
    try {
      await updateCase(client, page[index], broadcastSignalUpdate, { name: signal.name, variables: signal.variables, actor: user.username });
      reached[index] = true;
    } catch (error) {
      if (!(error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'not-found'))) throw error;
    }
  };
  for (let from = 0; from < page.length; from += PARALLEL_UPDATES) {
    await Promise.all(page.slice(from, from + PARALLEL_UPDATES).map((_, offset) => deliver(from + offset)));
  }
  const cases = page.filter((_, index) => reached[index]);
  return { name: signal.name, delivered: cases.length, cases, next: rows.length > SIGNAL_PAGE_SIZE ? page[page.length - 1] : null };
}
