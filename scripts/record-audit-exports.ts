// Records the case exports that `npm run replay` is tested on (tests/audit/replay-cli.test.ts): runs cases of
// tests/audit/fixtures/audit-case.bpmn on a real Temporal dev server (and a private FerretDB), exports each as
// GET /api/instances/:id/export does, and writes tests/audit/exports/<name>.<version>.json. Run with
// `npx tsx scripts/record-audit-exports.ts` after a change that is meant to alter histories or the export format: bump
// VERSION and keep the old files, which must keep verifying (they stand for exports auditors already hold).
import fs from 'node:fs';
import path from 'node:path';
import { exportCase } from '../audit/service';
import { checkAddress, driveToEnd, REGISTRATION, startAuditCase } from '../tests/audit/support';
import type { CaseUnderTest } from '../tests/support/cases';
import { cancelUpdate } from '../workflows/definitions';
import { runScript, withRecordingStack, writeRecording } from './lib/recordingStack';

const EXPORTS = path.resolve(__dirname, '../tests/audit/exports');
const VERSION = 'v2';

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

runScript(() =>
  withRecordingStack([checkAddress], async (stack) => {
    fs.mkdirSync(EXPORTS, { recursive: true });
    for (const recording of recordings) {
      const c = await startAuditCase(stack, recording.name);
      await recording.drive(c);
      writeRecording(path.join(EXPORTS, `${recording.name}.${VERSION}.json`), await exportCase(stack.client, c.id));
    }
  }),
);
