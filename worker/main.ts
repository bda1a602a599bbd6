// The worker process: connects to Temporal and MongoDB, then runs bpmnProcess workflows and their activities.
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import mongoose from 'mongoose';
import { startLedgerSealer } from '../activities/ledgerSealer';
import { WebhookDispatcher } from '../activities/webhooks';
import { loadConfig } from '../platform/config';
import { connectMongo } from '../store/db';
import { moveClosedInstances } from '../store/instances';
import { recountClosedTasks } from '../store/closedTaskCounts';
import { recountTasks } from '../store/tasks';
import { createLogger } from '../platform/logger';
import { createSparrowWorker } from './createWorker';
import { installSdkLogger } from './sdkLogger';
import { ensureSearchAttributes } from './searchAttributes';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger('worker', config.LOG_LEVEL);
  installSdkLogger(log, config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? 'DEBUG' : 'WARN');
  await connectMongo(config.MONGODB_URI);
  // The task list's counts are repaired from the open tasks in the background (a count lost to a crash between a write and its count).
  recountTasks().then((corrected) => corrected && log.warn({ corrected }, 'task counts repaired'), (error: unknown) => log.warn({ err: error }, 'could not recount the task counts'));
  // The closed tasks' counts likewise, from the history (one GROUP BY on FerretDB/PostgreSQL).
  recountClosedTasks().then((corrected) => corrected && log.warn({ corrected }, 'closed task counts repaired'), (error: unknown) => log.warn({ err: error }, 'could not recount the closed task counts'));
  // Closed cases' summaries still in the hot collection (written before the history split, or a move cut short) go to the history.
  moveClosedInstances().then((moved) => moved && log.info({ moved }, 'closed case summaries moved to the history'), (error: unknown) => log.warn({ err: error }, 'could not move the closed case summaries'));
  const client = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const added = await ensureSearchAttributes(client, config.TEMPORAL_NAMESPACE);
  if (added.length) log.info({ added }, 'registered search attributes');
  await client.close();
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await createSparrowWorker({ connection, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE });
  // Closing cases ask this process's ledger sealer for a pass; the periodic pass also seals closings another worker queued before it stopped.
  const stopSealer = startLedgerSealer();
  // Case event webhooks: this process sends what its cases (and others', after a poll) queued, and sweeps for deadlines.
  const stopWebhooks = new WebhookDispatcher().start();
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down worker');
    // The SDK's runtime also shuts its workers down on SIGINT/SIGTERM: a worker already stopping is left to it.
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, temporal: config.TEMPORAL_ADDRESS }, 'worker running');
  await worker.run();
  stopSealer();
  stopWebhooks();
  await connection.close();
  await mongoose.disconnect();
  log.info('worker stopped');
}

main().catch((error) => {
  createLogger('worker').fatal({ err: error }, 'worker failed');
  process.exit(1);
});
