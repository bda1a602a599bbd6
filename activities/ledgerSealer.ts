// The one writer of the global audit ledger in a process: closing a case only queues a pending seal (an insert, see
// recordProgress); this sealer runs passes of audit/ledger.ts's sealPendingCases, which gives queued cases ledger
// positions in closing order, so 50 closings at once no longer race for the ledger's end.
import mongoose from 'mongoose';
import { sealPendingCases } from '../audit/ledger';
import { createLogger } from '../platform/logger';

const log = createLogger('ledger-sealer');
let timer: NodeJS.Timeout | null = null;
let running = false;
let again = false;

async function pass(): Promise<void> {
  timer = null;
  // Disconnected (the process is stopping): the queue keeps the closings for the next pass of any process.
  if (mongoose.connection.readyState !== 1) return;
  running = true;
  let retryIn: number | null = null;
  try {
    await sealPendingCases();
  } catch (error) {
    log.warn({ err: error }, 'sealing closed cases failed; retrying');
    retryIn = 1000;
  } finally {
    running = false;
  }
  if (retryIn !== null || again) {
    again = false;
    requestSealing(retryIn ?? 0);
  }
}

/**
 * Asks this process's sealer for a pass after `delayMs` (closings that arrive meanwhile are sealed in the same pass);
 * a request during a pass runs one more pass after it. The timer does not keep the process alive.
 */
export function requestSealing(delayMs = 25): void {
  if (running) {
    again = true;
    return;
  }
  if (timer) return;
  timer = setTimeout(() => void pass(), delayMs);
  timer.unref();
}

/** Runs a sealer pass every `intervalMs` as well (for closings queued by a process that stopped first); returns stop. */
export function startLedgerSealer(intervalMs = 10_000): () => void {
  requestSealing(0);
  const interval = setInterval(() => requestSealing(0), intervalMs);
  interval.unref();
  return () => clearInterval(interval);
}
