// A case whose variables are nested 4,000 deep (stored before the API bounded variables; issue 10, defect 7): its
// audit routes answer without a 500 and without any stack trace or server path — the history and timeline, the
// verification (which still checks the chain), the replay check and the export.
import { ROOT } from '../support/paths';
import { type ApiSession, type ApiStack, enc, startApiStack } from '../support/api';
import { checkAddress, REGISTRATION, startAuditCase } from './support';

/** `{ level: { level: … 'bottom' } }`, `depth` objects deep. */
function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { level: value };
  return value;
}

/** Whether an answer carries a stack frame (also one quoted in a message), a source position or a path of the server's files. */
const leaksStack = (text: string) => /(\n|\\n)\s*at\s|\.[cm]?[jt]sx?:\d+:\d+|node_modules|file:\/\/|stack_trace: "[^"\\]/.test(text) || text.includes(ROOT);

/**
 * The replay runs the workflow code on the main thread, whose stack is smaller than the worker's workflow threads':
 * data the worker handled may be too deep to replay here. Then the replay says so plainly (and verification fails,
 * naming it) — an export cannot skip the cross-check by nesting data deeply.
 */
const REPLAY_TOO_DEEP = /^the history could not be replayed here: the case holds data nested deeper than the replay's stack can follow/;

describe('the audit of a case with deeply nested variables', () => {
  let stack: ApiStack;
  let auditor: ApiSession;
  let id: string;

  beforeAll(async () => {
    stack = await startApiStack({ jobTypes: [checkAddress] });
    auditor = await stack.as('auditor');
    // started past the API (as a case stored before variables were bounded), and moved on by a person's form
    const c = await startAuditCase(stack, 'DEEP-1', { deep: nested(4000) });
    await c.completeTask('Register', REGISTRATION, 'wang');
    await c.until((s) => s.incidents.length > 0, 'the address-check incident');
    id = c.id;
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('should answer the history and timeline (or why the history could not be replayed here), with no stack trace', async () => {
    const res = await auditor.get(`/api/instances/${enc(id)}/history`);
    expect(res.status).toBe(200);
    expect(leaksStack(res.text)).toBe(false);
    if (res.body.replay.ok) expect(res.body.timeline[0].data.variables.deep.level.level.level).toBeDefined();
    else expect(res.body.replay.divergence).toMatchObject({ kind: 'failure', message: expect.stringMatching(REPLAY_TOO_DEEP) });
  });

  it('should verify the case: the chain holds, the cross-check passes or names why it could not run, and nothing is a stack trace', async () => {
    const res = await auditor.post(`/api/instances/${enc(id)}/audit/verify`);
    expect(res.status).toBe(200);
    expect(leaksStack(res.text)).toBe(false);
    expect(res.body.chain).toMatchObject({ ok: true, rows: expect.any(Number) });
    if (res.body.crossCheck.status === 'checked') expect(res.body).toMatchObject({ ok: true, crossCheck: { ok: true } });
    else expect(res.body).toMatchObject({ ok: false, crossCheck: { status: 'replay-failed' }, reason: expect.stringMatching(/^replay-failed: the history could not be replayed here/) });
  });

  it('should answer the replay check and the export without a 500 or a stack trace', async () => {
    for (const res of [await auditor.post(`/api/instances/${enc(id)}/replay-check`), await auditor.get(`/api/instances/${enc(id)}/export`)]) {
      expect(res.status).toBe(200);
      expect(leaksStack(res.text)).toBe(false);
    }
  });
});
