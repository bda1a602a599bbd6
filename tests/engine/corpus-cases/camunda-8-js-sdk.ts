// camunda-8-js-sdk models executed as its integration tests expect (camunda-8-js-sdk/EXPECTATIONS.md): timers, messages,
// user tasks and the straight-through fixtures of the API specs; the job-worker specs are in camunda-8-js-sdk-workers.ts.
import { completedIds } from '../../support/cases';
import { camunda8JsSdkEventCases } from './camunda-8-js-sdk-events';
import { camunda8JsSdkWorkerCases } from './camunda-8-js-sdk-workers';
import { completesAlong, type CorpusCase, ended, messageCorrelates, type SkippedModel, userTaskCompletes, waitsAtJobUntilCancelled } from './scenario';
import { echoes, neverCompletes } from './workers';

const DIR = 'camunda-8-js-sdk/src/__tests__/testdata';

/** A process whose only job is completed by its worker with the job's variables ("straight-through" API fixtures). */
function oneJobStraightThrough(file: string, jobType: string, path: string[]): CorpusCase {
  return { corpus: `${DIR}/${file}`, jobs: { [jobType]: echoes }, run: completesAlong(path, { from: 'test' }) };
}

/** A process whose first job no worker services: the case waits there until it is cancelled. */
function neverServiced(file: string, jobType: string, elementId: string, extraJobs: CorpusCase['jobs'] = {}): CorpusCase {
  return { corpus: `${DIR}/${file}`, jobs: { [jobType]: neverCompletes, ...extraJobs }, run: waitsAtJobUntilCancelled(elementId, jobType, ['StartEvent_1']) };
}

/** The executed camunda-8-js-sdk models. */
export const camunda8JsSdkCases: CorpusCase[] = [
  ...camunda8JsSdkWorkerCases,
  ...camunda8JsSdkEventCases,
  {
    corpus: `${DIR}/await-outcome.bpmn`,
    async run({ start }) {
      // given a case created with sourceValue 5
      const c = await start({ sourceValue: 5 });

      // when its one-second timer fires
      await ended(c);
      const result = await c.result();

      // then the result carries sourceValue, after at least the timer's second
      expect(result).toMatchObject({ status: 'completed', variables: { sourceValue: 5 } });
      const state = await c.state();
      expect(completedIds(state)).toEqual(['StartEvent_1', 'IntermediateCatchEvent_1y9tvcp', 'EndEvent_0icsew0']);
      const timer = state.completed[1];
      expect(Date.parse(timer.endedAt) - Date.parse(timer.startedAt)).toBeGreaterThanOrEqual(1000);
    },
  },
  {
    corpus: `${DIR}/message-correlation-test.bpmn`,
    run: messageCorrelates('MESSAGE_CORRELATION_TEST_CATCH', 'orderId', 'Event_11031ys', ['StartEvent_1', 'Event_11031ys', 'Event_1dj077m']),
  },
  {
    corpus: `${DIR}/rest-message-test.bpmn`,
    run: messageCorrelates('rest-message', 'correlationId', 'Event_02hfae1', ['StartEvent_1', 'Event_02hfae1', 'Event_08rq2o7']),
  },
  {
    corpus: `${DIR}/TasklistTestProcess.bpmn`,
    run: userTaskCompletes('Activity_0urphmi', ['StartEvent_1', 'Activity_0urphmi', 'Event_0kj9onz'], { formKey: 'camunda-forms:bpmn:userTaskForm_3r97fja' }),
  },
  { corpus: `${DIR}/zeebe-user-task.bpmn`, run: userTaskCompletes('Activity_1d6heog', ['StartEvent_1', 'Activity_1d6heog', 'Event_0f0ejpu']) },
  {
    corpus: `${DIR}/completeUserTask-rest-test-process.bpmn`,
    run: userTaskCompletes('Activity_1nhbuqp', ['StartEvent_1', 'Activity_1nhbuqp', 'Event_0qocrmi']),
  },
  {
    corpus: `${DIR}/test-tasks-query.bpmn`,
    run: userTaskCompletes('Activity_1nouls1', ['StartEvent_1', 'Activity_1nouls1', 'Event_0thxonp'], { formId: 'test-basic-form' }),
  },
  { corpus: `${DIR}/Delete-Resource-Rest.bpmn`, run: completesAlong(['StartEvent_1', 'Event_1jyt422']) },
  { corpus: `${DIR}/Operate-StraightThrough.bpmn`, run: completesAlong(['StartEvent_1', 'Event_1h6ie86']) },
  { corpus: `${DIR}/create-process-rest.bpmn`, run: completesAlong(['StartEvent_1', 'Event_1j84ets'], { created: true }) },
  oneJobStraightThrough('StreamJobs.bpmn', 'stream-job', ['StartEvent_1', 'Activity_0xyl2dv', 'Event_1kkcbv7']),
  oneJobStraightThrough('disconnection.bpmn', 'disconnection-task', ['StartEvent_1', 'Task_1ez1ouw', 'EndEvent_0yjt14z']),
  oneJobStraightThrough('generic-test.bpmn', 'generic-test', ['StartEvent_1', 'Task_1r91nhw', 'EndEvent_0k5hvvb']),
  oneJobStraightThrough('multi-tenant-worker-test.bpmn', 'multi-tenant-work', ['StartEvent_1', 'Activity_1an5aay', 'Event_1hylnf3']),
  oneJobStraightThrough('multi-tenant-stream-worker-test.bpmn', 'multi-tenant-stream-work', ['StartEvent_1', 'Activity_1an5aay', 'Event_1hylnf3']),
  oneJobStraightThrough('rest-get-variable.bpmn', 'get-variable', ['StartEvent_1', 'Activity_1amwh0c', 'Event_07htauo']),
  oneJobStraightThrough('rest-query-variables.bpmn', 'query-variables', ['StartEvent_1', 'Activity_1amwh0c', 'Event_07htauo']),
  oneJobStraightThrough('rest-search-element-instances-test.bpmn', 'search-element-instances', ['StartEvent_1', 'Activity_0cmrqyx', 'Event_0ndyjwx']),
  oneJobStraightThrough('update-job-test.bpmn', 'update-job-type', ['StartEvent_1', 'ServiceTask_1', 'EndEvent_1']),
  oneJobStraightThrough('job-complete-error-test.bpmn', 'job-complete-error', ['StartEvent_1', 'Activity_11vo52k', 'Event_14s7zgm']),
  oneJobStraightThrough('job-complete-error-test-wi.bpmn', 'job-complete-error-wi', ['StartEvent_1', 'Activity_11vo52k', 'Event_14s7zgm']),
  neverServiced('DeleteResource.bpmn', 'never-executed', 'Activity_0ui3en7'),
  neverServiced('OperateMultitenancy.bpmn', 'never-executed', 'Activity_0ui3en7'),
  neverServiced('SearchProcessInstances.bpmn', 'this-job-will-never-be-served-12345a2oiea21', 'Activity_1plrxmu'),
  neverServiced('query-subscription-test.bpmn', 'will-never-be-serviced', 'Activity_1vonj9o'),
  neverServiced('query-subscription-test-1.bpmn', 'will-never-be-serviced', 'Activity_1vonj9o'),
  neverServiced('modify-process-instance-rest.bpmn', 'never-gets-completed-shntshntshn', 'never-gets-completed-108', { 'gets-completed-108': echoes }),
];

