// `npm run replay -- case.json` on the committed exports (tests/audit/exports, recorded by
// scripts/record-audit-exports.ts): with no server at all it verifies the chain, replays the history through today's
// workflow code and prints the timeline; a tampered export fails, naming what broke.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseExport } from '../../audit/caseExport';
import { verifyExport } from '../../audit/exportVerification';
import { replayHistory } from '../../audit/replay';
import { generateSigningKey } from '../../audit/signing';
import { crossCheck } from '../../audit/crossCheck';
import { historyFacts, replayedEntries } from '../../audit/historyFacts';
import { ROOT } from '../support/paths';

const EXPORTS = path.join(__dirname, 'exports');
const run = promisify(execFile);

/** Runs the CLI as `npm run replay` does (tsx), with no Temporal or database address in its environment. */
async function replayCli(file: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  const env = { ...process.env };
  for (const name of ['MONGODB_URI', 'SPARROW_TEST_MONGODB_URI', 'TEMPORAL_ADDRESS']) delete env[name];
  return run('npx', ['tsx', path.join(ROOT, 'scripts/replay.ts'), file, ...args], { cwd: ROOT, env, maxBuffer: 10_000_000 }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

const readExport = (name: string) => parseExport(JSON.parse(fs.readFileSync(path.join(EXPORTS, name), 'utf8')));

describe('npm run replay', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sparrow-replay-'));
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const exports = fs.readdirSync(EXPORTS).filter((f) => f.endsWith('.json')).sort();

  it('should have committed exports to replay', () => {
    expect(exports).toEqual(expect.arrayContaining(['audit-case-cancelled.v1.json', 'audit-case-handled.v1.json', 'audit-case-cancelled.v2.json', 'audit-case-handled.v2.json']));
  });

  it.each(exports)('should keep verifying %s with the current code', async (name) => {
    const verified = await verifyExport(readExport(name));
    expect(verified.checks.filter((c) => !c.ok)).toEqual([]);
  }, 60_000);

  it('should verify a committed export offline and print its timeline as a table', async () => {
    // when the CLI replays the handled case's export
    const { code, stdout } = await replayCli(path.join(EXPORTS, 'audit-case-handled.v1.json'));

    // then every check passes
    expect(code).toBe(0);
    for (const check of ['hash of history', 'audit chain', 'seal (global ledger entry)', 'replay through the current workflow code', 'timeline and audit chain agree']) {
      expect(stdout).toMatch(new RegExp(`^ {2}ok {4}${check.replace(/[()]/g, '\\$&')}:`, 'm'));
    }
    expect(stdout).toContain('verified: the chain is intact and the history replays to this timeline (UNSIGNED legacy export: origin not proven)');
    expect(stdout).toMatch(/^ {2}ok {4}signature: UNSIGNED legacy export \(format 1/m);

    // and the timeline table lists each step with its actor and data, in order
    const table = stdout.split('\n').filter((line) => /^\d+ +\|/.test(line));
    expect(table.map((line) => line.split('|').map((c) => c.trim()).slice(1, 4))).toEqual([
      ['case (占道经营处置)', 'case', 'zhao'],
      ['Start (Report received)', 'startEvent', 'test'],
      ['Register (Register the repo…', 'userTask', 'wang'],
      ['Check (Check the address)', 'serviceTask', 'system'],
      ['Decide (Confirmed?)', 'exclusiveGateway', 'system'],
      ['Handle (Handle on site)', 'userTask', 'zhao'],
      ['Handled (Handled)', 'endEvent', 'zhao'],
    ]);
    expect(table[2]).toContain('submitted {"confirmed":true');
    expect(table[3]).toContain('incident "the address registry is unavailable" resolved by li');
  }, 60_000);

  it('should check a signed export against the server\'s public key given to it, and say when none is given', async () => {
    // given a signed export and the server's public key in a file (as GET /api/audit/signing-key serves it)
    const file = path.join(EXPORTS, 'audit-case-handled.v2.json');
    const exported = readExport('audit-case-handled.v2.json');
    const signature = exported.signature as NonNullable<typeof exported.signature>;
    const keyFile = path.join(tmp, 'server-key.json');
    fs.writeFileSync(keyFile, JSON.stringify({ algorithm: 'Ed25519', keyId: signature.keyId, publicKey: signature.publicKey }));

    // then with the key it verifies, naming the key
    const keyed = await replayCli(file, '--public-key', keyFile);
    expect(keyed.code).toBe(0);
    expect(keyed.stdout).toContain(`checking signatures against the given public key ${signature.keyId}`);
    expect(keyed.stdout).toMatch(new RegExp(`^ {2}ok {4}signature: Ed25519 signature valid for the given public key ${signature.keyId}$`, 'm'));
    expect(keyed.stdout).toContain('(signed by the given key)');

    // and without a key it says the embedded key proves integrity only
    const unkeyed = await replayCli(file);
    expect(unkeyed.code).toBe(0);
    expect(unkeyed.stdout).toContain('no --public-key given: signatures are checked against the key embedded in the file, which proves integrity only, not origin');
    expect(unkeyed.stdout).toContain('(signature checked against the embedded key only: origin not proven)');

    // and with another key (PEM text) it fails
    const other = generateSigningKey();
    const wrong = await replayCli(file, '--public-key', other.publicKeyPem);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^ {2}FAIL {2}signature: the signature is not the given key's/m);
    expect(wrong.stdout).toContain('NOT verified');
  }, 120_000);

  it('should fail a tampered export, naming the broken seq', async () => {
    // given the export with one audit row's actor changed
    const exported = readExport('audit-case-handled.v1.json');
    const target = exported.audit.find((r) => r.kind === 'task.completed' && r.elementId === 'Handle');
    if (!target) throw new Error('the export has no Handle completion');
    target.actor = 'mallory';
    const file = path.join(tmp, 'tampered.json');
    fs.writeFileSync(file, JSON.stringify(exported));

    // when the CLI replays it
    const { code, stdout } = await replayCli(file);

    // then it fails: the declared hash, the chain at that seq, and the cross-check with the history
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}FAIL {2}hash of audit:/m);
    expect(stdout).toContain(`FAIL  audit chain: broken at seq ${target.seq}: row ${target.seq} does not match its hash`);
    expect(stdout).toContain(`FAIL  timeline and audit chain agree: step ${target.seq}: the chain says actor "mallory", the history "zhao"`);
    expect(stdout).toContain('NOT verified');
  }, 60_000);

  it('should require every write the history confirms, and allow a write still in flight', async () => {
    // given the handled case's history cut where a recordProgress write is scheduled but not yet confirmed
    const exported = readExport('audit-case-handled.v1.json');
    const events = exported.history.events;
    const markers = events.flatMap((e, i) => (e.eventType === 'EVENT_TYPE_MARKER_RECORDED' ? [i] : []));
    const cut = { events: events.slice(0, markers[2]) };
    const replay = await replayHistory(cut);
    const replayed = replayedEntries(replay.progress, historyFacts(cut));
    expect(replay.ok).toBe(true);
    expect(replayed.entries.length).toBeGreaterThan(replayed.recorded);

    // then a chain holding the confirmed rows agrees (the rest is pending), with or without the write in flight
    expect(crossCheck(exported.audit.slice(0, replayed.recorded), replayed)).toMatchObject({ ok: true, pending: replayed.entries.length - replayed.recorded });
    expect(crossCheck(exported.audit.slice(0, replayed.entries.length), replayed)).toMatchObject({ ok: true, pending: 0 });
    // and a chain missing a confirmed row, or holding a row the history does not know, does not
    expect(crossCheck(exported.audit.slice(0, replayed.recorded - 1), replayed).difference).toMatchObject({ seq: replayed.recorded, field: 'missing-in-chain' });
    expect(crossCheck(exported.audit.slice(0, replayed.entries.length + 1), replayed).difference).toMatchObject({ seq: replayed.entries.length + 1, field: 'missing-in-history' });
  }, 60_000);

  it('should replay a running case fetched while a workflow task runs (its recordProgress write in flight) as its completed tasks', async () => {
    // given the handled case's history cut after a workflow task started and before it completed (a running case's
    // history read mid-step: the task would run recordProgress, a local activity the replay has no worker for)
    const exported = readExport('audit-case-handled.v1.json');
    const events = exported.history.events;
    // a task that started, completed and recorded a marker, after the first one
    const started = events.findIndex((e, i) => i > 10 && e.eventType === 'EVENT_TYPE_WORKFLOW_TASK_STARTED' && events[i + 2]?.eventType === 'EVENT_TYPE_MARKER_RECORDED');
    const midTask = { events: events.slice(0, started + 1) };
    expect(midTask.events.at(-1)?.eventType).toBe('EVENT_TYPE_WORKFLOW_TASK_STARTED');

    // when it is replayed
    const replay = await replayHistory(midTask);

    // then it replays, no failure, the writes of the tasks completed before it: a beginning of the whole case's writes
    expect(replay.divergence).toBeUndefined();
    expect(replay.ok).toBe(true);
    expect(replay.progress.length).toBeGreaterThan(0);
    const whole = await replayHistory(exported.history);
    expect(replay.progress.length).toBeLessThan(whole.progress.length);
    expect(whole.progress.slice(0, replay.progress.length)).toEqual(replay.progress);
  }, 60_000);

  it('should verify the cancelled case\'s export, whose open step ends with the cancellation', async () => {
    const verified = await verifyExport(readExport('audit-case-cancelled.v1.json'));
    expect(verified.timeline.map((s) => [s.elementId, s.status, s.actor])).toEqual([
      [null, 'cancelled', 'zhang'],
      ['Start', 'completed', 'test'],
      ['Register', 'completed', 'wang'],
      ['Check', 'cancelled', 'zhang'],
    ]);
    expect(verified.timeline[0].data.cancelReason).toBe('重复立案（Check）');
  }, 60_000);
});
