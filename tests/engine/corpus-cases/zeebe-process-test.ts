// zeebe-process-test models executed as its JUnit assertions expect (zeebe-process-test/EXPECTATIONS.md).
import fs from 'node:fs';
import path from 'node:path';
import { deploy } from '../../../server/services/definitions';
import { completedIds } from '../../support/cases';
import { CORPORA } from '../../support/paths';
import { completesAlong, type CorpusCase, ended, firstCompletions, messageCorrelates, type SkippedModel, timesCompleted } from './scenario';
import { completes } from './workers';

const DIR = 'zeebe-process-test/qa/abstracts/src/main/resources';
const NAMED = ['ProcessStartedStartEvent', 'DoSomethingTask', 'DoSomethingTask1', 'ProcessCompleteEndEvent'];

/** Deploys the models of DIR a call activity calls (the corpus deploys them beside the caller). */
async function deployCalled(...files: string[]): Promise<void> {
  for (const file of files) await deploy({ xml: fs.readFileSync(path.join(CORPORA, DIR, file), 'utf8'), deployedBy: 'test' });
}

/** The executed zeebe-process-test models. */
export const zeebeProcessTestCases: CorpusCase[] = [
  {
    corpus: `${DIR}/looping-servicetask.bpmn`,
    jobs: { test: completes },
    async run({ start, calls }) {
      // given a case created with totalLoops 3
      const c = await start({ totalLoops: 3 });

      // when each activation of the task is completed
      await ended(c);
      const result = await c.result();

      // then the task ran three times (loopAmount counted by its output mapping) before the default flow ended the case
      expect(result).toMatchObject({ status: 'completed', variables: { totalLoops: 3, loopAmount: 3 } });
      const state = await c.state();
      expect(timesCompleted(state, 'servicetask')).toBe(3);
      expect(calls(c.id).map((call) => call.variables.loopAmount)).toEqual([0, 1, 2]);
      expect(state.takenFlows.filter((id) => id === 'loopSequenceFlow')).toHaveLength(2);
      expect(completedIds(state).slice(-2)).toEqual(['Gateway_0fhwf5d', 'endevent']);
    },
  },
  {
    corpus: `${DIR}/multiple-tasks.bpmn`,
    jobs: { test: completes },
    async run({ start, calls }) {
      // given a case forking into three service tasks
      const c = await start();

      // when the three jobs are completed
      await ended(c);
      const result = await c.result();

      // then the join fires once all three are done and the case completes
      expect(result.status).toBe('completed');
      const state = await c.state();
      expect(calls(c.id).map((call) => call.elementId).sort()).toEqual(['servicetask1', 'servicetask2', 'servicetask3']);
      for (const task of ['servicetask1', 'servicetask2', 'servicetask3']) expect(timesCompleted(state, task)).toBe(1);
      expect(firstCompletions(state).slice(0, 2)).toEqual(['startevent', 'Gateway_0s6ix13']);
      expect(completedIds(state).slice(-1)).toEqual(['endevent']);
      expect(result.variables).toMatchObject({ loopAmount: 1 });
    },
  },
  {
    corpus: `${DIR}/message-event.bpmn`,
    run: messageCorrelates('message', 'correlationKey', 'Event_1qemgo0', ['StartEvent_1', 'Event_1qemgo0', 'Event_1pevv8z']),
  },
  { corpus: `${DIR}/start-end.bpmn`, run: completesAlong(['StartEvent_1', 'Event_0ahcnkn']) },
  { corpus: `${DIR}/alternate-start-end.bpmn`, run: completesAlong(['StartEvent_1', 'Event_0ahcnkn']) },
  { corpus: `${DIR}/named-elements.bpmn`, run: completesAlong(NAMED) },
  { corpus: `${DIR}/named-elements-v2.bpmn`, run: completesAlong(NAMED) },
  {
    corpus: `${DIR}/test_timer_events.bpmn`,
    jobs: { SimpleLog01: completes },
    async run({ start }) {
      // given a case forking into a 30-day timer and a job followed by a one-second timer
      const c = await start();

      // when the job is completed and the short timer fires
      await ended(c);
      const result = await c.result();

      // then the terminate end event of the fast branch ends the case, and the 30-day branch never finishes
      expect(result.status).toBe('completed');
      const ids = completedIds(await c.state());
      expect(ids).toEqual(expect.arrayContaining(['Activity_InvokeDummyWorker', 'TimerEvent_Wait1s', 'EndEvent_FastFlow']));
      expect(ids).not.toContain('TimerEvent_Wait30d');
      expect(ids).not.toContain('EndEvent_SlowFlow');
    },
  },
  {
    corpus: 'zeebe-process-test/spring-test/embedded/src/test/resources/deployment-annotation-test.bpmn',
    run: completesAlong(['StartEvent_1', 'EndEvent_1']),
  },
  {
    corpus: `${DIR}/call-activity.bpmn`,
    async run({ start }) {
      // given start-end deployed beside the caller
      await deployCalled('start-end.bpmn');

      // when a case of call-activity runs
      const c = await start();
      const state = await ended(c);

      // then its call activity completes once the child case start-end has completed
      expect(state.status).toBe('completed');
      expect(completedIds(state)).toEqual(expect.arrayContaining(['callactivity']));
    },
  },
  {
    corpus: `${DIR}/multiple-call-activity.bpmn`,
    async run({ start }) {
      // given the called models deployed: alternate-start-end, and call-activity with the start-end it calls
      await deployCalled('alternate-start-end.bpmn', 'start-end.bpmn', 'call-activity.bpmn');

      // when a case runs
      const c = await start();
      const state = await ended(c);

      // then both call activities complete, the second after its own nested child
      expect(state.status).toBe('completed');
      expect(completedIds(state)).toEqual(expect.arrayContaining(['callactivityOne', 'callactivityTwo']));
    },
  },
  {
    corpus: 'zeebe-process-test/examples/src/test/resources/automated-tests.bpmn',
    jobs: { runTests: completes },
    async run({ start, calls }) {
      // given a case (the process pr-created calls)
      const c = await start();

      // when it runs
      const state = await ended(c);

      // then its multi-instance subprocess ran the tests once per operating system
      expect(state.status).toBe('completed');
      expect(calls(c.id).map((call) => call.variables.operatingSystem).sort()).toEqual(['macos', 'ubuntu', 'windows']);
    },
  },
];

/** zeebe-process-test models inside the element set that are not executed. */
export const zeebeProcessTestSkipped: SkippedModel[] = [
  {
    corpus: `${DIR}/message-start-event.bpmn`,
    reason: 'its expectation is that publishing start-message creates an instance: POST /api/messages does that (tests/api/startEvents.test.ts); this harness starts cases at the none start event',
  },
  {
    corpus: `${DIR}/timer-start-event-daily.bpmn`,
    reason: "its expectation advances the engine's clock a day; a Sparrow timer start event is a Temporal Schedule, triggered in tests/api/startEvents.test.ts",
  },
  {
    corpus: 'zeebe-process-test/examples/src/test/resources/pr-created.bpmn',
    reason: 'it starts with the message prCreated (POST /api/messages; this harness starts cases at the none start event); the process it calls, automated-tests.bpmn, is executed',
  },
];