/** camunda-8-js-sdk models inside the element set whose stated expectation is about an API Sparrow does not have. */
export const camunda8JsSdkSkipped: SkippedModel[] = [
  { corpus: `${DIR}/Client-SkipFirstTask.bpmn`, reason: 'the expectation is startInstructions (starting at an arbitrary element), which Sparrow does not offer' },
  { corpus: `${DIR}/Client-Update-Job-Timeout.bpmn`, reason: "the expectation is the job-timeout update API; Sparrow's jobs are Temporal activities with a fixed start-to-close timeout" },
  { corpus: `${DIR}/MigrateProcess-Version-1.bpmn`, reason: 'the expectation is process-instance migration, which Sparrow does not offer' },
  { corpus: `${DIR}/MigrateProcess-Version-2.bpmn`, reason: 'the expectation is process-instance migration, which Sparrow does not offer' },
  { corpus: `${DIR}/MigrateProcess-Rest-Version-1.bpmn`, reason: 'the expectation is process-instance migration, which Sparrow does not offer' },
  { corpus: `${DIR}/MigrateProcess-Rest-Version-2.bpmn`, reason: 'the expectation is process-instance migration, which Sparrow does not offer' },
  { corpus: `${DIR}/Worker-Failure-Backoff.bpmn`, reason: "the expectation is job.fail's per-failure retryBackOff; Sparrow's retry backoff is the activity retry policy" },
  { corpus: `${DIR}/Worker-Failure3.bpmn`, reason: "the expectation is the worker option failProcessOnException; in Sparrow a failed job raises an incident, never fails the case" },
  { corpus: `${DIR}/Worker-LongPoll.bpmn`, reason: "not in EXPECTATIONS.md; its test counts a worker's long polls" },
  { corpus: `${DIR}/hello-world-fv.bpmn`, reason: 'the expectation is the worker option fetchVariable; Sparrow jobs receive every variable in scope' },
  { corpus: `${DIR}/await-outcome-long.bpmn`, reason: 'its 20 s timer is longer than a test may wait (await-outcome.bpmn covers the same path with 1 s)' },
  { corpus: 'camunda-8-js-sdk/backpressure/test-job-process.bpmn', reason: 'EXPECTATIONS.md: not exercised by tests, no stated behaviour' },
  { corpus: 'camunda-8-js-sdk/zeebe-extra/example/connector_test.bpmn', reason: 'EXPECTATIONS.md: not exercised by tests, no stated behaviour' },
  { corpus: `${DIR}/BpmnParser.bpmn`, reason: 'EXPECTATIONS.md: parsed for task types and message names, not executed' },
  { corpus: `${DIR}/BpmnParser2.bpmn`, reason: 'EXPECTATIONS.md: parsed for task types and message names, not executed' },
  {
    corpus: `${DIR}/Client-MessageStart.bpmn`,
    reason: 'its expectation is that publishing MSG-START_JOB starts an instance: POST /api/messages does that (tests/api/startEvents.test.ts); this harness starts cases at the none start event',
  },
];
