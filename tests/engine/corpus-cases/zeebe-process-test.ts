// zeebe-process-test models executed as its JUnit assertions expect (zeebe-process-test/EXPECTATIONS.md).
import { completedIds } from '../../support/cases';
import { completesAlong, type CorpusCase, ended, firstCompletions, messageCorrelates, type SkippedModel, timesCompleted } from './scenario';
import { completes } from './workers';

const DIR = 'zeebe-process-test/qa/abstracts/src/main/resources';
const NAMED = ['ProcessStartedStartEvent', 'DoSomethingTask', 'DoSomethingTask1', 'ProcessCompleteEndEvent'];

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
];

/** zeebe-process-test models inside the element set that are not executed. */
export const zeebeProcessTestSkipped: SkippedModel[] = [];
