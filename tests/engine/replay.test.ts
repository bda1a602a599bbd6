// Replay: the committed histories under tests/histories (recorded on a real server by scripts/record-history.ts)
// must replay against today's workflow code, and a changed workflow must be caught as non-deterministic.
import fs from 'node:fs';
import path from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { type History, historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { runsOf } from '../../audit/runs';
import type { HistoryJson } from '../../audit/types';
import { type BpmnProcessInput, caseWorkflowId } from '../../workflows/definitions';

const HISTORIES = path.resolve(__dirname, '../histories');
const files = fs.readdirSync(HISTORIES).filter((name) => name.endsWith('.json')).sort();

function historyOf(name: string): History {
  return historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES, name), 'utf8')));
}

/** The runs of a recorded history, in order (a case that continued as new holds several, audit/runs.ts). */
function runsOfFile(name: string): History[] {
  return runsOf(JSON.parse(fs.readFileSync(path.join(HISTORIES, name), 'utf8')) as HistoryJson).map((run) => historyFromJSON(run.history));
}

/** The case's workflow id, recomputed from the start input: task ids contain it, so a replay must use the recorded one. */
function workflowIdOf(history: History): string {
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload) throw new Error('the history does not start with the workflow input');
  const input = defaultPayloadConverter.fromPayload<BpmnProcessInput>(payload);
  return caseWorkflowId(input.definition.key, input.businessKey);
}

function workflowBundle(): { codePath: string } {
  const codePath = process.env.SPARROW_TEST_WORKFLOW_BUNDLE;
  if (!codePath) throw new Error('the jest global setup did not run (SPARROW_TEST_WORKFLOW_BUNDLE unset)');
  return { codePath };
}

describe('replay of recorded histories', () => {
  it('should have recorded histories to replay', () => {
    // given the histories folder, then it holds the recorded cases
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('should replay %s with the current workflow code', async (name) => {
    // given a history recorded on a real Temporal server (each of its runs, when the case continued as new)
    const runs = runsOfFile(name);
    const workflowId = workflowIdOf(runs[0]);

    // when each run is replayed against the workflow bundle
    for (const [i, run] of runs.entries()) {
      const replay = Worker.runReplayHistory({ workflowBundle: workflowBundle(), replayName: `${name}#${i + 1}` }, run, workflowId);

      // then no determinism violation (or any other failure) is raised
      await expect(replay).resolves.toBeUndefined();
    }
  });

  it('should NOT replay a history with a workflow that schedules different commands', async () => {
    // given a workflow of the same type name that arms a timer first, and a recorded history
    const altered = await bundleWorkflowCode({
      workflowsPath: require.resolve('./replay-fixtures/alteredBpmnProcess'),
      logger: new DefaultLogger('WARN'),
    });
    const history = historyOf(files[0]);

    // when the history is replayed against it
    const replay = Worker.runReplayHistory({ workflowBundle: altered, replayName: 'altered' }, history, workflowIdOf(history));

    // then the change is caught as a determinism violation
    await expect(replay).rejects.toThrow(DeterminismViolationError);
  });
});
