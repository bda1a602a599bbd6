// An integration-test stack on real servers: a Temporal dev server (createLocal), a worker, MongoDB, the express app.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, type Worker } from '@temporalio/worker';
import type { Express } from 'express';
import mongoose from 'mongoose';
import { builtinJobTypes, type JobType } from '../../activities/jobs';
import { createApp } from '../../server/app';
import { stopCalendarRollouts } from '../../server/services/calendarRollout';
import { stopJobBridges } from '../../server/services/jobBridge';
import { connectMongo } from '../../store/db';
import { createLogger } from '../../platform/logger';
import { createSparrowWorker } from '../../worker/createWorker';
import { PinoSdkLogger } from '../../worker/sdkLogger';
import { searchAttributes } from '../../workflows/definitions';
import { TEMPORAL_BIN } from './paths';

/** A running stack for one test file. */
export interface TestStack {
  env: TestWorkflowEnvironment;
  client: Client;
  worker: Worker;
  app: Express;
  taskQueue: string;
  dbName: string;
  /** The job types the worker runs (built-in plus the test's own). */
  jobTypes: string[];
  stop(): Promise<void>;
}

/** What a test stack runs besides the defaults. */
export interface TestStackOptions {
  /** Job types the worker runs besides the built-in ones. */
  jobTypes?: JobType[];
  /** The built designer the app serves at `/` (browser tests); none by default. */
  designerDir?: string;
}

/** Starts Temporal (its own dev server), connects a fresh database and runs a worker with the given job types. */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const mongoBase = process.env.SPARROW_TEST_MONGODB_URI;
  const bundle = process.env.SPARROW_TEST_WORKFLOW_BUNDLE;
  if (!mongoBase || !bundle) throw new Error('the jest global setup did not run (SPARROW_TEST_MONGODB_URI / SPARROW_TEST_WORKFLOW_BUNDLE unset)');
  // The SDK logs only warnings; the runtime shuts itself down once the environment is torn down.
  if (!Runtime._instance) Runtime.install({ logger: new PinoSdkLogger(createLogger('temporal-sdk', 'warn')) });
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: TEMPORAL_BIN },
      searchAttributes: Object.values(searchAttributes),
      log: { format: 'pretty', level: 'error' },
    },
  });
  const dbName = `sparrow_test_${randomUUID().slice(0, 8)}`;
  const uri = new URL(mongoBase);
  uri.pathname = `/${dbName}`;
  await connectMongo(uri.toString());
  const taskQueue = `test-${randomUUID()}`;
  const jobTypes = [...builtinJobTypes, ...(options.jobTypes ?? [])];
  const worker = await createSparrowWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    jobTypes,
    workflows: { workflowBundle: { codePath: bundle } },
  });
  const running = worker.run();
  // SPARROW_TEST_LOG_LEVEL=error shows the server's unexpected errors (the 500s a test only sees as a status)
  const log = createLogger('test', process.env.SPARROW_TEST_LOG_LEVEL ?? 'silent');
  const app = createApp({ client: env.client, connection: env.connection, taskQueue, log, designerDir: options.designerDir ?? '/nonexistent' });
  return {
    env,
    client: env.client,
    worker,
    app,
    taskQueue,
    dbName,
    jobTypes: jobTypes.map((j) => j.type),
    async stop() {
      // a calendar rollout the app began in the background must not outlive the Temporal connection
      await stopCalendarRollouts();
      // the REST job API's long polls of Temporal end before the connection closes
      await stopJobBridges();
      worker.shutdown();
      await running;
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await mongoose.disconnect();
      await env.teardown();
    },
  };
}
