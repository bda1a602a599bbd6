// Multi-instance activities (Camunda 8): a body that runs one inner instance per item of its input collection, in
// parallel or one after the other, with loopCounter and the item as locals, outputs collected in item order, a
// completion condition that terminates the rest, boundary events on the body, and the bounds of a parallel body.
import type { EngineState } from '../../../engine/interpreter';
import { bpmn, chain, endEvent, flow, gateway, serviceTask, startEvent, subProcess, task, userTask } from './bpmn';
import { boundary, errorDef, timerDef } from './bpmnEvents';
import { type Loop, multiInstance } from './bpmnLoops';
import { type Harness, harnessFor, type Vars } from './harness';
import { send } from './taskDrivers';

/** Start → `activity` → End. */
const around = (activity: string, id: string, ...more: string[]) => bpmn([startEvent('Start'), activity, endEvent('End'), ...chain('Start', id, 'End'), ...more]);

/** Sign: a user task per signer (assignee = the item), each deciding `decision`. */
const signing = (loop: Partial<Loop> = {}) =>
  multiInstance(userTask('Sign', { assignee: '=signer' }), { inputCollection: '=signers', inputElement: 'signer', outputCollection: 'decisions', outputElement: '=decision', ...loop });

const SIGNERS = { signers: ['ann', 'bob', 'cai'] };

/** The wait ids of the open jobs, oldest instance first (read as taskDrivers.ts reads the adapter). */
const jobWaitIds = (h: Harness): string[] => {
  const { subscriptions } = (h as unknown as { state: EngineState }).state;
  const order = (id: string) => Number(subscriptions[id].instanceId.replace(/\D/g, ''));
  return Object.keys(subscriptions)
    .filter((id) => subscriptions[id].kind === 'job')
    .sort((a, b) => order(a) - order(b));
};
const completeJob = (h: Harness, waitId: string, variables: Vars) => send(h, { type: 'jobCompleted', at: h.now(), waitId, variables });
const failJob = (h: Harness, waitId: string, message: string) => send(h, { type: 'jobFailed', at: h.now(), waitId, message });

