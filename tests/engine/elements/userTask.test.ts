// User task: assignment, form, schedule and priority in the task list; completion; refused completions.
import path from 'node:path';
import { completedIds, refusalOf, runCase, tasksOf, tasksWhen } from '../../support/cases';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = path.join(__dirname, 'fixtures', 'user-task.bpmn');
const outputIncident = path.join(__dirname, 'fixtures', 'user-task-output-incident.bpmn');
const due = '2031-05-06T10:00:00.000Z';
const variables = { owner: 'erin', groups: ['auditors', 'leaders'], due, urgency: 8 };

describe('user task', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should open a task row with static assignment, form key, due date and the default priority', async () => {
    // given a user task with static zeebe attributes
    // when a case reaches it
    const c = await runCase(stack, fixture, { variables });
    const taskId = await c.openTaskId('Static');

    // then the task list holds one row with those values
    const [row] = await tasksWhen(c.id, (rows) => rows.length === 1, 'the task row');
    expect(row).toMatchObject({
      _id: taskId,
      elementId: 'Static',
      name: 'Check the report',
      assignee: 'alice',
      status: 'claimed',
      candidateGroups: ['inspectors', 'street-office'],
      candidateUsers: ['bob', 'carol'],
      formKey: 'camunda-forms:bpmn:CheckForm',
      priority: 50,
    });
    expect(row.formId ?? null).toBeNull();
    expect(row.followUpDate ?? null).toBeNull();
    expect(row.dueDate?.toISOString()).toBe('2030-01-02T01:00:00.000Z');
  });

  it('should evaluate FEEL assignment, schedule and priority, and pass completion variables to the process', async () => {
    // given a case whose first task is completed with variables
    const c = await runCase(stack, fixture, { variables });
    await c.completeTask('Static', { verdict: 'confirmed', findings: { count: 2 } }, 'alice');

    // when the second task opens
    await c.openTaskId('Dynamic');

    // then its row holds the values computed from the case's variables
    const rows = await tasksOf(c.id);
    expect(rows.map((r) => [r.elementId, r.status, r.completedBy ?? null])).toEqual([
      ['Static', 'completed', 'alice'],
      ['Dynamic', 'claimed', null],
    ]);
    expect(rows[1]).toMatchObject({
      assignee: 'erin',
      candidateGroups: ['auditors', 'leaders'],
      candidateUsers: ['erin', 'dave'],
      formId: 'decision-form',
      priority: 80,
    });
    expect(rows[1].formKey ?? null).toBeNull();
    expect(rows[1].dueDate?.toISOString()).toBe(due);
    expect(rows[1].followUpDate?.toISOString()).toBe('2031-05-05T10:00:00.000Z');

    // when it is completed
    await c.completeTask('Dynamic', { decision: 'close' });

    // then the case completes with every completion variable
    const result = await c.result();
    expect(result).toMatchObject({ status: 'completed', variables: { verdict: 'confirmed', findings: { count: 2 }, decision: 'close' } });
    expect(completedIds(await c.state())).toEqual(['Start', 'Static', 'Dynamic', 'End']);
  });

  it('should NOT complete an unknown task, a completed task, a non-object payload or variables over the size limit', async () => {
    // given a case (with a small variable limit) whose first task was completed and whose second task is open
    const c = await runCase(stack, fixture, { variables, limits: { maxVariableBytes: 2_000 } });
    const first = await c.openTaskId('Static');
    await c.completeTaskId(first, { verdict: 'confirmed' });
    const second = await c.openTaskId('Dynamic');
    const before = await c.state();

    // when completions are sent that cannot apply
    const unknown = await refusalOf(c.completeTaskId(`${c.id}/Dynamic/t999`, {}));
    const again = await refusalOf(c.completeTaskId(first, { verdict: 'changed' }));
    const array = await refusalOf(c.completeTaskId(second, ['not', 'an', 'object']));
    const tooBig = await refusalOf(c.completeTaskId(second, { text: 'x'.repeat(5_000) }));

    // then each is refused with a clear reason
    expect(unknown).toBe(`task ${c.id}/Dynamic/t999 is not open in this case`);
    expect(again).toBe(`task ${first} is not open in this case`);
    expect(array).toBe('variables must be a JSON object');
    expect(tooBig).toBe('variables would exceed the limit of 2000 bytes per case');

    // and the state is unchanged
    expect(await c.state()).toEqual(before);
    expect((await tasksOf(c.id)).map((r) => r.status)).toEqual(['completed', 'claimed']);
  });

  it('should NOT reopen a completed task when its output mapping fails; resolving applies the mapping again', async () => {
    // given a task whose output mapping asserts approved = true, beside a task that approves
    const c = await runCase(stack, outputIncident);

    // when the first task is completed before the approval
    const taskId = await c.openTaskId('Enter');
    await c.completeTaskId(taskId, { amount: 5 });
    const stuck = await c.until((s) => s.incidents.length > 0, 'an incident');

    // then the task holds an incident, and is closed rather than open
    expect(stuck.incidents).toEqual([expect.objectContaining({ elementId: 'Enter', kind: 'expression' })]);
    expect(stuck.openTasks).not.toContain(taskId);

    // when the approval is given and the incident resolved
    await c.completeTask('Approve', { approved: true });
    await c.resolveIncident(stuck.incidents[0].id);

    // then the task completes with its submitted variables, without a second task, and the case completes
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { approved: true, checkedAmount: 5 } });
    const rows = await tasksWhen(c.id, (r) => r.every((t) => t.status === 'completed'), 'completed task rows');
    expect(rows.map((r) => r.elementId).sort()).toEqual(['Approve', 'Enter']);
  });
});
