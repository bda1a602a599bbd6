// `npm run replay -- case.json [--public-key <pem or file>]`: verifies a case export offline (no database, no Temporal
// server): its signature, its hashes, the audit chain and seal, the Temporal history replayed through today's workflow
// code, the cross-check of chain and history (steps and the data of every payload); then prints the timeline as a
// table. The same command checks a signed ledger head statement (GET /api/audit/ledger/head). Exits 1 when any check
// fails, 2 on bad usage.
import fs from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { parseExport } from '../audit/caseExport';
import { verifyExport } from '../audit/exportVerification';
import { timelineTable } from '../audit/timelineTable';
import { keyIdOf, readPublicKey, verifyDocument } from '../audit/signing';

const USAGE = 'usage: npm run replay -- <case.json | ledger-head.json> [--public-key <PEM text or file, e.g. the answer of GET /api/audit/signing-key>]';

/** The arguments: the file and the trusted public key, if any. */
function parseArgs(args: string[]): { file: string; publicKey?: KeyObject } | null {
  let file: string | undefined;
  let publicKey: KeyObject | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--public-key' || arg.startsWith('--public-key=')) {
      const value = arg === '--public-key' ? args[(i += 1)] : arg.slice('--public-key='.length);
      if (!value) return null;
      publicKey = readPublicKey(value);
    } else if (arg.startsWith('-') || file) {
      return null;
    } else {
      file = arg;
    }
  }
  return file ? { file, publicKey } : null;
}

/** Says which key signatures are checked against. */
function printKey(publicKey: KeyObject | undefined): void {
  if (publicKey) console.log(`checking signatures against the given public key ${keyIdOf(publicKey)}`);
  else console.log('no --public-key given: signatures are checked against the key embedded in the file, which proves integrity only, not origin');
}

/** Verifies a signed ledger head statement. */
function verifyLedgerHead(statement: { position?: unknown; hash?: unknown; at?: unknown }, publicKey: KeyObject | undefined): number {
  const result = verifyDocument(statement, publicKey);
  console.log(`ledger head: position ${String(statement.position)}, hash ${String(statement.hash)}, read at ${String(statement.at)}`);
  console.log(`  ${result.ok ? 'ok  ' : 'FAIL'}  signature: ${result.message}`);
  return result.ok ? 0 : 1;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  const json = JSON.parse(fs.readFileSync(args.file, 'utf8')) as { format?: unknown; position?: unknown; hash?: unknown; at?: unknown };
  printKey(args.publicKey);
  if (json?.format === 'sparrow.ledger-head') return verifyLedgerHead(json, args.publicKey);
  const exported = parseExport(json);
  const result = await verifyExport(exported, { publicKey: args.publicKey });
  console.log(`case ${result.instanceId} — ${exported.definition.key} v${exported.definition.version}${exported.definition.name ? ` (${exported.definition.name})` : ''}`);
  if (exported.signature) console.log(`signed by key ${exported.signature.keyId}:\n${exported.signature.publicKey.trim()}`);
  for (const c of result.checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`);
  console.log('');
  console.log(timelineTable(result.timeline));
  console.log('');
  const origin = !result.signature ? ' (UNSIGNED legacy export: origin not proven)' : result.signature.against === 'embedded-key' ? ' (signature checked against the embedded key only: origin not proven)' : ' (signed by the given key)';
  console.log(result.ok ? `verified: the chain is intact and the history replays to this timeline${origin}` : 'NOT verified: see the failed checks above');
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
