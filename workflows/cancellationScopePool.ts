// The cancellation scopes of a case's jobs and timers: one per running job or timer, keyed by its wait id, reused.
import { CancellationScope } from '@temporalio/workflow';

/** Runs jobs and timers each in a cancellation scope of its own, so one can be cancelled by its wait id. */
export class CancellationScopePool {
  private readonly running = new Map<string, CancellationScope>();
  /**
   * Scopes whose job or timer ended without being cancelled, for the next ones: a new scope costs the SDK three
   * promises (each a stack-trace capture). A scope serves one job or timer at a time, so cancelling it cancels only that one.
   */
  private readonly idle: CancellationScope[] = [];

  /** Runs `work` in a scope of its own (cancel(waitId) cancels it), then hands on its outcome. */
  run<T>(waitId: string, work: () => Promise<T>, done: (value: T) => void, failed: (error: unknown) => void): void {
    const scope = this.idle.pop() ?? new CancellationScope();
    this.running.set(waitId, scope);
    const release = () => {
      this.running.delete(waitId);
      if (!scope.consideredCancelled) this.idle.push(scope);
    };
    scope.run(work).then(
      (value) => {
        release();
        done(value);
      },
      (error) => {
        release();
        failed(error);
      },
    );
  }

  /** The wait ids of the jobs and timers running now. */
  runningWaits(): string[] {
    return [...this.running.keys()];
  }

  /** Cancels the job or timer running for this wait, if any. */
  cancel(waitId: string): void {
    this.running.get(waitId)?.cancel();
  }
}
