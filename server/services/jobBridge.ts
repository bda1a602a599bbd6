// Fetches jobs of external types from Temporal for REST job workers: while workers wait for a type, one long poll at a
// time runs on its task queue with the server's client connection. A poll is never cancelled (it may have matched a
// task): a worker whose wait ends first gets what it has, and a task arriving later is handed to the next worker
// waiting, or stored unlocked for the next activation.
import os from 'node:os';
import type { Client } from '@temporalio/client';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import type { ExternalJobInput } from '../../contracts/activities';
import type { Logger } from '../../platform/logger';
import type { JobDoc } from '../../store/models';

/** A job as one poll of the task queue delivered it: the attempt's task token, its input and when it times out. */
export interface PolledJob {
  type: string;
  taskToken: Uint8Array;
  input: ExternalJobInput;
  attempt: number;
  /** When Temporal times this attempt out (start-to-close); null: never. */
  attemptDeadline: Date | null;
}

/** Who asks for jobs: the account, the worker name it gives, and how long it wants to hold a job (ms). */
export interface JobHolder {
  username: string;
  worker: string;
  lockMs: number;
}

/** A worker waiting for a job of its type; the bridge `claim`s it (its wait can no longer time out), then calls `take`. */
interface Waiter {
  type: string;
  holder: JobHolder;
  claim(): void;
  take(job: JobDoc | null, error?: unknown): void;
}

/** Stores a polled job and answers its row: locked for `holder` when a worker waits for it, else unlocked. */
export type StorePolledJob = (job: PolledJob, holder: JobHolder | null) => Promise<JobDoc>;

/** How long one long poll of a task queue may take before the client gives up on it (ms). */
const POLL_DEADLINE_MS = 70_000;
/** The gRPC status of a call past its deadline: an empty poll. */
const GRPC_DEADLINE_EXCEEDED = 4;

/** The identity the bridge polls with, as Temporal lists pollers (the job type registry recognises it). */
export const REST_BRIDGE_IDENTITY_PREFIX = 'sparrow-rest-jobs@';

const isJobInput = (value: unknown): value is ExternalJobInput => {
  const v = value as Partial<ExternalJobInput> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.jobKey === 'string' && typeof v.instanceId === 'string' && typeof v.elementId === 'string' &&
    typeof v.bpmnProcessId === 'string' && typeof v.elementInstanceId === 'string' && typeof v.retries === 'number'
  );
};

/** The bridges of this process, so a stopping server (or test) ends their polls before closing the connection. */
const liveBridges = new Set<JobBridge>();

/** Ends the polls of every bridge of this process and waits for them (server stop, test teardown). */
export async function stopJobBridges(): Promise<void> {
  await Promise.all([...liveBridges].map((bridge) => bridge.stop()));
}

/** One bridge per server process: polls task queues for waiting workers and hands them what arrives. */
export class JobBridge {
  private readonly polling = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly waiters = new Map<string, Waiter[]>();
  /** The identity this process polls with. */
  readonly identity = `${REST_BRIDGE_IDENTITY_PREFIX}${os.hostname()}:${process.pid}`;

  constructor(
    private readonly client: Client,
    private readonly store: StorePolledJob,
    private readonly log: Pick<Logger, 'warn'>,
  ) {
    liveBridges.add(this);
  }

  /**
   * Stops polling: the only time a poll is cancelled, since the connection is about to close (a task Temporal matched
   * to it in that instant runs again when its attempt times out). Waiting workers get the cancellation as an error.
   */
  async stop(): Promise<void> {
    liveBridges.delete(this);
    this.stopping.abort();
    await Promise.all(this.polling.values());
  }

