// The long-case benchmark (`npm run bench -- --continue-as-new 10000`, issue 13): one case looping N times through a
// service task, continuing as new whenever a run's history reaches the default limit (2,000 events). Measures, on real
// servers (a Temporal dev server, FerretDB or MONGODB_URI, a worker in this process): the wall time, the runs, history
// events per step, the longest run, the bytes each continued run carries in its input, and the time to verify the
// case's chain and cross-check it with the replay of all its runs. Writes bench/results/continue-as-new.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobType } from '../activities/jobs';
import { fetchAllRuns, runsOf } from '../audit/runs';
import { verifyCase } from '../audit/service';
import { compile } from '../engine/compile';
import { createLogger } from '../platform/logger';
import { bundleWorkflows, createSparrowWorker } from '../worker/createWorker';
import { installSdkLogger } from '../worker/sdkLogger';
import { BPMN_WORKFLOW_TYPE, type BpmnProcessInput, caseWorkflowId } from '../workflows/definitions';
import { startBenchServers } from './benchServers';

const RESULTS = path.join(__dirname, 'results', 'continue-as-new.json');
const TASK_QUEUE = 'bench-long-case';

/** The options of `--continue-as-new [N]`: how many loop steps. */
export function longCaseOptions(argv: string[]): { steps: number } | null {
  const at = argv.indexOf('--continue-as-new');
  if (at < 0) return null;
  const value = argv[at + 1] && !argv[at + 1].startsWith('--') ? Number(argv[at + 1]) : 10_000;
  if (!Number.isInteger(value) || value < 1) throw new Error('--continue-as-new takes a positive whole number of steps, e.g. 10000');
  return { steps: value };
}

/** A process looping through one service task until `n` reaches `limit` (bench row 5 replays its history, too). */
export const LOOP_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="long-case" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:exclusiveGateway id="Merge" />
    <bpmn:serviceTask id="Tick"><bpmn:extensionElements><zeebe:taskDefinition type="bench.tick" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:exclusiveGateway id="Again" default="Back" />
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Merge" />
    <bpmn:sequenceFlow id="F2" sourceRef="Merge" targetRef="Tick" />
    <bpmn:sequenceFlow id="F3" sourceRef="Tick" targetRef="Again" />
    <bpmn:sequenceFlow id="Back" sourceRef="Again" targetRef="Merge" />
    <bpmn:sequenceFlow id="Done" sourceRef="Again" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=n &gt;= limit</bpmn:conditionExpression></bpmn:sequenceFlow>
  </bpmn:process>
</bpmn:definitions>`;

/** The loop's job: counts `n` up by one. */
export const tick: JobType = {
  type: 'bench.tick',
  title: { 'zh-CN': '循环一步', en: 'Loop step' },
  description: { 'zh-CN': '基准测试用', en: 'Used by the benchmark' },
  handler: async ({ variables }) => ({ n: Number(variables.n) + 1 }),
};

/** The bytes of the input payload a run started with (its first event's). */
function inputBytes(events: Array<Record<string, unknown>>): number {
  const started = events[0]?.workflowExecutionStartedEventAttributes as { input?: { payloads?: Array<{ data?: string }> } } | undefined;
  return Buffer.from(started?.input?.payloads?.[0]?.data ?? '', 'base64').length;
}

/** Runs the long case with `steps` loop steps and prints and writes its figures. */
export async function runLongCase({ steps }: { steps: number }): Promise<void> {
  installSdkLogger(createLogger('bench', 'warn'));
  const { env, stop } = await startBenchServers('sparrow_bench_long_case');
  try {
    const compiled = await compile(LOOP_XML);
    if (compiled.problems.length) throw new Error(compiled.problems.map((p) => p.message).join('; '));
    const model = compiled.processes[0].model;
    const worker = await createSparrowWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue: TASK_QUEUE, jobTypes: [tick], workflows: { workflowBundle: await bundleWorkflows() } });
    await worker.runUntil(async () => {
      const input: BpmnProcessInput = { model, definition: { key: model.processId, version: 1, sha256: 'bench' }, businessKey: `steps-${steps}`, variables: { n: 0, limit: steps }, startedBy: 'bench' };
      const workflowId = caseWorkflowId(model.processId, input.businessKey);
      const t0 = Date.now();
      const result = await env.client.workflow.execute(BPMN_WORKFLOW_TYPE, { workflowId, taskQueue: TASK_QUEUE, args: [input] });
      const seconds = (Date.now() - t0) / 1000;
      if (result.status !== 'completed' || result.variables.n !== steps) throw new Error(`the case ended ${result.status} at n = ${String(result.variables.n)}`);
      const runs = runsOf(await fetchAllRuns(env.client, workflowId)).map((r) => r.history.events);
      const events = runs.reduce((sum, run) => sum + run.length, 0);
      const carried = runs.slice(1).map(inputBytes);
      const v0 = Date.now();
      const verified = await verifyCase(workflowId, { client: env.client });
      const verifySeconds = (Date.now() - v0) / 1000;
      const figures = {
        steps,
        seconds,
        msPerStep: (seconds * 1000) / steps,
        runs: runs.length,
        events,
        eventsPerStep: events / steps,
        longestRun: Math.max(...runs.map((r) => r.length)),
        carriedInputBytes: { min: Math.min(...carried), max: Math.max(...carried) },
        verify: { ok: verified.ok, rows: verified.chain.rows, crossCheck: verified.crossCheck.status, seconds: verifySeconds },
        cores: os.cpus().length,
        loadAverage: os.loadavg()[0],
        at: new Date().toISOString(),
      };
      console.table([figures]);
      console.log(JSON.stringify(figures, null, 2));
      fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
      fs.writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
      if (!verified.ok) throw new Error(`the chain did not verify: ${verified.reason}`);
    });
  } finally {
    await stop();
  }
}
