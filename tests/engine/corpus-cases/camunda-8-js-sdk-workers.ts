// camunda-8-js-sdk models whose tests are about job workers: completing, failing, retrying, incidents, cancelling
// (camunda-8-js-sdk/EXPECTATIONS.md; the workers do what the upstream specs' workers do).
import { completedIds } from '../../support/cases';
import { type CorpusCase, ended } from './scenario';
import { completes, echoes, failsBefore, failsWithoutRetries, neverCompletes, setsConditionFalse } from './workers';

const DIR = 'camunda-8-js-sdk/src/__tests__/testdata';
const HELLO = ['StartEvent_1', 'ServiceTask_0g6tf5f', 'EndEvent_16r84dr'];
const PATH_B = ['StartEvent_1', 'ServiceTask_0cz2k8t', 'ExclusiveGateway_11b1kdc', 'ServiceTask_15isvh5', 'EndEvent_1g2ztlo'];

/** A hello-world variant whose worker completes the job with its variables (Worker-integration, Worker-1.0-complete). */
function helloWorldServiced(file: string, jobType: string): CorpusCase {
  return {
    corpus: `${DIR}/${file}`,
    jobs: { [jobType]: echoes },
    async run({ start, calls }) {
      // given a case of the single-service-task process
      const c = await start({ greeting: 'hi' });

      // when its worker completes the job with the job's variables
      await ended(c);
      const result = await c.result();

      // then the case completes, and the worker saw the task's header and the case's variables
      expect(result.status).toBe('completed');
      expect(completedIds(await c.state())).toEqual(HELLO);
      expect(calls(c.id)).toEqual([expect.objectContaining({ jobType, headers: { message: 'Hello World' }, variables: { greeting: 'hi' } })]);
    },
  };
}

/** A conditional-pathway variant: created with `conditionVariable: true`, the `wait` job sets it false, so Path B runs. */
function conditionalPathway(file: string, suffix: string): CorpusCase {
  return {
    corpus: `${DIR}/${file}`,
    jobs: { [`wait${suffix}`]: setsConditionFalse, [`pathA${suffix}`]: echoes, [`pathB${suffix}`]: echoes },
    async run({ start, calls }) {
      // given a case created with conditionVariable true
      const c = await start({ conditionVariable: true });

      // when the wait job completes with conditionVariable false
      await ended(c);
      const result = await c.result();

      // then the gateway takes Path B, whose job sees conditionVariable false
      expect(result).toMatchObject({ status: 'completed', variables: { conditionVariable: false } });
      expect(completedIds(await c.state())).toEqual(PATH_B);
      expect(calls(c.id).map((call) => call.jobType)).toEqual([`wait${suffix}`, `pathB${suffix}`]);
      expect(calls(c.id)[1].variables).toMatchObject({ conditionVariable: false });
    },
  };
}