describe('multi-instance', () => {
  describe('parallel', () => {
    it('should open one task per item at once, each with its item and loopCounter, and collect the outputs in item order', async () => {
      // given a parallel 会签 over three signers
      const h = await harnessFor(around(signing(), 'Sign'));

      // when the case starts
      h.start(SIGNERS);

      // then three tasks open in one step, assigned to the items, each instance with loopCounter and its signer
      expect(h.commands.map((c) => (c.type === 'openUserTask' ? [c.assignee, c.variables.loopCounter, c.variables.signer] : c.type))).toEqual([
        ['ann', 1, 'ann'],
        ['bob', 2, 'bob'],
        ['cai', 3, 'cai'],
      ]);
      expect(h.waits().filter((w) => w.kind === 'userTask')).toHaveLength(3);

      // when they sign out of order (the oldest task is ann's; then bob's and cai's)
      h.completeTask('Sign', { decision: 'yes' }, 'ann');
      h.completeTask('Sign', { decision: 'no' }, 'bob');
      expect(h.status()).toBe('running');
      h.completeTask('Sign', { decision: 'yes' }, 'cai');

      // then the body completes once all did, with the outputs in item order in the process scope; the decisions stay local
      expect(h.status()).toBe('completed');
      expect(h.variables()).toEqual({ ...SIGNERS, decisions: ['yes', 'no', 'yes'] });
      expect(h.completedElements()).toEqual(['Start', 'Sign', 'Sign', 'Sign', 'Sign', 'End']);
    });

    it('should run a job per item and place each result at its item even when the jobs finish in reverse', async () => {
      // given parallel service tasks scoring each site, with an input mapping per inner instance
      const scoring = multiInstance(serviceTask('Score', 'score-site', { inputs: { siteName: '=site.name' } }), {
        inputCollection: '=sites',
        inputElement: 'site',
        outputCollection: 'scores',
        outputElement: '=score',
      });
      const h = await harnessFor(around(scoring, 'Score'));

      // when the case starts
      h.start({ sites: [{ name: 'north' }, { name: 'south' }] });

      // then each job sees its own site, mapped name and loopCounter
      expect(h.commands.map((c) => (c.type === 'runJob' ? [c.variables.siteName, c.variables.loopCounter] : c.type))).toEqual([
        ['north', 1],
        ['south', 2],
      ]);

      // when the second job finishes first
      const [first, second] = jobWaitIds(h);
      completeJob(h, second, { score: 7 });
      completeJob(h, first, { score: 3 });

      // then the scores follow the items, not the finishing order
      expect(h.status()).toBe('completed');
      expect(h.variables().scores).toEqual([3, 7]);
      expect(h.variables()).not.toHaveProperty('score');
    });

    it('should run a subprocess per item whose elements see the item', async () => {
      // given a parallel subprocess over streets, each with a visit task assigned by the street's head
      const visits = multiInstance(
        subProcess('PerStreet', [startEvent('S_Start'), userTask('Visit', { assignee: '=street.head' }), endEvent('S_End'), ...chain('S_Start', 'Visit', 'S_End')]),
        { inputCollection: '=streets', inputElement: 'street' },
      );
      const h = await harnessFor(around(visits, 'PerStreet'));

      // when the case starts
      h.start({ streets: [{ head: 'li' }, { head: 'wu' }] });

      // then a visit opens per street, assigned from the item
      expect(h.commands.flatMap((c) => (c.type === 'openUserTask' ? [c.assignee] : []))).toEqual(['li', 'wu']);

      // when both visits are done, then the body and the case complete
      h.completeTask('Visit').completeTask('Visit');
      expect(h.status()).toBe('completed');
      expect(h.completedElements().filter((id) => id === 'PerStreet')).toHaveLength(3);
    });

    it('should complete when 2 of 3 have signed, cancelling the third task (recorded) and leaving its output null', async () => {
      // given a 会签 where two of three signatures suffice
      const h = await harnessFor(around(signing({ completionCondition: '=numberOfCompletedInstances >= 2' }), 'Sign'));
      h.start(SIGNERS);

      // when the first signs, nothing else happens
      h.completeTask('Sign', { decision: 'yes' }, 'ann');
      expect(h.commands).toEqual([{ type: 'closeUserTask', elementId: 'Sign', outcome: 'completed' }]);

      // when the second signs
      h.completeTask('Sign', { decision: 'yes' }, 'bob');

      // then the third task is withdrawn (closed as cancelled, terminated in the audit chain) and the body completes
      expect(h.commands).toEqual([
        { type: 'closeUserTask', elementId: 'Sign', outcome: 'completed' },
        { type: 'closeUserTask', elementId: 'Sign', outcome: 'cancelled' },
      ]);
      expect(h.stepAudit()).toEqual([
        { kind: 'task.completed', elementId: 'Sign' },
        { kind: 'element.left', elementId: 'Sign' },
        { kind: 'task.cancelled', elementId: 'Sign' },
        { kind: 'element.terminated', elementId: 'Sign' },
        { kind: 'variables.changed', elementId: 'Sign' },
        { kind: 'element.left', elementId: 'Sign' },
        { kind: 'element.entered', elementId: 'End' },
        { kind: 'element.left', elementId: 'End' },
        { kind: 'instance.completed' },
      ]);
      expect(h.variables().decisions).toEqual(['yes', 'yes', null]);
    });

    it('should give the completion condition the counters and the collected outputs (或签: the first rejection ends it)', async () => {
      // given a condition on the outputs so far and the counters
      const condition = '=list contains(decisions, "no") or numberOfCompletedInstances = numberOfInstances';
      const h = await harnessFor(around(signing({ completionCondition: condition }), 'Sign'));
      h.start(SIGNERS);

      // when the first rejects, then the other two are withdrawn
      h.completeTask('Sign', { decision: 'no' }, 'ann');
      expect(h.stepAudit().filter((a) => a.kind === 'task.cancelled')).toHaveLength(2);
      expect(h.status()).toBe('completed');
      expect(h.variables().decisions).toEqual(['no', null, null]);
    });

    it('should run a 1,000-item body over plain tasks in one step without tripping the loop guard', async () => {
      // given a parallel body over 1,000 items of a task that passes at once
      const h = await harnessFor(around(multiInstance(task('Each'), { inputCollection: '=for i in 1..1000 return i', outputCollection: 'out', outputElement: '=loopCounter' }), 'Each'));

      // when the case starts, then every inner instance runs and the case completes without an incident
      h.start();
      expect(h.incidents()).toEqual([]);
      expect(h.status()).toBe('completed');
      expect((h.variables().out as number[]).slice(0, 3)).toEqual([1, 2, 3]);
      expect(h.variables().out).toHaveLength(1000);
    });

    it('should refuse a parallel collection above maxParallelInstances with an incident that names the batch path', async () => {
      // given a bound of 3 inner instances at once
      const h = await harnessFor(around(signing(), 'Sign'), { limits: { maxParallelInstances: 3 } });

      // when the collection has 4 items
      h.start({ signers: ['a', 'b', 'c', 'd'] });

      // then nothing opens and the body has an incident saying why
      expect(h.commands).toEqual([]);
      expect(h.incidents()).toEqual([
        {
          elementId: 'Sign',
          kind: 'collectionTooLarge',
          message:
            'the inputCollection of <Sign> has 4 items, more than the 3 inner instances a parallel multi-instance runs inline; a call activity over such a collection runs its children in batches',
        },
      ]);
    });
  });

  describe('sequential', () => {
    it('should open one task after the other in item order (依次审批), collecting each decision', async () => {
      // given a sequential approval over three approvers
      const h = await harnessFor(around(signing({ sequential: true }), 'Sign'));

      // when the case starts, then only the first approver's task opens
      h.start(SIGNERS);
      expect(h.commands.flatMap((c) => (c.type === 'openUserTask' ? [c.assignee] : []))).toEqual(['ann']);

      // when each approves, then the next one's task opens
      h.completeTask('Sign', { decision: 'ok' }, 'ann');
      expect(h.commands.flatMap((c) => (c.type === 'openUserTask' ? [[c.assignee, c.variables.loopCounter]] : []))).toEqual([['bob', 2]]);
      h.completeTask('Sign', { decision: 'ok too' }, 'bob');
      h.completeTask('Sign', { decision: 'fine' }, 'cai');

      // then the body completes with the decisions in order
      expect(h.status()).toBe('completed');
      expect(h.variables().decisions).toEqual(['ok', 'ok too', 'fine']);
    });

    it('should stop creating instances once the completion condition holds', async () => {
      // given a sequential body that stops at the first rejection
      const h = await harnessFor(around(signing({ sequential: true, completionCondition: '=decision = "no"' }), 'Sign'));
      h.start(SIGNERS);

      // when the first rejects, then no further task opens and the body completes
      h.completeTask('Sign', { decision: 'no' }, 'ann');
      expect(h.commands).toEqual([{ type: 'closeUserTask', elementId: 'Sign', outcome: 'completed' }]);
      expect(h.status()).toBe('completed');
      expect(h.variables().decisions).toEqual(['no', null, null]);
    });

    it('should not be bounded by maxParallelInstances', async () => {
      // given a bound of 2, when a sequential body gets 3 items, then it runs them
      const h = await harnessFor(around(signing({ sequential: true }), 'Sign'), { limits: { maxParallelInstances: 2 } });
      h.start(SIGNERS);
      expect(h.incidents()).toEqual([]);
      expect(h.waits()).toEqual([{ elementId: 'Sign', kind: 'userTask', holder: 'ann' }]);
    });
  });

  it('should complete at once over an empty collection, with an empty output collection', async () => {
    // given a 会签, when there is no signer
    const h = await harnessFor(around(signing(), 'Sign'));
    h.start({ signers: [] });

    // then the body completes without opening anything
    expect(h.commands).toEqual([]);
    expect(h.status()).toBe('completed');
    expect(h.variables().decisions).toEqual([]);
  });

  it('should raise an incident naming the element and the value when the collection is no list, and run once it is fixed', async () => {
    // given Sign beside a Fix task that can set the signers
    const xml = bpmn([
      startEvent('Start'),
      gateway('parallel', 'Split'),
      signing(),
      userTask('Fix'),
      endEvent('End'),
      endEvent('Fixed'),
      ...chain('Start', 'Split', 'Sign', 'End'),
      flow('Split_Fix', 'Split', 'Fix'),
      flow('Fix_Fixed', 'Fix', 'Fixed'),
    ]);
    const h = await harnessFor(xml);

    // when the signers are a text
    h.start({ signers: 'ann, bob' });

    // then the body stops with an incident that quotes the value
    expect(h.incidents()).toEqual([{ elementId: 'Sign', kind: 'expression', message: 'the inputCollection of <Sign> must be a list, got "ann, bob"' }]);

    // when the signers are fixed and the incident resolved, then the tasks open
    h.completeTask('Fix', { signers: ['ann', 'bob'] });
    h.resolveIncident('Sign');
    expect(h.incidents()).toEqual([]);
    expect(h.commands.flatMap((c) => (c.type === 'openUserTask' ? [c.assignee] : []))).toEqual(['ann', 'bob']);
  });

  it('should terminate the body and every inner instance when an interrupting boundary timer fires', async () => {
    // given a 会签 with a 2-day deadline on the body
    const xml = around(signing(), 'Sign', boundary('Deadline', 'Sign', timerDef('duration', 'P2D')), endEvent('Late'), flow('Deadline_Late', 'Deadline', 'Late'));
    const h = await harnessFor(xml);
    h.start(SIGNERS);

    // then one timer waits for the body, not one per signer
    expect(h.waits().filter((w) => w.kind === 'timer')).toHaveLength(1);

    // when one signs and the deadline passes
    h.completeTask('Sign', { decision: 'yes' }, 'ann');
    h.fireTimer('Deadline');

    // then the two open tasks are cancelled, each inner instance and the body terminated, and the boundary path taken
    expect(h.commands).toEqual([
      { type: 'closeUserTask', elementId: 'Sign', outcome: 'cancelled' },
      { type: 'closeUserTask', elementId: 'Sign', outcome: 'cancelled' },
    ]);
    expect(h.stepAudit().filter((a) => a.elementId === 'Sign')).toEqual([
      { kind: 'task.cancelled', elementId: 'Sign' },
      { kind: 'element.terminated', elementId: 'Sign' },
      { kind: 'task.cancelled', elementId: 'Sign' },
      { kind: 'element.terminated', elementId: 'Sign' },
      { kind: 'element.terminated', elementId: 'Sign' },
    ]);
    expect(h.status()).toBe('completed');
    expect(h.completedElements()).toEqual(['Start', 'Sign', 'Deadline', 'Late']);
    expect(h.variables()).not.toHaveProperty('decisions');
  });

  it('should let the body catch a BPMN error thrown by an inner job', async () => {
    // given parallel jobs with an error boundary on the body
    const checks = multiInstance(serviceTask('Check', 'check'), { inputCollection: '=[1, 2]' });
    const h = await harnessFor(around(checks, 'Check', boundary('Failed', 'Check', errorDef('BAD')), endEvent('Rejected'), flow('Failed_Rejected', 'Failed', 'Rejected')));
    h.start();

    // when one job throws BAD
    h.throwJobError('Check', 'BAD');

    // then the other job is cancelled and the case leaves by the error path
    expect(h.commands).toEqual([{ type: 'cancelJob', elementId: 'Check' }]);
    expect(h.status()).toBe('completed');
    expect(h.completedElements()).toEqual(['Start', 'Failed', 'Rejected']);
  });

  it('should retry a failed inner job with its own item and loopCounter after the incident is resolved', async () => {
    // given parallel jobs with an input mapping from the item
    const h = await harnessFor(around(multiInstance(serviceTask('Send', 'send', { inputs: { to: '=person' } }), { inputCollection: '=people', inputElement: 'person' }), 'Send'));
    h.start({ people: ['ann', 'bob'] });

    // when bob's job fails and the incident is resolved
    const [, bobs] = jobWaitIds(h);
    failJob(h, bobs, 'smtp down');
    h.resolveIncident('Send');

    // then the job runs again for bob, as instance 2
    expect(h.commands.map((c) => (c.type === 'runJob' ? [c.variables.to, c.variables.person, c.variables.loopCounter] : c.type))).toEqual([['bob', 'bob', 2]]);
  });

  it('should show the element as active while its inner instances run', async () => {
    // given a 会签 that started
    const h = await harnessFor(around(signing(), 'Sign'));
    h.start(SIGNERS);

    // then the body and its three inner instances are active instances of Sign
    expect(h.activeElements()).toEqual(['Sign', 'Sign', 'Sign', 'Sign']);
  });
});
