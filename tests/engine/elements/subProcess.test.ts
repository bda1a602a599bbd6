// Embedded subprocess: its own variable scope (input/output mappings), Camunda 8 propagation, FEEL scope chain, incidents while finishing.
import path from 'node:path';
import { completedIds, runCase } from '../../support/cases';
import { testJob } from '../../support/jobs';
import { startTestStack, type TestStack } from '../../support/stack';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const count = (ids: string[], id: string) => ids.filter((x) => x === id).length;

const workRuns = new Map<string, number>();
const jobTypes = [
  testJob('test.work', async ({ instanceId }) => {
    workRuns.set(instanceId, (workRuns.get(instanceId) ?? 0) + 1);
    return { total: 42 };
  }),
];

describe('embedded subprocess', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ jobTypes });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should give the subprocess its own scope: inputs are locals, inner elements see outer variables, outputs go out', async () => {
    // given a subprocess with inputs city = upper case(city) and local = count + 10, and output fromSub = local * 2
    const c = await runCase(stack, fixture('subprocess-scope.bpmn'), { variables: { city: 'Beijing', count: 1 } });

    // when its script task has run and its user task is open
    const inside = await c.until((s) => s.openTasks.length === 1, 'the inner task');

    // then the script saw the local city shadowing the outer one, the local, and the outer count (the scope chain),
    // its result went to the process scope, and the locals did not
    expect(inside.variables).toEqual({ city: 'Beijing', count: 1, label: 'BEIJING/11/1' });

    // when the inner task completes with local (a subprocess local) and note (a new variable)
    await c.completeTask('Edit', { local: 99, note: 'seen' });

    // then local changed only inside the subprocess (the output mapping saw 99), note reached the process,
    // and after the subprocess its locals are gone
    expect((await c.result()).variables).toEqual({ city: 'Beijing', count: 1, label: 'BEIJING/11/1', note: 'seen', fromSub: 198, localGone: true });
  });

  it('should keep the finished subprocess on an output mapping incident, and resolving it NOT re-run the subprocess', async () => {
    // given a subprocess whose output mapping asserts approved = true, beside a user task that approves
    const c = await runCase(stack, fixture('subprocess-output-incident.bpmn'));

    // when its inner job has completed before the approval
    const stuck = await c.until((s) => s.incidents.length > 0, 'an incident');

    // then the subprocess holds an incident while finishing
    expect(stuck.incidents).toEqual([expect.objectContaining({ elementId: 'Sub', kind: 'expression' })]);
    expect(stuck.incidents[0].message).toContain('not approved yet');
    expect(completedIds(stuck)).toContain('SubEnd');

    // when the approval is given and the incident resolved
    await c.completeTask('Approve', { approved: true });
    await c.resolveIncident(stuck.incidents[0].id);

    // then the subprocess finishes with its output, without running its job again, and the case completes
    expect(await c.result()).toMatchObject({ status: 'completed', variables: { approved: true, total: 42, checked: 42 } });
    expect(workRuns.get(c.id)).toBe(1);
    const ids = completedIds(await c.state());
    expect(count(ids, 'Work')).toBe(1);
    expect(count(ids, 'Sub')).toBe(1);
    expect(count(ids, 'After')).toBe(1);
  });
});
