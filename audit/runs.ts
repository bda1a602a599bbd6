// The runs of a case: a case that continued as new has several Temporal runs under its one workflow id. Its history,
// as the API, the export and the replay read it, is the events of every run one after the other, each run from its
// WorkflowExecutionStarted event (event ids restart at 1 in each run, as Temporal numbers them).
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { HistoryEventJson, HistoryJson } from './types';

const STARTED = 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED';

/** One run of a case's history: its events and where they start in the whole history (0 for the first run). */
export interface HistoryRun {
  history: HistoryJson;
  /** The index of the run's first event in the whole history. */
  offset: number;
}

/** Splits a case's history into its runs, in order (a history of one run is one run). */
export function runsOf(history: HistoryJson): HistoryRun[] {
  const runs: HistoryRun[] = [];
  history.events.forEach((event, i) => {
    if (event.eventType === STARTED || runs.length === 0) runs.push({ history: { events: [] }, offset: i });
    runs[runs.length - 1].history.events.push(event);
  });
  return runs;
}

/** The histories of a case's runs, in order, as one history. */
export function joinRuns(runs: HistoryJson[]): HistoryJson {
  return { events: runs.flatMap((run) => run.events) };
}

/** How far apart the local-activity keys of two runs are (a run holds far fewer than a million local activities: Temporal ends a run at 51,200 events). */
const RUN_STRIDE = 1_000_000;

/** A key of a local activity (recordProgress call) unique across the runs of a case: its run's index and its seq in that run. */
export const localActivityKey = (run: number, seq: number) => run * RUN_STRIDE + seq;

/** The run a history continued from (the previous run's id), if it continued one. */
function continuedFrom(first: HistoryEventJson | undefined): string | undefined {
  const attributes = first?.workflowExecutionStartedEventAttributes as { continuedExecutionRunId?: string } | undefined;
  return attributes?.continuedExecutionRunId || undefined;
}

/**
 * Fetches every run of a case, oldest first, as one history (Temporal's JSON form): from the latest run back through
 * each run's `continuedExecutionRunId`. Throws Temporal's error when the case is unknown.
 */
export async function fetchAllRuns(client: Client, workflowId: string): Promise<HistoryJson> {
  const runs: HistoryJson[] = [];
  let runId: string | undefined;
  do {
    const history = JSON.parse(historyToJSON(await client.workflow.getHandle(workflowId, runId).fetchHistory())) as HistoryJson;
    runs.unshift(history);
    runId = continuedFrom(history.events[0]);
  } while (runId);
  return joinRuns(runs);
}
