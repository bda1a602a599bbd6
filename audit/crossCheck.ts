// The cross-check of a case's stored audit chain against the story its Temporal history tells when replayed: the
// same entries, in the same order, by the same actors, at the same times, with the same data. Pure; shared by the API
// and the offline CLI.
import type { AuditEntry } from '../contracts/caseData';
import { type ChainRow, dataHashOf } from './chain';
import type { AcceptedUpdate, HistoryFacts } from './historyFacts';
import type { NumberedEntry } from './types';

/** Where the stored chain and the story replayed from the history first differ. */
export interface CrossCheckDifference {
  seq: number;
  field: 'kind' | 'elementId' | 'tokenId' | 'actor' | 'at' | 'data' | 'missing-in-chain' | 'missing-in-history';
  chain: unknown;
  history: unknown;
  /** The history event whose payload the differing data comes from, when one event holds it (an update's acceptance, the start). */
  historyEventId?: number;
  message: string;
}

/** The cross-check of the audit chain against the history: the same steps, in the same order, by the same actors, at the same times, with the same data. */
export interface CrossCheck {
  ok: boolean;
  /** Rows compared one by one. */
  compared: number;
  chainRows: number;
  historyEntries: number;
  /** Entries the replayed workflow produced whose write the history does not yet confirm (a running case's write in flight). */
  pending: number;
  difference?: CrossCheckDifference;
}

const FIELDS = ['kind', 'elementId', 'tokenId', 'actor', 'at'] as const;

/** The dataHash a row written for `entry` holds (as buildChain computes it), or null when its data cannot be hashed. */
function entryDataHash(entry: AuditEntry): string | null {
  try {
    return dataHashOf(entry.data ? JSON.stringify(entry.data) : null);
  } catch {
    return null;
  }
}

/** The hash of a stored row's data text, or null when it is not JSON. */
function rowDataHash(row: ChainRow): string | null {
  try {
    return dataHashOf(row.dataJson);
  } catch {
    return null;
  }
}

/** Which payload of the history an entry's data was computed from, for a message that names it. */
function payloadSource(entry: NumberedEntry, facts: Pick<HistoryFacts, 'updates'> | undefined): { text: string; eventId?: number } {
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const update = (name: string, match: (u: AcceptedUpdate) => boolean) => facts?.updates.find((u) => u.name === name && match(u));
  const at = (u: AcceptedUpdate | undefined, text: string) => (u ? { text: `${text} (history event ${u.eventId})`, eventId: u.eventId } : { text });
  switch (entry.kind) {
    case 'instance.started':
      return { text: 'the start variables (history event 1)', eventId: 1 };
    case 'task.completed':
      return at(update('completeTask', (u) => u.request.taskId === data.taskId), `the form submitted for task ${String(data.taskId)}`);
    case 'task.claimed':
    case 'task.unclaimed':
    case 'task.assigned':
      return { text: `the ${entry.kind.slice(5, -2)} of task ${String(data.taskId)}` };
    case 'message.correlated':
      return { text: 'the message payload' };
    case 'incident.raised':
      return { text: 'the job failure' };
    case 'incident.resolved':
      return at(update('resolveIncident', (u) => u.request.incidentId === data.incidentId), `the resolution of incident ${String(data.incidentId)}`);
    case 'instance.cancelled':
      return at(update('cancel', () => true), 'the cancellation');
    case 'variables.set':
      return at(update('setVariables', (u) => u.request.reason === data.reason), `the variables ${Array.isArray(data.names) ? data.names.join(', ') : ''} set by ${entry.actor}`);
    case 'variables.changed':
      return { text: `the values that set ${Array.isArray(data.names) ? data.names.join(', ') : 'variables'} (a form, job result or message)` };
    default:
      return { text: 'the step' };
  }
}

/**
 * Compares the stored chain with the entries replayed from the history, seq by seq: kind, element, token, actor, time
 * and data. The data of a replayed entry is computed from the history's payloads (the hash of a submitted form, of a
 * message's variables, each changed variable's new value from a job result …), so a payload changed in the history,
 * or a row's data changed in the chain, shows as a `data` difference at that seq. Every entry whose write the
 * history confirms must be in the chain, and the chain may hold nothing the history does not. `facts` (the same
 * history's) only lets a difference name the history event it comes from.
 */
export function crossCheck(rows: ChainRow[], replayed: { entries: NumberedEntry[]; recorded: number }, facts?: Pick<HistoryFacts, 'updates'>): CrossCheck {
  const chain = [...rows].sort((a, b) => a.seq - b.seq);
  const history = replayed.entries;
  const base = { chainRows: chain.length, historyEntries: history.length, pending: Math.max(0, history.length - Math.max(chain.length, replayed.recorded)) };
  const n = Math.min(chain.length, history.length);
  for (let i = 0; i < n; i += 1) {
    const row = chain[i];
    const entry = history[i];
    const expected = { kind: entry.kind, elementId: entry.elementId ?? null, tokenId: entry.tokenId ?? null, actor: entry.actor, at: new Date(entry.at).toISOString() };
    const actual = { kind: row.kind, elementId: row.elementId ?? null, tokenId: row.tokenId ?? null, actor: row.actor, at: new Date(row.at).toISOString() };
    if (row.seq !== entry.seq) {
      return { ok: false, compared: i, ...base, difference: { seq: entry.seq, field: 'missing-in-chain', chain: null, history: expected, message: `the history has step ${entry.seq} (${entry.kind}), the chain does not` } };
    }
    for (const field of FIELDS) {
      if (actual[field] !== expected[field]) {
        return {
          ok: false,
          compared: i,
          ...base,
          difference: { seq: row.seq, field, chain: actual[field], history: expected[field], message: `step ${row.seq}: the chain says ${field} ${JSON.stringify(actual[field])}, the history ${JSON.stringify(expected[field])}` },
        };
      }
    }
    const chainData = rowDataHash(row);
    const historyData = entryDataHash(entry);
    if (chainData === null || chainData !== historyData) {
      const source = payloadSource(entry, facts);
      return {
        ok: false,
        compared: i,
        ...base,
        difference: {
          seq: row.seq,
          field: 'data',
          chain: chainData,
          history: historyData,
          ...(source.eventId !== undefined ? { historyEventId: source.eventId } : {}),
          message: `step ${row.seq} (${row.kind}${row.elementId ? ` at ${row.elementId}` : ''}): the chain's data does not match ${source.text} in the history (one of them was changed)`,
        },
      };
    }
  }
  if (chain.length > history.length) {
    const row = chain[history.length];
    return { ok: false, compared: n, ...base, difference: { seq: row.seq, field: 'missing-in-history', chain: row.kind, history: null, message: `the chain has step ${row.seq} (${row.kind}), the history does not` } };
  }
  if (chain.length < replayed.recorded) {
    const entry = history[chain.length];
    return {
      ok: false,
      compared: n,
      ...base,
      difference: { seq: entry.seq, field: 'missing-in-chain', chain: null, history: entry.kind, message: `the history recorded steps up to ${replayed.recorded}, the chain ends at ${chain.length}` },
    };
  }
  return { ok: true, compared: n, ...base };
}
