// Multi-instance user tasks on the real stack: a 会签 (parallel, two of three suffice) and a 依次审批 (sequential, with
// outputs) — the task rows in the read model and the audit chain of each case.
import path from 'node:path';
import { auditWhen, runCase, tasksWhen } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';

const countersign = path.join(__dirname, 'fixtures', 'multi-instance-countersign.bpmn');
const sequential = path.join(__dirname, 'fixtures', 'multi-instance-sequential.bpmn');

/** The audit rows about one element: kind and actor, in chain order. */
const entriesOf = (rows: Array<{ kind: string; elementId?: string | null; actor: string }>, elementId: string) =>
  rows.filter((r) => r.elementId === elementId).map((r) => [r.kind, r.actor]);

describe('multi-instance', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should open a 会签 task per signer and, once two of three signed, cancel the third and go on', async () => {
    // given a 会签 over three signers
    const c = await runCase(stack, countersign, { variables: { signers: ['ann', 'bob', 'cai'] } });

    // then three task rows are listed at once, one per signer
    const rows = await tasksWhen(c.id, (r) => r.length === 3, 'three signing tasks');
    expect(rows.map((r) => [r.elementId, r.assignee, r.status])).toEqual([
      ['Sign', 'ann', 'claimed'],
      ['Sign', 'bob', 'claimed'],
      ['Sign', 'cai', 'claimed'],
    ]);

    // when ann and bob sign
    await c.completeTaskId(rows[0]._id, { opinion: 'agree' }, 'ann');
    await c.completeTaskId(rows[1]._id, { opinion: 'agree, with notes' }, 'bob');

    // then cai's task is cancelled, the case completes with the opinions in signer order
    const result = await c.result();
    expect(result).toMatchObject({ status: 'completed', variables: { opinions: ['agree', 'agree, with notes', null] } });
    const closed = await tasksWhen(c.id, (r) => r.every((row) => row.status !== 'claimed'), 'every task closed');
    expect(closed.map((r) => [r.assignee, r.status, r.completedBy ?? null])).toEqual([
      ['ann', 'completed', 'ann'],
      ['bob', 'completed', 'bob'],
      ['cai', 'cancelled', null],
    ]);

    // and the audit chain tells it: the body and three inner instances entered, two completions, the third withdrawn by bob's step
    const audit = await auditWhen(c.id, (r) => r.some((row) => row.kind === 'instance.completed'), 'the completed chain');
    expect(entriesOf(audit, 'Sign')).toEqual([
      ['element.entered', 'test'],
      ['element.entered', 'test'],
      ['task.opened', 'test'],
      ['element.entered', 'test'],
      ['task.opened', 'test'],
      ['element.entered', 'test'],
      ['task.opened', 'test'],
      ['task.completed', 'ann'],
      ['element.left', 'ann'],
      ['task.completed', 'bob'],
      ['element.left', 'bob'],
      ['task.cancelled', 'bob'],
      ['element.terminated', 'bob'],
      ['variables.changed', 'bob'],
      ['element.left', 'bob'],
    ]);
  });

  it('should open a 依次审批 task for one approver after the other and collect each verdict', async () => {
    // given a sequential approval over two approvers
    const c = await runCase(stack, sequential, { variables: { approvers: ['li', 'wu'] } });

    // then only li's task is listed
    const [first] = await tasksWhen(c.id, (r) => r.length === 1, "li's task");
    expect([first.assignee, first.status]).toEqual(['li', 'claimed']);

    // when li approves, then wu's task opens
    await c.completeTaskId(first._id, { verdict: 'yes' }, 'li');
    const rows = await tasksWhen(c.id, (r) => r.length === 2, "wu's task");
    expect(rows.map((r) => [r.assignee, r.status])).toEqual([
      ['li', 'completed'],
      ['wu', 'claimed'],
    ]);

    // when wu approves too, then the case completes with both verdicts in order
    await c.completeTaskId(rows[1]._id, { verdict: 'yes, go' }, 'wu');
    const result = await c.result();
    expect(result.variables.approvals).toEqual([
      { by: 'li', verdict: 'yes' },
      { by: 'wu', verdict: 'yes, go' },
    ]);
    const audit = await auditWhen(c.id, (r) => r.some((row) => row.kind === 'instance.completed'), 'the completed chain');
    expect(audit.filter((r) => r.kind === 'task.completed').map((r) => r.actor)).toEqual(['li', 'wu']);
  });
});
