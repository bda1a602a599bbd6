// The writes of a case, in order: read-model writes and batched audit entries (recordProgress), on one promise chain.
import type { CaseSummary } from '../contracts/activities';
import type { AuditEntry } from '../contracts/caseData';

/** A batch of audit entries, numbered from `firstSeq`, and the summary after them. */
export interface ProgressBatch {
  firstSeq: number;
  entries: AuditEntry[];
  summary: CaseSummary;
}

/** Batches audit entries and runs every write of the case one after the other. */
export class ProgressWriter {
  /** The number of audit entries recorded so far (the seq of the last one). */
  private auditSeq: number;
  /** Audit entries not yet written, numbered from `pendingFrom`. */
  private pending: AuditEntry[] = [];
  private pendingFrom: number;
  private writes: Promise<void> = Promise.resolve();
  /** Groups of writes queued and not done yet. */
  private running = 0;

  /** `writeBatch` writes one batch (the recordProgress local activity); `recordedBefore`: entries the case's earlier runs recorded. */
  constructor(
    private readonly writeBatch: (batch: ProgressBatch) => Promise<void>,
    recordedBefore = 0,
  ) {
    this.auditSeq = recordedBefore;
    this.pendingFrom = recordedBefore + 1;
  }

  /** The number of audit entries numbered so far (the seq of the last one). */
  get seq(): number {
    return this.auditSeq;
  }

  /** Whether no write is queued or running. */
  get idle(): boolean {
    return this.running === 0;
  }

  /** Writes the pending entries, if any, with `summary`; resolves once every write queued so far is done. */
  flush(summary: CaseSummary): Promise<void> {
    return this.pending.length === 0 ? this.writes : this.record([], [], true, summary);
  }

  /** Resolves once every write queued so far is done. */
  get settled(): Promise<void> {
    return this.writes;
  }

  /**
   * Queues audit entries and read-model writes, in order, behind the writes before them; with `flush` (or once 50
   * entries are pending) the pending entries and the summary are written after the read-model writes.
   */
  record(audit: AuditEntry[], ordered: Array<() => Promise<void>>, flush: boolean, summary: CaseSummary): Promise<void> {
    this.auditSeq += audit.length;
    this.pending.push(...audit);
    if (flush || this.pending.length >= 50) {
      const entries = this.pending;
      const firstSeq = this.pendingFrom;
      this.pending = [];
      this.pendingFrom = this.auditSeq + 1;
      ordered.push(() => this.writeBatch({ firstSeq, entries, summary }));
    }
    // Steps with nothing to write (a chain of service tasks) leave the chain alone: every promise a workflow creates
    // costs the SDK a stack-trace capture, which is most of the interpreter's CPU per step.
    if (ordered.length === 0) return this.writes;
    this.running += 1;
    this.writes = this.writes.then(async () => {
      try {
        for (const write of ordered) await write();
      } finally {
        this.running -= 1;
      }
    });
    return this.writes;
  }
}
