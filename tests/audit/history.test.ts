// History, timeline, replay check and export on the real stack: the timeline derived from Temporal's history tells the
// same story as the audit chain; the recorded run replays through the current workflow code, and a deliberately changed
// behaviour is caught at the first diverging event; the export carries everything `npm run replay` needs.
import { sha256Hex } from '../../engine/hash';
import { exportHashes } from '../../audit/caseExport';
import { chainOf } from '../../audit/service';
import request from 'supertest';
import { AuditLedger } from '../../store/models/auditEvent';
import { verifyExport } from '../../audit/exportVerification';
import { readPublicKey, verifyDocument } from '../../audit/signing';
import { useReplayWorkflows } from '../../audit/replay';
import type { TimelineStep } from '../../audit/timeline';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { eventually } from '../support/wait';
import { checkAddress, HANDLING, handledCase, REGISTRATION, startAuditCase } from './support';

describe('history, timeline, replay check and export', () => {
  let stack: ApiStack;
  let auditor: ApiSession;
  let handled: string;

  beforeAll(async () => {
    stack = await startApiStack({ jobTypes: [checkAddress] });
    auditor = await stack.as('auditor');
    handled = (await handledCase(stack, 'HIST-1')).id;
  }, 120_000);
  afterAll(async () => {
    useReplayWorkflows(undefined);
    await stack?.stop();
  });

  it('should return the Temporal history and a timeline of business steps: element, actor, start/end, data', async () => {
    // when an auditor reads the handled case's history
    const res = await auditor.get(`/api/instances/${enc(handled)}/history`).expect(200);
    const { history, timeline, replay } = res.body as { history: { events: Array<{ eventType: string }> }; timeline: TimelineStep[]; replay: { ok: boolean } };

    // then it holds Temporal's events, from the start to the completion
    expect(replay.ok).toBe(true);
    expect(history.events[0].eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    expect(history.events[history.events.length - 1].eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED');

    // and the timeline: one step per element run, in order, with who did it and the data that went in and out
    expect(timeline.map((s) => [s.elementId, s.elementKind, s.startedBy, s.actor, s.status])).toEqual([
      [null, 'case', 'test', 'zhao', 'completed'],
      ['Start', 'startEvent', 'test', 'test', 'completed'],
      ['Register', 'userTask', 'test', 'wang', 'completed'],
      ['Check', 'serviceTask', 'wang', 'system', 'completed'],
      ['Decide', 'exclusiveGateway', 'system', 'system', 'completed'],
      ['Handle', 'userTask', 'system', 'zhao', 'completed'],
      ['Handled', 'endEvent', 'zhao', 'zhao', 'completed'],
    ]);
    const [caseStep, , register, check, , handle] = timeline;
    expect(caseStep.data.variables).toEqual({ reportNo: 'HIST-1', source: '12345 热线' });
    expect(caseStep.elementName).toBe('占道经营处置');
    expect(register).toMatchObject({ elementName: 'Register the report', data: { taskId: `${handled}/Register/${register.tokenId}`, submitted: REGISTRATION } });
    expect(handle.data.submitted).toEqual(HANDLING);
    expect(check.data.jobs).toEqual([
      expect.objectContaining({ jobType: 'audit.check-address', outcome: 'failed', failure: 'the address registry is unavailable' }),
      expect.objectContaining({ jobType: 'audit.check-address', outcome: 'completed', result: { addressValid: true, district: '石景山' } }),
    ]);
    expect(check.data.incidents).toEqual([expect.objectContaining({ kind: 'jobFailed', message: 'the address registry is unavailable', resolvedBy: 'li' })]);
    for (const step of timeline) expect(Date.parse(step.endedAt as string)).toBeGreaterThanOrEqual(Date.parse(step.startedAt));

    // and every audit row belongs to exactly one step
    const rows = await chainOf(handled);
    expect(timeline.flatMap((s) => s.auditSeqs).sort((a, b) => a - b)).toEqual(rows.map((r) => r.seq));
  });

  it('should tell the same story in the timeline and the audit chain: same steps, order, actors and times', async () => {
    // given the timeline from the history and the chain from the database
    const { timeline } = (await auditor.get(`/api/instances/${enc(handled)}/history`).expect(200)).body as { timeline: TimelineStep[] };
    const rows = await chainOf(handled);

    // then the element runs of the timeline are the chain's element.entered rows, in order, at the same times
    const entered = rows.filter((r) => r.kind === 'element.entered').map((r) => [r.elementId, r.tokenId, r.at]);
    expect(timeline.filter((s) => s.elementId).map((s) => [s.elementId, s.tokenId, s.startedAt])).toEqual(entered);
    // and the people who completed steps are the chain's task.completed actors
    const completedBy = rows.filter((r) => r.kind === 'task.completed').map((r) => [r.elementId, r.actor]);
    expect(timeline.filter((s) => s.elementKind === 'userTask').map((s) => [s.elementId, s.actor])).toEqual(completedBy);

    // and verify cross-checks every row against the history
    const verdict = (await auditor.post(`/api/instances/${enc(handled)}/audit/verify`).expect(200)).body;
    expect(verdict.crossCheck).toEqual({ status: 'checked', ok: true, compared: rows.length, chainRows: rows.length, historyEntries: rows.length, pending: 0 });
  });

  it('should cross-check a running case, whose timeline ends at the open task', async () => {
    const c = await startAuditCase(stack, 'HIST-RUNNING');
    await c.completeTask('Register', REGISTRATION, 'wang');
    await c.until((s) => s.incidents.length > 0, 'the incident');
    const timeline = await eventually(async () => {
      const steps = (await auditor.get(`/api/instances/${enc(c.id)}/history`).expect(200)).body.timeline as TimelineStep[];
      return steps[steps.length - 1]?.status === 'incident' ? steps : undefined;
    }, 'the incident in the timeline');
    expect(timeline[timeline.length - 1]).toMatchObject({ elementId: 'Check', status: 'incident', endedAt: null });
    const verdict = (await auditor.post(`/api/instances/${enc(c.id)}/audit/verify`).expect(200)).body;
    expect(verdict).toMatchObject({ ok: true, seal: { status: 'open' }, crossCheck: { status: 'checked', ok: true } });
  });

  it('should replay a real case through the current workflow code', async () => {
    const res = await auditor.post(`/api/instances/${enc(handled)}/replay-check`).expect(200);
    expect(res.body).toEqual({ instanceId: handled, ok: true, events: expect.any(Number) });
  });

  it('should catch a deliberately changed behaviour at the first diverging event', async () => {
    // given workflow code in which user tasks no longer wait for a person
    useReplayWorkflows(require.resolve('./fixtures/changedWorkflow'));
    try {
      // when the recorded case is replayed through it
      const res = await auditor.post(`/api/instances/${enc(handled)}/replay-check`).expect(200);

      // then the replay fails at the event where the recorded run opened the Register task (its first activity)
      const { history } = (await auditor.get(`/api/instances/${enc(handled)}/history`).expect(200)).body as { history: { events: Array<Record<string, unknown>> } };
      const firstActivity = history.events.find((e) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED') as { eventId: string };
      expect(res.body).toMatchObject({ ok: false, divergence: { kind: 'nondeterminism', eventId: Number(firstActivity.eventId), eventType: 'ActivityTaskScheduled' } });

      // and verify reports that the history no longer replays
      const verdict = (await auditor.post(`/api/instances/${enc(handled)}/audit/verify`).expect(200)).body;
      expect(verdict).toMatchObject({ ok: false, chain: { ok: true }, crossCheck: { status: 'replay-failed', ok: false }, reason: expect.stringMatching(/^replay-failed/) });
    } finally {
      useReplayWorkflows(undefined);
    }
  });

  it('should export one JSON with the definition, the history, the chain and their hashes, which verifies offline', async () => {
    // when an auditor exports the case
    const res = await auditor.get(`/api/instances/${enc(handled)}/export`).expect(200);
    const exported = res.body;

    // then it is a download holding every part, each with its hash
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?audit-case_HIST-1\.audit\.json"?$/);
    expect(exported).toMatchObject({ format: 'sparrow.case-export', formatVersion: 2, instanceId: handled, definition: { key: 'audit-case', version: 1 } });
    expect(exported.definition.xml).toContain('<bpmn:process id="audit-case"');
    expect(exported.audit).toEqual(await chainOf(handled));
    expect(exported.hashes).toEqual(exportHashes(exported));
    expect(exported.hashes.xml).toBe(sha256Hex(exported.definition.xml));
    expect(exported.hashes.model).toBe(exported.definition.sha256);
    expect(exported.seal).toMatchObject({ instanceId: handled, headHash: exported.hashes.headHash });

    // and it is signed with the key the server publishes (anyone may read it)
    const key = (await request(stack.app).get('/api/audit/signing-key').expect(200)).body as { algorithm: string; keyId: string; publicKey: string };
    expect(key).toEqual({ algorithm: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{64}$/), publicKey: expect.stringContaining('-----BEGIN PUBLIC KEY-----') });
    expect(exported.signature).toMatchObject({ algorithm: 'Ed25519', keyId: key.keyId, publicKey: key.publicKey });

    // and it verifies with no server against that key: signature, chain, seal, replay, cross-check
    const verified = await verifyExport(exported, { publicKey: readPublicKey(key.publicKey) });
    expect(verified.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verified.signature).toMatchObject({ ok: true, against: 'trusted-key', keyId: key.keyId });
    expect(verified.timeline.map((s) => s.elementId)).toEqual([null, 'Start', 'Register', 'Check', 'Decide', 'Handle', 'Handled']);

    // and the JSON as downloaded (not only the parsed object) verifies too
    expect(verifyDocument(JSON.parse(res.text) as object, readPublicKey(key.publicKey)).ok).toBe(true);
  });

  it('should give auditors the signed head of the global ledger, for anchoring outside the database', async () => {
    // given the handled case sealed in the ledger
    const seal = (await auditor.get(`/api/instances/${enc(handled)}/audit`).expect(200)).body.seal as { seq: number };

    // when an auditor reads the ledger head
    const head = (await auditor.get('/api/audit/ledger/head').expect(200)).body;

    // then it names the ledger's end (at or after the case's seal) and its hash, signed by the server's key
    const { publicKey } = (await auditor.get('/api/audit/signing-key').expect(200)).body as { publicKey: string };
    expect(head).toMatchObject({ format: 'sparrow.ledger-head', position: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: expect.any(String) });
    expect(head.position).toBeGreaterThanOrEqual(seal.seq);
    expect(verifyDocument(head, readPublicKey(publicKey))).toMatchObject({ ok: true, against: 'trusted-key' });
    const lastEntry = (await AuditLedger.findById(head.position).lean()) as { hash: string };
    expect(head.hash).toBe(lastEntry.hash);
    // and a changed position no longer verifies
    expect(verifyDocument({ ...head, position: head.position - 1 }, readPublicKey(publicKey)).ok).toBe(false);

    // and a street commander (who audits one street) may not read it
    expect((await (await stack.as('bajiao-commander')).get('/api/audit/ledger/head')).status).toBe(403);
  });

  it('should answer 404 for a case outside the caller\'s streets, and 403 for roles that do not audit', async () => {
    const lugu = await stack.as('lugu-auditor');
    for (const url of ['history', 'export']) expect((await lugu.get(`/api/instances/${enc(handled)}/${url}`)).status).toBe(404);
    expect((await lugu.post(`/api/instances/${enc(handled)}/replay-check`)).status).toBe(404);
    expect((await auditor.get('/api/instances/nothing:here/history')).status).toBe(404);
    expect((await (await stack.as('bajiao-resident')).post(`/api/instances/${enc(handled)}/replay-check`)).status).toBe(403);
  });
});
