// Builds a Temporal worker for Sparrow: the bpmnProcess workflow bundle plus the read-model and job activities.
import { bundleWorkflowCode, DefaultLogger, type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import { builtinJobTypes, type JobType } from '../activities/jobs';
import { sparrowWorkerTuning, workflowPreloadModules } from './tuning';

/** Where the workflow code comes from: bundled now from source, or a bundle built earlier. */
export type WorkflowSource = { workflowsPath: string } | { workflowBundle: { codePath: string } | { code: string } };

/** The workflow source as files: the workflows/ entry point. */
export const workflowsPath = require.resolve('../workflows');

/** Bundles the workflow code once (webpack); workers and replayers can share the result. */
export async function bundleWorkflows(): Promise<{ code: string }> {
  // An explicit logger keeps the bundler from starting Temporal's native runtime in this process.
  return bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN'), preloadModules: workflowPreloadModules });
}

/** Options for a Sparrow worker. */
export interface SparrowWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  jobTypes?: JobType[];
  workflows?: WorkflowSource;
  extra?: Partial<WorkerOptions>;
}

/** Creates (but does not run) a worker on the task queue, with worker/tuning.ts's options. */
export async function createSparrowWorker(options: SparrowWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities(options.jobTypes ?? builtinJobTypes),
    ...(options.workflows ?? { workflowsPath, bundlerOptions: { preloadModules: workflowPreloadModules } }),
    ...sparrowWorkerTuning,
    ...options.extra,
  });
}