/** The executed camunda-8-js-sdk models about job workers. */
export const camunda8JsSdkWorkerCases: CorpusCase[] = [
  {
    corpus: `${DIR}/hello-world.bpmn`,
    jobs: { 'console-log': neverCompletes },
    async run({ start, untilCalls }) {
      // given a created case whose job is not serviced (Client-integration "Can cancel a process")
      const c = await start();
      await untilCalls(c.id, 'console-log', 1);

      // when it is cancelled
      const cancelled = await c.cancel('no longer needed');

      // then it is cancelled, and cancelling it again is refused
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'no longer needed' });
      expect((await c.result()).status).toBe('cancelled');
      await expect(c.cancel()).rejects.toThrow();
    },
  },
  helloWorldServiced('hello-world-wi.bpmn', 'console-log-wi'),
  helloWorldServiced('hello-world-10c.bpmn', 'console-log-10c'),
  helloWorldServiced('hello-world-complete.bpmn', 'console-log-complete'),
  helloWorldServiced('hello-world-complete-10c.bpmn', 'console-log-complete-10c'),
  helloWorldServiced('hello-world-complete-rest.bpmn', 'console-log-complete-rest'),
  helloWorldServiced('hello-world-complete-wi.bpmn', 'console-log-complete-wi'),
  conditionalPathway('conditional-pathway.bpmn', ''),
  conditionalPathway('conditional-pathway-wi.bpmn', '-wi'),
  conditionalPathway('conditional-pathway-10c.bpmn', '-10c'),
  {
    corpus: `${DIR}/Worker-RaiseIncident.bpmn`,
    jobs: { 'wait-raise-incident': echoes, 'pathA-raise-incident': echoes, 'pathB-raise-incident': failsWithoutRetries },
    async run({ start, calls }) {
      // given a case with conditionVariable false (upstream sets it with setVariables before the wait job runs)
      const c = await start({ conditionVariable: false });

      // when the Path B job fails with no retries left
      const state = await c.until((s) => s.incidents.length > 0, 'an incident');

      // then an incident is raised on Path B and the case stays active, until it is cancelled
      expect(state.status).toBe('running');
      expect(state.incidents).toEqual([expect.objectContaining({ elementId: 'ServiceTask_15isvh5', kind: 'jobFailed', message: expect.stringContaining('raises an incident') })]);
      expect(calls(c.id).map((call) => [call.jobType, call.variables.conditionVariable])).toEqual([['wait-raise-incident', false], ['pathB-raise-incident', false]]);
      await c.cancel();
      expect((await c.result()).status).toBe('cancelled');
    },
  },
  {
    corpus: `${DIR}/Worker-Failure1.bpmn`,
    jobs: { 'wait-worker-failure': failsBefore(3, completes), 'pathA-worker-failure': echoes, 'pathB-worker-failure': neverCompletes },
    async run({ start, calls, untilCalls }) {
      // given a case with conditionVariable false (upstream sets it with setVariables before the wait job runs)
      const c = await start({ conditionVariable: false });

      // when the wait job fails twice and succeeds on its third and last attempt (retries 3)
      await untilCalls(c.id, 'pathB-worker-failure', 1);

      // then the case goes on to Path B without an incident
      const state = await c.until((s) => s.activeElements.some((a) => a.elementId === 'ServiceTask_15isvh5'), 'the token on Path B');
      expect(state.incidents).toEqual([]);
      expect(calls(c.id).filter((call) => call.jobType === 'wait-worker-failure').map((call) => call.attempt)).toEqual([1, 2, 3]);
      expect(completedIds(state)).toEqual(['StartEvent_1', 'ServiceTask_0cz2k8t', 'ExclusiveGateway_11b1kdc']);
      await c.cancel();
    },
  },
  {
    corpus: `${DIR}/Worker-Failure2.bpmn`,
    jobs: { 'console-log-worker-failure-2': failsBefore(2, neverCompletes) },
    async run({ start, untilCalls }) {
      // given a case whose worker throws on the first activation
      const c = await start();

      // when the job is activated again
      await untilCalls(c.id, 'console-log-worker-failure-2', 2);

      // then the case was not failed: it is still running and can be cancelled
      expect(await c.state()).toMatchObject({ status: 'running', incidents: [] });
      expect((await c.cancel()).status).toBe('cancelled');
    },
  },
  {
    corpus: `${DIR}/Worker-Failure-Retries.bpmn`,
    jobs: { 'service-task-worker-failure-retries': failsBefore(2, completes) },
    async run({ start, calls }) {
      // given a case whose task has retries 100
      const c = await start({ conditionVariable: true });

      // when the first activation fails and the second completes
      await ended(c);
      const result = await c.result();

      // then the job was seen with 100 and then 99 retries left, and the case completes
      expect(result.status).toBe('completed');
      expect(calls(c.id).map((call) => 100 - call.attempt + 1)).toEqual([100, 99]);
      expect(completedIds(await c.state())).toEqual(HELLO);
    },
  },
  {
    corpus: `${DIR}/searchIncidentsTest.bpmn`,
    jobs: { 'fail-service-task': failsWithoutRetries },
    async run({ start }) {
      // given a case whose service task's worker fails the job with no retries left
      const c = await start();

      // when the job fails
      const state = await c.until((s) => s.incidents.length > 0, 'the incident');

      // then an incident on the task can be found while the case stays active
      expect(state).toMatchObject({ status: 'running', incidents: [expect.objectContaining({ elementId: 'Activity_03urvmm', kind: 'jobFailed' })] });
      await c.cancel();
    },
  },
];
