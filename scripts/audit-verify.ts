// `npm run audit:verify -- <instanceId> | --all`: verifies audit chains in the database named by MONGODB_URI.
// One case: its chain (hashes, order, gaps), its seal in the global ledger and the summary's progress counter.
// --all: every case, the global ledger, and every sealed case still present. A case closed moments ago whose seal is
// still queued for the ledger sealer is checked against the queued head and shown as pending. Prints the server's audit
// signing key (the one `npm run replay -- case.json --public-key` checks exports against). Exits 1 when anything is broken.
import mongoose from 'mongoose';
import { loadConfig } from '../platform/config';
import { connectMongo } from '../store/db';
import { verifyAll, verifyCase } from '../audit/service';
import { storedPublicKey } from '../audit/signingKey';

/** Prints the server's signing key, or that none exists yet (it is created by the first export). */
async function printSigningKey(): Promise<void> {
  const key = await storedPublicKey();
  if (!key) {
    console.log('audit signing key: none yet (the server creates it when it first signs an export or ledger head)');
    return;
  }
  console.log(`audit signing key ${key.keyId} (from the ${key.source}); give it to \`npm run replay -- case.json --public-key <file>\`:\n${key.publicKey.trim()}`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const id = args.find((a) => !a.startsWith('-'));
  if (all === Boolean(id)) {
    console.error('usage: npm run audit:verify -- <instanceId> | --all   (database: MONGODB_URI)');
    return 2;
  }
  await connectMongo(loadConfig().MONGODB_URI);
  try {
    await printSigningKey();
    if (id) {
      const result = await verifyCase(id);
      if (result.chain.rows === 0 && !result.seal.entry) {
        console.log(`${id}: no audit rows and no seal — unknown case`);
        return 1;
      }
      const seal = result.seal.entry ? `sealed in ledger #${result.seal.entry.seq}` : result.seal.status;
      console.log(result.ok ? `ok    ${id}: ${result.chain.rows} rows, head ${result.chain.headHash}, ${seal}` : `FAIL  ${id}: first broken seq ${result.firstBrokenSeq} — ${result.reason}`);
      return result.ok ? 0 : 1;
    }
    const result = await verifyAll();
    const pending = result.pendingSeals ? `, ${result.pendingSeals} closed case(s) queued for sealing` : '';
    console.log(`${result.cases} cases, ledger ${result.ledger.ok ? 'ok' : 'BROKEN'} (${result.ledger.entries} sealed cases, head ${result.ledger.headHash}${pending})`);
    for (const f of result.findings) {
      console.log(`FAIL  ${f.instanceId ?? '(ledger)'}${f.seq !== null ? `: first broken seq ${f.seq}` : ''}${f.ledgerSeq !== undefined ? ` (ledger #${f.ledgerSeq})` : ''} — ${f.reason}`);
    }
    console.log(result.ok ? 'ok: every chain and the ledger verify' : `${result.findings.length} problem(s) found`);
    return result.ok ? 0 : 1;
  } finally {
    await mongoose.disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
