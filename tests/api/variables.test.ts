// PATCH /api/instances/:id/variables (issue 16): a commander fixes a variable, then resolves the incident, and the failed
// job runs again with the corrected data (Camunda 8's "fix the variable, then resolve the incident"); recorded in the
// audit chain with who and why; refusals name what was wrong.
import fs from 'node:fs';
import path from 'node:path';
import { jsonSha256 } from '../../engine/hash';
import { deploy } from '../../server/services/definitions';
import { caseState } from '../../server/services/cases';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { auditWhen } from '../support/cases';
import { nonConformance, servedOpenApi } from '../support/openapiConformance';
import { testJob } from '../support/jobs';
import { eventually } from '../support/wait';
import { uniqueKey } from './fixtures';

/** The job of permit-check.bpmn: it fails (no retries) unless the case has a permit number; it answers what it checked. */
const permitJob = testJob('test.permit-check', async ({ variables }) => {
  if (!variables.permitNo) throw new Error('no permit number on file');
  return { checkedPermit: variables.permitNo };
});

const permitXml = fs.readFileSync(path.join(__dirname, 'fixtures', 'permit-check.bpmn'), 'utf8');
const variablesUrl = (id: string) => `/api/instances/${enc(id)}/variables`;

describe('PATCH /api/instances/:id/variables', () => {
  let stack: ApiStack;
  let commander: ApiSession;

  /** Starts a permit-check case in bajiao without a permit number and waits for Check's incident. */
  async function stoppedCase(): Promise<{ id: string; incidentId: string }> {
    const res = await (await stack.as('bajiao-staff')).post('/api/instances', { definitionKey: 'permit-check', businessKey: uniqueKey('XK'), street: 'bajiao' }).expect(201);
    const id = res.body.id as string;
    const state = await eventually(() => caseState(stack.client, id).then((s) => (s.incidents.length > 0 ? s : undefined)), `the incident of ${id}`);
    return { id, incidentId: state.incidents[0].id };
  }

  beforeAll(async () => {
    stack = await startApiStack({ jobTypes: [permitJob] });
    await deploy({ xml: permitXml, deployedBy: 'test' }, new Set(stack.jobTypes));
    commander = await stack.as('bajiao-commander');
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('should let a commander fix a variable, then resolve the incident: the job runs again with the corrected data', async () => {
    // given a case whose Check failed for want of a permit number
    const { id, incidentId } = await stoppedCase();

    // when the commander sets permitNo with a reason, then resolves the incident
    const set = await commander.patch(variablesUrl(id), { variables: { permitNo: 'XK-2026-17' }, reason: '补录许可证号' }).expect(200);
    expect(set.body.variables).toEqual(expect.objectContaining({ permitNo: 'XK-2026-17' }));
    await commander.post(`/api/instances/${enc(id)}/incidents/${enc(incidentId)}/resolve`).expect(200);

    // then the job ran again with the corrected value and the case went on to Review
    const after = await eventually(() => caseState(stack.client, id).then((s) => (s.activeElements.some((a) => a.elementId === 'Review') ? s : undefined)), 'Review after the retry');
    expect(after.incidents).toEqual([]);
    expect(after.variables).toEqual(expect.objectContaining({ permitNo: 'XK-2026-17', checkedPermit: 'XK-2026-17' }));

    // and the audit chain holds the change by the commander with the reason, the scope and the value's hash only
    // (read once Review's opening is written: a history with a step in flight is not cross-checked)
    const rows = await auditWhen(id, (r) => r.some((row) => row.kind === 'task.opened'), 'Review opened in the audit chain');
    const entry = rows.find((row) => row.kind === 'variables.set');
    expect(entry?.actor).toBe('bajiao-commander');
    const data = JSON.parse(entry?.dataJson ?? '{}');
    expect(data).toEqual({ reason: '补录许可证号', scope: expect.any(String), names: ['permitNo'], changes: [{ name: 'permitNo', scope: data.scope, oldHash: null, newHash: jsonSha256('XK-2026-17') }] });
    expect(entry?.dataJson).not.toContain('XK-2026-17');
    const verify = await commander.post(`/api/instances/${enc(id)}/audit/verify`).expect(200);
    expect([verify.body.ok, verify.body.crossCheck.status]).toEqual([true, 'checked']);
  });

  it('should set a variable on one element instance\'s scope', async () => {
    // given a stopped case and the element instance of Check
    const { id } = await stoppedCase();
    const check = (await caseState(stack.client, id)).activeElements.find((a) => a.elementId === 'Check');

    // when an admin sets a variable on Check's scope
    const res = await (await stack.as('admin')).patch(variablesUrl(id), { variables: { hint: '先电话联系' }, scope: check?.tokenId, reason: '提示' }).expect(200);

    // then the process's variables do not hold it, and the audit names the element
    expect(res.body.variables.hint).toBeUndefined();
    const rows = await auditWhen(id, (r) => r.some((row) => row.kind === 'variables.set'), 'the variables.set entry');
    expect(rows.find((row) => row.kind === 'variables.set')).toEqual(expect.objectContaining({ elementId: 'Check', tokenId: check?.tokenId }));
  });

  it('should refuse what is wrong with a problem naming it, and change nothing', async () => {
    const { id } = await stoppedCase();

    // a scope that is not active: 409
    const scope = await commander.patch(variablesUrl(id), { variables: { x: 1 }, scope: 'e999', reason: 'fix' });
    expect([scope.status, scope.body.code, scope.body.detail]).toEqual([409, 'update-refused', 'element instance e999 is not active in this case']);
    // no reason, or a blank one: 400 naming body.reason
    const blank = await commander.patch(variablesUrl(id), { variables: { x: 1 }, reason: '   ' });
    expect([blank.status, blank.body.errors?.[0]?.path]).toEqual([400, 'body.reason']);
    // a reason beyond 2,000 characters: 400
    expect((await commander.patch(variablesUrl(id), { variables: { x: 1 }, reason: 'x'.repeat(2001) })).status).toBe(400);
    // more than the case may hold: 422
    const large = await commander.patch(variablesUrl(id), { variables: { blob: 'x'.repeat(999_990) }, reason: 'fix' });
    expect([large.status, large.body.code]).toEqual([422, 'variables-too-large']);
    // __proto__: refused
    const proto = await commander.patch(variablesUrl(id), JSON.parse('{"variables": {"__proto__": {"polluted": true}}, "reason": "fix"}'));
    expect(proto.status).toBeGreaterThanOrEqual(400);
    expect(proto.status).toBeLessThan(500);

    // then none of them changed the case, and the OpenAPI document describes each answer
    expect((await caseState(stack.client, id)).variables).toEqual({});
    const doc = await servedOpenApi(stack.app);
    expect([scope, blank, large, proto].flatMap((res) => nonConformance(doc, 'patch', '/api/instances/{id}/variables', res))).toEqual([]);
  });

  it('should answer 409 for a case that has ended', async () => {
    // given a cancelled case
    const { id } = await stoppedCase();
    await commander.post(`/api/instances/${enc(id)}/cancel`, { reason: '重复立案' }).expect(200);

    // when variables are set, then 409
    const res = await commander.patch(variablesUrl(id), { variables: { permitNo: 'late' }, reason: 'fix' });
    expect(res.status).toBe(409);
  });

  it('should refuse a street staff member (403) and a commander of another street (404)', async () => {
    const { id } = await stoppedCase();
    const staff = await (await stack.as('bajiao-staff')).patch(variablesUrl(id), { variables: { permitNo: 'x' }, reason: 'fix' });
    expect([staff.status, staff.body.code]).toEqual([403, 'forbidden']);
    const other = await (await stack.as('lugu-commander')).patch(variablesUrl(id), { variables: { permitNo: 'x' }, reason: 'fix' });
    expect(other.status).toBe(404);
    expect((await caseState(stack.client, id)).variables).toEqual({});
  });
});
