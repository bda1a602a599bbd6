// The throw-away stack that fixture-recording scripts run cases on: a private FerretDB, a fresh workflow bundle and
// the test stack (Temporal dev server, worker, app), all removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobType } from '../../activities/jobs';
import { createLogger } from '../../platform/logger';
import { FERRETDB_BIN } from '../../tests/support/paths';
import { startTestStack, type TestStack } from '../../tests/support/stack';
import { bundleWorkflows } from '../../worker/createWorker';
import { installSdkLogger } from '../../worker/sdkLogger';
import { startFerretDb } from './ferretdb';

/** Runs `record` against a fresh stack whose worker runs `jobTypes`, then stops and removes everything. */
export async function withRecordingStack(jobTypes: JobType[], record: (stack: TestStack) => Promise<void>): Promise<void> {
  installSdkLogger(createLogger('temporal-sdk', 'warn'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-recording-'));
  const ferretdb = await startFerretDb(FERRETDB_BIN, dir);
  try {
    const bundlePath = path.join(dir, 'workflow-bundle.js');
    fs.writeFileSync(bundlePath, (await bundleWorkflows()).code);
    process.env.SPARROW_TEST_MONGODB_URI = ferretdb.uri;
    process.env.SPARROW_TEST_WORKFLOW_BUNDLE = bundlePath;
    const stack = await startTestStack({ jobTypes });
    try {
      await record(stack);
    } finally {
      await stack.stop();
    }
  } finally {
    await ferretdb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes a recorded fixture as indented JSON and says where. */
export function writeRecording(file: string, value: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 1)}\n`);
  console.log(`recorded ${path.relative(process.cwd(), file)}`);
}

/** Runs a script's main function; a failure is printed and sets a non-zero exit code. */
export function runScript(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
