// The job type registry: the built-in job types and the external ones the deployed processes name, each with the
// processes using it, its task queue, and who serves it (Temporal pollers of its queue, REST workers seen asking).
import type { Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import type { JobTypeView } from '../../contracts/api/jobs';
import { BUILTIN_JOB_TYPES, BUILTIN_JOB_TYPE_NAMES } from '../../contracts/jobTypes';
import type { ExecutableModel } from '../../engine/model';
import { externalJobRoute } from '../../platform/jobRouting';
import { Definition, DefinitionVersion, Job, JobWorker } from '../../store/models';
import { REST_BRIDGE_IDENTITY_PREFIX } from './jobBridge';

type Worker = JobTypeView['workers'][number];
type Usage = JobTypeView['usedBy'][number];

/** What one deployed version says about the job types it names (versions are immutable: cached by key and version). */
interface VersionJobTypes {
  processName: string | null;
  byType: Map<string, { elements: Usage['elements']; taskQueue: string | null; documentation: string | null }>;
}

const versionCache = new Map<string, VersionJobTypes>();
const MAX_CACHED_VERSIONS = 1_000;
const MAX_DESCRIPTION_CHARS = 500;

async function jobTypesOfVersion(key: string, version: number): Promise<VersionJobTypes | null> {
  const id = `${key}@${version}`;
  const cached = versionCache.get(id);
  if (cached) return cached;
  const row = await DefinitionVersion.findOne({ key, version }, { modelJson: 1, name: 1, key: 1, version: 1 }).lean();
  if (!row) return null;
  const model = JSON.parse(row.modelJson) as ExecutableModel;
  const byType: VersionJobTypes['byType'] = new Map();
  for (const node of Object.values(model.nodes)) {
    const task = 'taskDefinition' in node ? node.taskDefinition : undefined;
    if (!task) continue;
    const entry = byType.get(task.type) ?? { elements: [], taskQueue: task.external?.taskQueue ?? null, documentation: null };
    entry.elements.push({ id: node.id, name: node.name ?? null });
    entry.documentation ??= node.documentation?.trim().slice(0, MAX_DESCRIPTION_CHARS) || null;
    byType.set(task.type, entry);
  }
  const result = { processName: row.name ?? model.name ?? null, byType };
  if (versionCache.size >= MAX_CACHED_VERSIONS) versionCache.clear();
  versionCache.set(id, result);
  return result;
}

/** The activity pollers Temporal lists for `queue` (the REST bridge's own polls are not a worker). */
async function temporalPollers(client: Client, queue: string): Promise<Worker[]> {
  const answer = await client.workflowService.describeTaskQueue({
    namespace: client.options.namespace,
    taskQueue: { name: queue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
  });
  return (answer.pollers ?? [])
    .filter((p) => !(p.identity ?? '').startsWith(REST_BRIDGE_IDENTITY_PREFIX))
    .map((p) => {
      const at = optionalTsToMs(p.lastAccessTime);
      return { kind: 'temporal' as const, name: p.identity ?? '', username: null, lastSeenAt: at === undefined ? null : new Date(at).toISOString() };
    });
}

const newest = (workers: Worker[]): Worker | null =>
  workers.reduce<Worker | null>((best, w) => (w.lastSeenAt !== null && (best?.lastSeenAt == null || w.lastSeenAt > best.lastSeenAt) ? w : best), null);

/** Every job type: built-in ones (run on `builtinQueue`), then the external ones named by deployed processes, by name. */
export async function listJobTypes(client: Client, builtinQueue: string): Promise<JobTypeView[]> {
  const definitions = await Definition.find({}, { key: 1, latestVersion: 1 }).sort({ key: 1 }).lean();
  const usage = new Map<string, { usedBy: Usage[]; taskQueue: string | null; documentation: string | null }>();
  for (const definition of definitions) {
    const version = await jobTypesOfVersion(definition.key, definition.latestVersion);
    for (const [type, entry] of version?.byType ?? []) {
      const seen = usage.get(type) ?? { usedBy: [], taskQueue: null, documentation: null };
      seen.usedBy.push({ definitionKey: definition.key, processName: version?.processName ?? null, version: definition.latestVersion, elements: entry.elements });
      seen.taskQueue ??= entry.taskQueue;
      seen.documentation ??= entry.documentation;
      usage.set(type, seen);
    }
  }
  const external = [...usage.keys()].filter((type) => !BUILTIN_JOB_TYPE_NAMES.has(type)).sort();
  const restWorkers = await JobWorker.find({ type: { $in: external } }).lean();
  const builtinPollers = await temporalPollers(client, builtinQueue);
  const builtins = BUILTIN_JOB_TYPES.map((info): JobTypeView => ({
    type: info.type,
    builtin: true,
    title: info.title,
    description: info.description,
    taskQueue: null,
    usedBy: usage.get(info.type)?.usedBy ?? [],
    workers: builtinPollers,
    lastSeen: newest(builtinPollers),
    waitingJobs: 0,
  }));
  const externals = await Promise.all(
    external.map(async (type): Promise<JobTypeView> => {
      const seen = usage.get(type);
      const taskQueue = seen?.taskQueue ?? externalJobRoute(type).taskQueue;
      const rest = restWorkers
        .filter((w) => w.type === type)
        .map((w): Worker => ({ kind: 'rest', name: w.worker, username: w.username, lastSeenAt: w.lastSeenAt.toISOString() }));
      const workers = [...(await temporalPollers(client, taskQueue)), ...rest];
      const waitingJobs = await Job.countDocuments({ type, $or: [{ lockedUntil: null }, { lockedUntil: { $lte: new Date() } }] });
      const doc = seen?.documentation ?? null;
      return {
        type,
        builtin: false,
        title: null,
        description: doc ? { 'zh-CN': doc, en: doc } : null,
        taskQueue,
        usedBy: seen?.usedBy ?? [],
        workers,
        lastSeen: newest(workers),
        waitingJobs,
      };
    }),
  );
  return [...builtins, ...externals];
}
