// camunda-8-js-sdk models that use engine part 2's events (issue 12), executed as camunda-8-js-sdk/EXPECTATIONS.md
// states: BPMN errors thrown by a worker and caught on the enclosing subprocess, an event-based gateway, a signal catch.
import { ApplicationFailure } from '@temporalio/common';
import { BPMN_ERROR_TYPE } from '../../../contracts/activities';
import { broadcastSignalUpdate } from '../../../workflows/definitions';
import { completedIds } from '../../support/cases';
import { type CorpusCase, ended } from './scenario';
import { completes, echoes, type JobBehaviour } from './workers';

const DIR = 'camunda-8-js-sdk/src/__tests__/testdata';

/** A worker that throws BPMN error `code` with `variables`. */
const throwsBpmnError =
  (code: string, variables?: Record<string, unknown>): JobBehaviour =>
  async () => {
    throw ApplicationFailure.nonRetryable('business error', BPMN_ERROR_TYPE, code, ...(variables ? [variables] : []));
  };

/** The path of Client-ThrowError(-2): the subprocess's job throws, the boundary on the subprocess routes to the sad flow. */
const SAD_PATH = ['StartEvent_1q9lovr', 'StartEvent_0mp9dxc', 'IntermediateThrowEvent_0zfx5n9', 'Task_1h8n9x5', 'EndEvent_0cwovsu'];

/** Client-DeployWorkflow / zeebe-extra example: a job, then an event-based gateway on message Message_In (key uniqueId) or a 5 s timer. */
function messageBeatsTimeout(corpus: string): CorpusCase {
  return {
    corpus,
    jobs: { 'demo-service': echoes, 'time-out': completes, 'process-message': completes },
    async run({ start }) {
      // given a case waiting at the event-based gateway
      const uniqueId = `u-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const c = await start({ uniqueId });
      await c.until((s) => s.activeElements.some((a) => a.elementId === 'ExclusiveGateway_0wne7eb'), 'the event-based gateway');

      // when the message comes before the timeout
      await c.correlate('Message_In', uniqueId, { delivered: true });

      // then the message path ran and the timeout was withdrawn
      await ended(c);
      expect(completedIds(await c.state())).toEqual(['StartEvent_1', 'ServiceTask_0xdwuw7', 'ExclusiveGateway_0wne7eb', 'IntermediateCatchEvent_169ouyw', 'ServiceTask_1ng04rq', 'EndEvent_1mns3uj']);
      expect((await c.result()).variables).toMatchObject({ uniqueId, delivered: true });
    },
  };
}

/** The executed camunda-8-js-sdk models that use boundary, gateway and signal events. */
export const camunda8JsSdkEventCases: CorpusCase[] = [
  {
    corpus: `${DIR}/Client-ThrowError.bpmn`,
    jobs: { 'throw-bpmn-error-task': throwsBpmnError('BUSINESS_ERROR'), 'sad-flow': async () => ({ bpmnErrorCaught: true }) },
    async run({ start }) {
      const c = await start();
      await ended(c);
      expect(completedIds(await c.state())).toEqual(SAD_PATH);
      expect((await c.result()).variables).toMatchObject({ bpmnErrorCaught: true });
    },
  },
  {
    corpus: `${DIR}/Client-ThrowError-2.bpmn`,
    jobs: { 'throw-bpmn-error-task-2': throwsBpmnError('BUSINESS_ERROR', { something: 'someValue' }), 'sad-flow-2': completes },
    async run({ start }) {
      const c = await start();
      await ended(c);
      expect(completedIds(await c.state())).toEqual(SAD_PATH);
      expect((await c.result()).variables).toMatchObject({ something: 'someValue' });
    },
  },
  messageBeatsTimeout(`${DIR}/Client-DeployWorkflow.bpmn`),
  messageBeatsTimeout('camunda-8-js-sdk/zeebe-extra/example/test.bpmn'),
  {
    corpus: `${DIR}/Red-Tenant-Process.bpmn`,
    async run({ start }) {
      // given a case waiting for signal red-tenant-signal
      const c = await start();
      await c.until((s) => s.activeElements.some((a) => a.elementId === 'Event_0mvf9yu'), 'the signal catch event');

      // when the signal is broadcast to it, then it completes
      await c.handle.executeUpdate(broadcastSignalUpdate, { args: [{ name: 'red-tenant-signal', variables: { tenant: 'red' }, actor: 'test' }] });
      await ended(c);
      expect(completedIds(await c.state())).toEqual(['StartEvent_1', 'Event_0mvf9yu', 'Event_04ql45u']);
      expect((await c.result()).variables).toMatchObject({ tenant: 'red' });
    },
  },
];
