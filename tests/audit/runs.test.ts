// The runs of a case that continued as new, read from the committed history (tests/histories/continue-as-new.v2.json):
// split in order, their facts named by position in the whole history, their replays joined into one numbering.
import fs from 'node:fs';
import path from 'node:path';
import { historyFacts, replayedEntries } from '../../audit/historyFacts';
import { replayHistory } from '../../audit/replay';
import { joinRuns, runsOf } from '../../audit/runs';
import type { HistoryJson } from '../../audit/types';

const history = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../histories/continue-as-new.v2.json'), 'utf8')) as HistoryJson;

describe('runs of a case', () => {
  it('should split a history of several runs at each start and join them back unchanged', () => {
    // given the history of a case that continued as new twice
    // when it is split into runs
    const runs = runsOf(history);

    // then each run starts with its own WorkflowExecutionStarted numbered 1, and all but the last continued as new
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.map((r) => [r.history.events[0].eventType, r.history.events[0].eventId])).toEqual(runs.map(() => ['EVENT_TYPE_WORKFLOW_EXECUTION_STARTED', '1']));
    expect(runs.slice(0, -1).map((r) => r.history.events.at(-1)?.eventType)).toEqual(runs.slice(0, -1).map(() => 'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW'));
    expect(runs.map((r) => r.offset)).toEqual(runs.map((_, i) => runs.slice(0, i).reduce((n, r) => n + r.history.events.length, 0)));
    expect(joinRuns(runs.map((r) => r.history))).toEqual(history);
  });

  it('should name events by their position in the whole history and close with the last run', () => {
    // when the facts of the whole history are read
    const facts = historyFacts(history);

    // then every activity names its ActivityTaskScheduled event by position, and the case closed completed
    expect(facts.activities.length).toBeGreaterThan(0);
    expect(facts.activities.every((a) => history.events[a.scheduledEventId - 1].eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED')).toBe(true);
    expect(facts.activities.every((a) => a.outcome === 'completed')).toBe(true);
    expect(facts.closed?.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED');
    const markers = history.events.filter((e) => (e.markerRecordedEventAttributes as { markerName?: string } | undefined)?.markerName === 'core_local_activity').length;
    expect(facts.completedLocalActivities.size).toBe(markers);
  });

  it('should replay every run and number their audit entries as one chain, started once', async () => {
    // when the whole history is replayed
    const replay = await replayHistory(history);

    // then it replays, and the entries of all runs follow each other from seq 1, each confirmed by its run's marker
    expect(replay).toMatchObject({ ok: true, events: history.events.length });
    const { entries, recorded } = replayedEntries(replay.progress, historyFacts(history));
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(recorded).toBe(entries.length);
    expect(entries.filter((e) => e.kind === 'instance.started')).toHaveLength(1);
    expect(entries.at(-1)?.kind).toBe('instance.completed');
  }, 120_000);
});
