// The benchmark's baseline: a hand-written workflow calling the same job activity ten times in a row.
import { proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { JobInput } from '../../contracts/activities';

const { 'bench.step': benchStep } = proxyActivities<Record<string, (input: JobInput) => Promise<Record<string, unknown>>>>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumAttempts: 3, initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const { 'bench.step': localBenchStep } = proxyLocalActivities<Record<string, (input: JobInput) => Promise<Record<string, unknown>>>>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumAttempts: 3, initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Runs `steps` service steps sequentially, merging each result into the variables, like the interpreter does. */
export function handWritten(steps: number, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  return runSteps(benchStep, steps, variables);
}

/** The same steps as local activities (bench/tuning.ts): what the hand-written chain costs without activity tasks. */
export function handWrittenLocal(steps: number, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  return runSteps(localBenchStep, steps, variables);
}

async function runSteps(benchStep: (input: JobInput) => Promise<Record<string, unknown>>, steps: number, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { workflowId } = workflowInfo();
  let current = { ...variables };
  for (let i = 1; i <= steps; i++) {
    const elementId = `Step_${i}`;
    const result = await benchStep({ jobKey: `${workflowId}/${elementId}`, instanceId: workflowId, elementId, jobType: 'bench.step', headers: {}, variables: current });
    current = { ...current, ...result };
  }
  return current;
}