  /**
   * Waits up to `timeoutMs` for one job of `type` from `queue` (stored locked for the caller before it is handed over);
   * null when none came in time. A poll runs at least once even when `timeoutMs` is 0.
   */
  waitForJob(queue: string, type: string, holder: JobHolder, timeoutMs: number): Promise<JobDoc | null> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        type,
        holder,
        claim: () => clearTimeout(timer),
        take: (job, error) => {
          if (timer) clearTimeout(timer);
          if (error !== undefined) reject(error);
          else resolve(job);
        },
      };
      if (timeoutMs > 0) {
        const list = this.waiters.get(queue) ?? [];
        list.push(waiter);
        this.waiters.set(queue, list);
        timer = setTimeout(() => {
          this.remove(queue, waiter);
          resolve(null);
        }, timeoutMs);
      }
      this.ensurePolling(queue);
      if (timeoutMs <= 0) resolve(null);
    });
  }

  private remove(queue: string, waiter: Waiter): void {
    const list = this.waiters.get(queue)?.filter((w) => w !== waiter) ?? [];
    if (list.length > 0) this.waiters.set(queue, list);
    else this.waiters.delete(queue);
  }

  private ensurePolling(queue: string): void {
    if (this.polling.has(queue)) return;
    if (this.stopping.signal.aborted) {
      for (const w of this.waiters.get(queue) ?? []) w.take(null, new Error('the server is stopping'));
      this.waiters.delete(queue);
      return;
    }
    this.polling.set(
      queue,
      this.pollWhileWanted(queue).finally(() => this.polling.delete(queue)),
    );
  }

  /** Polls once, then again as long as workers wait; a poll error is handed to the waiting workers and ends the loop. */
  private async pollWhileWanted(queue: string): Promise<void> {
    do {
      let answer: temporal.api.workflowservice.v1.IPollActivityTaskQueueResponse;
      try {
        // Temporal answers an empty poll after about a minute; the deadline, as the SDK's workers set it, is past that
        answer = await this.client.connection.withAbortSignal(this.stopping.signal, () =>
          this.client.connection.withDeadline(Date.now() + POLL_DEADLINE_MS, () =>
            this.client.workflowService.pollActivityTaskQueue({
              namespace: this.client.options.namespace,
              taskQueue: { name: queue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
              identity: this.identity,
            }),
          ),
        );
      } catch (error) {
        if ((error as { code?: unknown }).code === GRPC_DEADLINE_EXCEEDED) continue;
        const waiting = this.waiters.get(queue) ?? [];
        this.waiters.delete(queue);
        for (const w of waiting) w.take(null, error);
        if (waiting.length === 0 && !this.stopping.signal.aborted) this.log.warn({ err: error, queue }, 'polling a job task queue failed');
        return;
      }
      if (answer.taskToken && answer.taskToken.length > 0) await this.deliver(queue, answer);
    } while (this.waiters.has(queue));
  }

  private async deliver(queue: string, answer: temporal.api.workflowservice.v1.IPollActivityTaskQueueResponse): Promise<void> {
    const taskToken = answer.taskToken as Uint8Array;
    const type = answer.activityType?.name ?? '';
    const input = await decodeFromPayloadsAtIndex<unknown>(this.client.options.loadedDataConverter, 0, answer.input?.payloads).catch(() => undefined);
    if (!isJobInput(input)) {
      await this.client.activity
        .fail(taskToken, new Error(`the REST job API cannot run activity ${type} of task queue ${queue}: its input is not a Sparrow job`))
        .catch((error: unknown) => this.log.warn({ err: error, queue, type }, 'could not fail a task with a foreign input'));
      return;
    }
    const started = optionalTsToMs(answer.startedTime) ?? Date.now();
    const timeout = optionalTsToMs(answer.startToCloseTimeout);
    const job: PolledJob = { type, taskToken, input, attempt: answer.attempt ?? 1, attemptDeadline: timeout ? new Date(started + timeout) : null };
    // a waiter still listed has not timed out (its timer takes it off the list); once claimed it never will, so a job
    // stored locked for it always reaches it
    const waiter = this.waiters.get(queue)?.find((w) => w.type === type);
    if (waiter) {
      this.remove(queue, waiter);
      waiter.claim();
    }
    try {
      const row = await this.store(job, waiter?.holder ?? null);
      waiter?.take(row);
    } catch (error) {
      // Temporal times the attempt out and runs it again; the worker that waited gets nothing this time
      this.log.warn({ err: error, queue, jobKey: input.jobKey }, 'could not store a job fetched from Temporal');
      waiter?.take(null);
    }
  }
}
