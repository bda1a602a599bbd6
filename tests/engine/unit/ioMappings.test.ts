// Input and output mappings (zeebe:ioMapping) of tasks: inputs become local variables of the element; without outputs
// the result is merged into the process (except names that are locals); with outputs only the mapped variables are.
import { bpmn, chain, endEvent, serviceTask, startEvent, userTask } from './bpmn';
import { harnessFor, harnessForFixture } from './harness';

const jobWith = (io: { inputs?: Record<string, string>; outputs?: Record<string, string> }) =>
  bpmn([startEvent('Start'), serviceTask('Work', 'work', io), userTask('After'), endEvent('End'), ...chain('Start', 'Work', 'After', 'End')]);

describe('input and output mappings', () => {
  it('should hand input mappings to the job as local variables, not process variables', async () => {
    // given a service task mapping n = weight
    const h = await harnessForFixture('service-task-locals.bpmn');

    // when the case starts with weight = 3
    h.start({ weight: 3 });

    // then the job sees n, the element holds it locally and the process scope does not
    expect(h.commands).toEqual([expect.objectContaining({ type: 'runJob', elementId: 'Weigh', variables: { weight: 3, n: 3 } })]);
    expect(h.localVariables('Weigh')).toEqual({ n: 3 });
    expect(h.variables()).toEqual({ weight: 3 });
  });

  it('should evaluate input mappings in order, each seeing the previous ones', async () => {
    // given inputs a = 1 and b = a + 1
    const h = await harnessFor(jobWith({ inputs: { a: '=1', b: '=a + 1' } }));

    // when the case starts
    h.start();

    // then b was computed from a
    expect(h.localVariables('Work')).toEqual({ a: 1, b: 2 });
  });

  it('should keep a result variable that is a local of the element local, and merge the others', async () => {
    // given a service task mapping n = weight
    const h = await harnessForFixture('service-task-locals.bpmn');
    h.start({ weight: 3 });

    // when the job completes with n and doubled
    h.completeJob('Weigh', { n: 6, doubled: 6 });

    // then only doubled reaches the process scope
    expect(h.variables()).toEqual({ weight: 3, doubled: 6 });
    expect(h.status()).toBe('completed');
  });

  it('should merge only the output mappings when the element has some', async () => {
    // given a service task with output total = price * qty
    const h = await harnessFor(jobWith({ outputs: { total: '=price * qty' } }));
    h.start({ orderId: 'o-1' });

    // when the job completes with price and qty
    h.completeJob('Work', { price: 2, qty: 3 });

    // then the process gets total, not the job's raw variables
    expect(h.variables()).toEqual({ orderId: 'o-1', total: 6 });
  });

  it('should let output mappings read the input mappings', async () => {
    // given inputs base = 10 and output result = base + extra
    const h = await harnessFor(jobWith({ inputs: { base: '=10' }, outputs: { result: '=base + extra' } }));
    h.start();

    // when the job completes with extra = 5
    h.completeJob('Work', { extra: 5 });

    // then result combines both; the local base does not leak
    expect(h.variables()).toEqual({ result: 15 });
  });

  it('should raise an incident on the element, start no job, when an input mapping fails', async () => {
    // given an input that asserts a variable is present
    const h = await harnessFor(jobWith({ inputs: { id: '=assert(orderId, orderId != null, "orderId is missing")' } }));

    // when the case starts without it
    h.start({});

    // then the element holds an expression incident and no job is asked for
    expect(h.incidents()).toEqual([{ elementId: 'Work', kind: 'expression', message: expect.stringContaining('orderId is missing') }]);
    expect(h.commands).toEqual([]);
    expect(h.waits()).toEqual([]);
  });

  it('should raise an incident on completion when an output mapping fails, and complete once the cause is fixed', async () => {
    // given user task Enter whose output asserts approved = true, next to user task Approve
    const h = await harnessForFixture('user-task-output-incident.bpmn');
    h.start({});

    // when Enter completes before approval
    h.completeTask('Enter', { amount: 5 });

    // then Enter holds an expression incident, its task is closed, and nothing was merged
    expect(h.incidents()).toEqual([{ elementId: 'Enter', kind: 'expression', message: expect.stringContaining('not approved yet') }]);
    expect(h.commands).toEqual([{ type: 'closeUserTask', elementId: 'Enter', outcome: 'completed' }]);
    expect(h.variables()).toEqual({});

    // when Approve sets approved and the incident is resolved
    h.completeTask('Approve', { approved: true });
    h.resolveIncident('Enter');

    // then Enter completes with its stored result (no new task opens) and the output is merged
    expect(h.commands).toEqual([]);
    expect(h.variables()).toEqual({ approved: true, checkedAmount: 5 });
    expect(h.status()).toBe('completed');
  });
});
