// Records the case exports that `npm run replay` is tested on (tests/audit/replay-cli.test.ts): runs cases of
// tests/audit/fixtures/audit-case.bpmn on a real Temporal dev server (and a private FerretDB), exports each as
// GET /api/instances/:id/export does, and writes tests/audit/exports/<name>.<version>.json. Run with
// `npx tsx scripts/record-audit-exports.ts` after a change that is meant to alter histories or the export format: bump
// VERSION and keep the old files, which must keep verifying (they stand for exports auditors already hold).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../server/logger';
import { exportCase } from '../server/services/audit';
import { checkAddress, driveToEnd, REGISTRATION, startAuditCase } from '../tests/audit/support';
import type { CaseUnderTest } from '../tests/support/cases';
import { FERRETDB_BIN } from '../tests/support/paths';
import { startTestStack } from '../tests/support/stack';
import { bundleWorkflows } from '../worker/createWorker';
import { installSdkLogger } from '../worker/sdkLogger';
import { cancelUpdate } from '../workflows/definitions';
import { startFerretDb } from './lib/ferretdb';

const EXPORTS = path.resolve(__dirname, '../tests/audit/exports');
const VERSION = 'v1';

/** One recorded case: its business key and how it is driven to its end. */
const recordings: Array<{ name: string; drive(c: CaseUnderTest): Promise<void> }> = [
  { name: 'audit-case-handled', drive: driveToEnd },
  {
    name: 'audit-case-cancelled',
    async drive(c) {
      await c.completeTask('Register', REGISTRATION, 'wang');
      const stopped = await c.until((s) => s.incidents.length > 0, 'the address-check incident');
      await c.handle.executeUpdate(cancelUpdate, { args: [{ reason: `重复立案（${stopped.incidents[0].elementId}）`, actor: 'zhang' }] });
      await c.result();
    },
  },
];

async function record(): Promise<void> {
  installSdkLogger(createLogger('temporal-sdk', 'warn'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-exports-'));
  const ferretdb = await startFerretDb(FERRETDB_BIN, dir);
  const bundlePath = path.join(dir, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, (await bundleWorkflows()).code);
  process.env.SPARROW_TEST_MONGODB_URI = ferretdb.uri;
  process.env.SPARROW_TEST_WORKFLOW_BUNDLE = bundlePath;
  const stack = await startTestStack({ jobTypes: [checkAddress] });
  try {
    fs.mkdirSync(EXPORTS, { recursive: true });
    for (const recording of recordings) {
      const c = await startAuditCase(stack, recording.name);
      await recording.drive(c);
      const file = path.join(EXPORTS, `${recording.name}.${VERSION}.json`);
      fs.writeFileSync(file, `${JSON.stringify(await exportCase(stack.client, c.id), null, 1)}\n`);
      console.log(`recorded ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await stack.stop();
    await ferretdb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

record().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
