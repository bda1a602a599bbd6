// Types the audit files share: a Temporal history in its JSON form, and the audit entries a replay of it captures.
import type { RecordProgressInput } from '../contracts/activities';
import type { AuditEntry } from '../contracts/caseData';

/** One event of a history in Temporal's JSON form (proto3 JSON: ids as strings, times as RFC 3339). */
export type HistoryEventJson = Record<string, unknown> & { eventId: string; eventTime: string; eventType: string };

/** A history in Temporal's JSON form, as `historyToJSON` writes it and `tctl`/the UI download it. */
export interface HistoryJson {
  events: HistoryEventJson[];
}

/** One recordProgress call captured while the history replayed. */
export interface CapturedProgress {
  /** The local activity's key: its seq in its run (as in its completion marker), made unique across runs by localActivityKey (audit/runs.ts). */
  activitySeq: number;
  input: RecordProgressInput;
}

/** An audit entry with its place in the chain. */
export type NumberedEntry = AuditEntry & { seq: number };
