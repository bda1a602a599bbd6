// `npm run replay -- case.json`: verifies a case export offline (no database, no Temporal server): its hashes, the
// audit chain and seal, the Temporal history replayed through today's workflow code, the cross-check of timeline and
// chain; then prints the timeline as a table. Exits 1 when any check fails, 2 on bad usage.
import fs from 'node:fs';
import { parseExport, timelineTable, verifyExport } from '../server/services/auditExport';

async function main(): Promise<number> {
  const file = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!file) {
    console.error('usage: npm run replay -- <case.json>   (a file from GET /api/instances/:id/export)');
    return 2;
  }
  const exported = parseExport(JSON.parse(fs.readFileSync(file, 'utf8')));
  const result = await verifyExport(exported);
  console.log(`case ${result.instanceId} — ${exported.definition.key} v${exported.definition.version}${exported.definition.name ? ` (${exported.definition.name})` : ''}`);
  for (const c of result.checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`);
  console.log('');
  console.log(timelineTable(result.timeline));
  console.log('');
  console.log(result.ok ? 'verified: the chain is intact and the history replays to this timeline' : 'NOT verified: see the failed checks above');
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
