// The hash-chained audit log on the real stack: every case's rows form a chain sealed in the global ledger when the case
// closes; a retried write adds nothing; and every kind of tampering (a changed value, a reorder, a deleted row, a deleted
// case) makes verification fail naming the first broken seq — through the API and through `npm run audit:verify`.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { jsonSha256 } from '../../engine/hash';
import type { AuditEntry } from '../../engine/interpreter/types';
import { sealPendingCases } from '../../audit/ledger';
import { recordProgress } from '../../activities/readModel';
import type { RecordProgressInput } from '../../contracts/activities';
import { AuditEvent, AuditLedger, AuditLedgerHead, AuditPendingSeal, auditRowId, LEDGER_HEAD_ID } from '../../store/models/auditEvent';
import { Instance, InstanceHistory } from '../../store/models/instance';
import { buildChain, GENESIS_HASH, linkHash } from '../../audit/chain';
import { chainOf, toChainRow, verifyAll, verifyCase } from '../../audit/service';
import { type ApiStack, enc, startApiStack } from '../support/api';
import { ROOT } from '../support/paths';
import { eventually } from '../support/wait';
import { checkAddress, handledCase, HANDLING, REGISTRATION, startAuditCase } from './support';

const run = promisify(execFile);

describe('the audit chain', () => {
  let stack: ApiStack;
  /** A handled (closed, sealed) case and a second one, and a case still waiting for its first person. */
  let handled: string;
  let other: string;
  let waiting: string;

  beforeAll(async () => {
    stack = await startApiStack({ jobTypes: [checkAddress] });
    handled = (await handledCase(stack, 'CHAIN-1')).id;
    other = (await handledCase(stack, 'CHAIN-2')).id;
    waiting = (await startAuditCase(stack, 'CHAIN-3')).id;
    await eventually(async () => ((await AuditEvent.exists({ instanceId: waiting, kind: 'task.opened' })) ? true : undefined), 'the waiting case\'s rows');
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  /** Changes the stored rows of a case with `tamper`, runs `check`, then puts every row (and ledger entry) back. */
  async function tampered(instanceId: string, tamper: () => Promise<unknown>, check: () => Promise<void>): Promise<void> {
    const rows = await AuditEvent.find({ instanceId }).lean();
    const ledger = await AuditLedger.find({}).lean();
    const [summary, closedSummary] = await Promise.all([Instance.findById(instanceId).lean(), InstanceHistory.findById(instanceId).lean()]);
    try {
      await tamper();
      await check();
    } finally {
      await AuditEvent.deleteMany({ instanceId });
      await AuditEvent.insertMany(rows);
      await AuditLedger.deleteMany({});
      await AuditLedger.insertMany(ledger);
      if (summary && !(await Instance.exists({ _id: instanceId }))) await Instance.create(summary);
      if (closedSummary && !(await InstanceHistory.exists({ _id: instanceId }))) await InstanceHistory.create(closedSummary);
    }
  }

  /** Runs `npm run audit:verify` on the stack's database. */
  const cli = (args: string[]) => {
    const uri = new URL(process.env.SPARROW_TEST_MONGODB_URI as string);
    uri.pathname = `/${stack.dbName}`;
    return run('npx', ['tsx', path.join(ROOT, 'scripts/audit-verify.ts'), ...args], { cwd: ROOT, env: { ...process.env, MONGODB_URI: uri.toString() } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
  };
  const verifyAs = async (instanceId: string, user = 'auditor') => (await (await stack.as(user)).post(`/api/instances/${enc(instanceId)}/audit/verify`).expect(200)).body;
  const rowOf = (instanceId: string, kind: string) => AuditEvent.findOne({ instanceId, kind }).lean().then((r) => r as NonNullable<typeof r>);

  it('should chain every row to the previous one and seal the closed case in the global ledger', async () => {
    // given the handled case, as an auditor reads it
    const res = await (await stack.as('auditor')).get(`/api/instances/${enc(handled)}/audit`).expect(200);
    const rows = res.body.rows as Array<ReturnType<typeof toChainRow> & { data: Record<string, unknown> }>;

    // then the rows are 1..n, each hashing to its hash and holding the previous row's hash
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    rows.forEach((row, i) => {
      expect(linkHash(row)).toBe(row.hash);
      if (i > 0) expect(row.prevHash).toBe(rows[i - 1].hash);
      expect(row.definitionVersion).toBe(1);
    });

    // and the chain holds the hash of each step's data, e.g. of the form wang submitted and of zhao's
    const completed = rows.filter((r) => r.kind === 'task.completed');
    expect(completed.map((r) => [r.elementId, r.actor, r.data.variablesHash])).toEqual([
      ['Register', 'wang', jsonSha256(REGISTRATION)],
      ['Handle', 'zhao', jsonSha256(HANDLING)],
    ]);
    expect(rows[0]).toMatchObject({ kind: 'instance.started', actor: 'test', data: { variablesHash: jsonSha256({ reportNo: 'CHAIN-1', source: '12345 热线' }) } });

    // and who changed which variable, from which value to which (as hashes), is answerable
    const changes = rows.filter((r) => r.kind === 'variables.changed').map((r) => ({ by: r.actor, at: r.at, element: r.elementId, changes: r.data.changes }));
    expect(changes).toEqual([
      { by: 'wang', at: expect.any(String), element: 'Register', changes: Object.keys(REGISTRATION).map((name) => expect.objectContaining({ name, oldHash: null, newHash: jsonSha256(REGISTRATION[name]) })) },
      { by: 'system', at: expect.any(String), element: 'Check', changes: [expect.objectContaining({ name: 'addressValid', oldHash: null }), expect.objectContaining({ name: 'district', oldHash: null })] },
      { by: 'zhao', at: expect.any(String), element: 'Handle', changes: Object.keys(HANDLING).map((name) => expect.objectContaining({ name, oldHash: null, newHash: jsonSha256(HANDLING[name]) })) },
    ]);

    // and the ledger holds the head hash of the closed case
    expect(res.body.seal).toMatchObject({ instanceId: handled, lastSeq: rows.length, headHash: rows[rows.length - 1].hash });

    // and verification passes: chain, seal and the cross-check with the Temporal history
    const verdict = await verifyAs(handled);
    expect(verdict).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null, chain: { ok: true, rows: rows.length, closed: true }, seal: { status: 'sealed', ok: true } });
    expect(verdict.crossCheck).toMatchObject({ status: 'checked', ok: true, compared: rows.length, pending: 0 });
  });

  it('should record an old value hash when a variable changes again', async () => {
    // given a running case whose "note" wang sets, then corrects on the next task
    const c = await startAuditCase(stack, 'CHAIN-VAR');
    await c.completeTask('Register', { ...REGISTRATION, note: '初报' }, 'wang');
    const stopped = await c.until((s) => s.incidents.length > 0, 'the incident');
    await c.resolveIncident(stopped.incidents[0].id);
    await c.completeTask('Handle', { note: '更正：流动摊贩' }, 'zhao');
    await c.result();

    // then the second change names zhao and the old and new value's hashes
    const rows = (await chainOf(c.id)).filter((r) => r.kind === 'variables.changed').map((r) => JSON.parse(r.dataJson ?? '{}'));
    expect(rows[rows.length - 1].changes).toEqual([{ name: 'note', scope: expect.any(String), oldHash: jsonSha256('初报'), newHash: jsonSha256('更正：流动摊贩') }]);
    expect((await verifyCase(c.id, { client: stack.client })).ok).toBe(true);
  });

  it('should write no duplicates and keep the chain when the activity is retried, even concurrently', async () => {
    // given two batches of audit entries of a case, the second closing it
    const instanceId = `audit-retry:${Date.now()}`;
    const caseRef = { instanceId, definitionKey: 'audit-retry', definitionVersion: 3, businessKey: 'R', street: null };
    const at = new Date().toISOString();
    const entry = (kind: AuditEntry['kind'], elementId?: string): AuditEntry => ({ at, actor: 'wang', kind, elementId, tokenId: elementId ? `t-${elementId}` : undefined, data: { n: 1 } });
    const first: RecordProgressInput = {
      caseRef,
      startedBy: 'wang',
      startedAt: at,
      firstSeq: 1,
      entries: [entry('instance.started'), entry('element.entered', 'A'), entry('element.left', 'A')],
      summary: { status: 'running', currentElements: ['B'], incidentCount: 0 },
    };
    const second: RecordProgressInput = { ...first, firstSeq: 4, entries: [entry('element.entered', 'B'), entry('instance.completed')], summary: { status: 'completed', currentElements: [], incidentCount: 0 } };

    // when each write is retried (twice in a row, and twice at once), and the first again after the second
    await recordProgress(first);
    await recordProgress(first);
    await Promise.all([recordProgress(second), recordProgress(second)]);
    await recordProgress(first);
    await recordProgress(second);

    // and the ledger sealer runs (twice at once, besides the pass the closing asked for)
    await Promise.all([sealPendingCases(), sealPendingCases()]);

    // then each seq is stored once, the chain verifies, and the case is sealed once
    const rows = await chainOf(instanceId);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await AuditEvent.countDocuments({ instanceId })).toBe(5);
    expect(await AuditLedger.countDocuments({ instanceId })).toBe(1);
    expect(await AuditPendingSeal.exists({ _id: instanceId })).toBeNull();
    const verdict = await verifyCase(instanceId);
    expect(verdict).toMatchObject({ ok: true, chain: { rows: 5, closed: true }, seal: { status: 'sealed' } });
    expect(verdict.seal.entry?.headHash).toBe(rows[4].hash);
  });

  it('should check a closed case against its queued seal until the sealer gives it a ledger position', async () => {
    // given a closed case whose rows are written and whose seal is queued, but no sealer pass has run yet
    const instanceId = `audit-pending:${Date.now()}`;
    const at = new Date().toISOString();
    const rows = buildChain(instanceId, 1, 1, [{ at, actor: 'wang', kind: 'instance.started' }, { at, actor: 'wang', kind: 'instance.completed' }], GENESIS_HASH);
    await AuditEvent.insertMany(rows.map((row) => ({ ...row, _id: auditRowId(instanceId, row.seq), at: new Date(row.at) })));
    await AuditPendingSeal.create({ _id: instanceId, street: null, lastSeq: 2, headHash: rows[1].hash as string, closedAt: new Date(at) });

    // then verification says pending (not missing), having checked the chain against the queued head
    expect(await verifyCase(instanceId)).toMatchObject({ ok: true, chain: { ok: true, closed: true }, seal: { status: 'pending', ok: true, entry: null, pending: { lastSeq: 2, headHash: rows[1].hash } } });
    expect((await verifyAll()).pendingSeals).toBe(1);

    // and a chain that no longer ends at the queued head is caught while pending
    await tampered(
      instanceId,
      () => AuditEvent.deleteOne({ _id: auditRowId(instanceId, 2) }),
      async () => {
        expect(await verifyCase(instanceId)).toMatchObject({ ok: false, firstBrokenSeq: 2, chain: { broken: { reason: 'truncated', message: expect.stringContaining('the pending seal') } } });
        expect(await cli([instanceId])).toMatchObject({ code: 1, stdout: expect.stringMatching(/FAIL .*first broken seq 2 — truncated/) });
      },
    );

    // when the sealer runs, the case is sealed at the ledger's end and the queue is empty
    await sealPendingCases();
    const verdict = await verifyCase(instanceId);
    expect(verdict).toMatchObject({ ok: true, seal: { status: 'sealed', entry: { instanceId, lastSeq: 2, headHash: rows[1].hash } } });
    expect(await AuditLedgerHead.findById(LEDGER_HEAD_ID).lean()).toMatchObject({ seq: verdict.seal.entry?.seq });
    expect(await AuditPendingSeal.countDocuments({})).toBe(0);
    expect(await verifyAll()).toMatchObject({ ok: true, pendingSeals: 0, ledger: { ok: true } });
  });

  it('should name the seq of a row whose value was changed', async () => {
    const target = await rowOf(handled, 'task.completed');
    await tampered(
      handled,
      () => AuditEvent.updateOne({ _id: target._id }, { $set: { actor: 'mallory' } }),
      async () => {
        const verdict = await verifyAs(handled);
        expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: target.seq, chain: { ok: false, broken: { seq: target.seq, reason: 'hash-mismatch' } } });
      },
    );
  });

  it('should name the seq of a row whose data was changed', async () => {
    const target = await rowOf(handled, 'task.completed');
    await tampered(
      handled,
      () => AuditEvent.updateOne({ _id: target._id }, { $set: { dataJson: JSON.stringify({ ...JSON.parse(target.dataJson ?? '{}'), variablesHash: jsonSha256({ confirmed: false }) }) } }),
      async () => {
        const verdict = await verifyAs(handled);
        expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: target.seq, chain: { broken: { seq: target.seq, reason: 'data-changed' } } });
      },
    );
  });

  it('should name the seq where rows were swapped', async () => {
    await tampered(
      handled,
      async () => {
        // the unique (instanceId, seq) index needs a free seq for the swap
        await AuditEvent.updateOne({ instanceId: handled, seq: 5 }, { $set: { seq: -5 } });
        await AuditEvent.updateOne({ instanceId: handled, seq: 6 }, { $set: { seq: 5 } });
        await AuditEvent.updateOne({ instanceId: handled, seq: -5 }, { $set: { seq: 6 } });
      },
      async () => {
        const verdict = await verifyAs(handled);
        expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: 5, chain: { broken: { seq: 5, reason: 'hash-mismatch' } } });
      },
    );
  });

  it('should name the seq of a deleted row, and of rows deleted at the end', async () => {
    const total = await AuditEvent.countDocuments({ instanceId: handled });
    await tampered(
      handled,
      () => AuditEvent.deleteOne({ instanceId: handled, seq: 3 }),
      async () => {
        expect(await verifyAs(handled)).toMatchObject({ ok: false, firstBrokenSeq: 3, chain: { broken: { seq: 3, reason: 'missing-row' } } });
      },
    );
    await tampered(
      handled,
      () => AuditEvent.deleteMany({ instanceId: handled, seq: { $gte: total - 1 } }),
      async () => {
        // the rest still chains, but the ledger sealed the case at its last row
        expect(await verifyAs(handled)).toMatchObject({ ok: false, firstBrokenSeq: total - 1, chain: { broken: { seq: total - 1, reason: 'truncated' } } });
      },
    );
    await tampered(
      waiting,
      () => AuditEvent.deleteMany({ instanceId: waiting, seq: { $gte: 4 } }),
      async () => {
        // a running case has no seal: the summary's progress counter and the history name the missing rows
        expect(await verifyAs(waiting)).toMatchObject({ ok: false, firstBrokenSeq: 4, chain: { broken: { seq: 4, reason: 'truncated' } } });
      },
    );
  });

  it('should catch a chain rewritten consistently from a seq on: the seal of a closed case, the history of a running one', async () => {
    // given a forger who changes the actor of a row and recomputes every hash from there on
    const forge = async (instanceId: string, kind: string) => {
      const rows = await chainOf(instanceId);
      const from = rows.findIndex((r) => r.kind === kind);
      let prev = rows[from - 1].hash as string;
      for (const row of rows.slice(from)) {
        const link = { ...row, actor: row.kind === kind ? 'mallory' : row.actor, prevHash: prev };
        link.hash = linkHash(link);
        prev = link.hash;
        await AuditEvent.updateOne({ instanceId, seq: row.seq }, { $set: { actor: link.actor, prevHash: link.prevHash, hash: link.hash } });
      }
      return rows[from].seq;
    };
    await tampered(
      handled,
      () => forge(handled, 'task.completed'),
      async () => {
        const verdict = await verifyAs(handled);
        const total = verdict.chain.rows;
        expect(verdict).toMatchObject({ ok: false, chain: { broken: { reason: 'seal-mismatch', seq: total } } });
        expect(verdict.crossCheck).toMatchObject({ status: 'checked', ok: false, difference: { field: 'actor', chain: 'mallory', history: 'wang' } });
      },
    );
    const opened = (await rowOf(waiting, 'task.opened')).seq;
    await tampered(
      waiting,
      () => forge(waiting, 'task.opened'),
      async () => {
        const verdict = await verifyAs(waiting);
        expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: opened, chain: { ok: true }, crossCheck: { ok: false, difference: { seq: opened, field: 'actor', chain: 'mallory', history: 'test' } } });
        expect(verdict.reason).toMatch(/^history-differs/);
      },
    );
  });

  it('should detect a deleted case through the global ledger, and a ledger entry deleted with it', async () => {
    const sealSeq = (await AuditLedger.findOne({ instanceId: handled }).lean())?._id as number;
    await tampered(
      handled,
      async () => {
        await AuditEvent.deleteMany({ instanceId: handled });
        await Promise.all([Instance.deleteOne({ _id: handled }), InstanceHistory.deleteOne({ _id: handled })]);
      },
      async () => {
        // the auditor can still open the deleted case (its seal is in the ledger) and is told it was deleted
        expect(await verifyAs(handled)).toMatchObject({ ok: false, firstBrokenSeq: 1, chain: { broken: { seq: 1, reason: 'case-deleted' } } });
        const all = await verifyAll();
        expect(all.ok).toBe(false);
        expect(all.findings).toEqual([expect.objectContaining({ instanceId: handled, seq: 1, ledgerSeq: sealSeq, reason: expect.stringMatching(/^case-deleted/) })]);
      },
    );
    await tampered(
      handled,
      async () => {
        await AuditEvent.deleteMany({ instanceId: handled });
        await AuditLedger.deleteOne({ _id: sealSeq });
      },
      async () => {
        // deleting the seal too breaks the global chain at that position
        const all = await verifyAll();
        expect(all.ledger).toMatchObject({ ok: false, broken: { ledgerSeq: sealSeq } });
        expect(all.findings[0]).toMatchObject({ ledgerSeq: sealSeq, reason: expect.stringMatching(/^ledger (missing-entry|truncated)/) });
        // and the summary row left behind still names the missing rows
        expect(all.findings).toEqual(expect.arrayContaining([expect.objectContaining({ instanceId: handled, seq: 1, reason: expect.stringMatching(/^truncated/) })]));
      },
    );
  });

  it('should let auditors of the case\'s streets verify, and no one else', async () => {
    await verifyAs(other, 'auditor');
    // a case without a street is outside a street auditor's scope: 404, as for an unknown id
    const lugu = await stack.as('lugu-auditor');
    expect((await lugu.post(`/api/instances/${enc(other)}/audit/verify`)).status).toBe(404);
    expect((await lugu.get(`/api/instances/${enc(other)}/audit`)).status).toBe(404);
    // enforcement staff may not read audit logs
    expect((await (await stack.as('bajiao-staff')).get(`/api/instances/${enc(other)}/audit`)).status).toBe(403);
  });

  describe('npm run audit:verify', () => {
    it('should pass for intact chains and name the first broken seq of a tampered one', async () => {
      // given intact cases, then
      const all = await cli(['--all']);
      expect(all).toMatchObject({ code: 0, stdout: expect.stringContaining('ok: every chain and the ledger verify') });
      expect(await cli([other])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok {4}.*sealed in ledger #\d+/m) });

      // when a row's value is changed, then both forms fail naming its seq
      const target = await rowOf(other, 'element.left');
      await tampered(
        other,
        () => AuditEvent.updateOne({ _id: target._id }, { $set: { at: new Date(0) } }),
        async () => {
          expect(await cli([other])).toMatchObject({ code: 1, stdout: expect.stringContaining(`FAIL  ${other}: first broken seq ${target.seq} — hash-mismatch`) });
          expect(await cli(['--all'])).toMatchObject({ code: 1, stdout: expect.stringContaining(`FAIL  ${other}: first broken seq ${target.seq}`) });
        },
      );
    }, 60_000);
  });

  it('should keep every case intact through the tampering above', async () => {
    for (const id of [handled, other, waiting]) expect(await verifyCase(id, { client: stack.client })).toMatchObject({ ok: true });
    expect((await verifyAll()).findings).toEqual([]);
  });
});
