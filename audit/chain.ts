// The audit hash chain, as pure functions shared by the activity that appends it, the API and the CLIs:
// hash = sha256(prevHash + RFC 8785 canonical JSON of the record without `hash`), one chain per case, and a
// global chain (the ledger) of the head hashes of closed cases.
// Hashing uses Node's native sha256 (platform/sha256) over RFC 8785 canonical JSON: the engine's non-recursive writer,
// with two faster writers of the same text for what verification hashes per row (recordJson: the fixed record of
// scalars; parsedJson: data parsed from JSON text), which fall back to the engine's writer for anything else.
import { endsCase } from '../contracts/auditKinds';
import type { AuditEntry } from '../contracts/caseData';
import { canonicalJson } from '../engine/hash';
import { sha256Hex } from '../platform/sha256';

/** The prevHash of a chain's first link. */
export const GENESIS_HASH = '0'.repeat(64);

/** One link of a case's chain, as stored (dates as ISO strings here). */
export interface ChainRow {
  seq: number;
  instanceId: string;
  at: string;
  actor: string;
  kind: string;
  elementId: string | null;
  tokenId: string | null;
  definitionVersion: number | null;
  /** The entry's data as JSON text (the chain holds its hash). */
  dataJson: string | null;
  dataHash: string | null;
  prevHash: string | null;
  hash: string | null;
}

/** What is hashed: the row without `hash` and without the data text (its hash stands for it). */
export function chainRecord(row: ChainRow) {
  return {
    seq: row.seq,
    instanceId: row.instanceId,
    at: row.at,
    actor: row.actor,
    kind: row.kind,
    elementId: row.elementId,
    tokenId: row.tokenId,
    definitionVersion: row.definitionVersion,
    dataHash: row.dataHash,
    prevHash: row.prevHash,
  };
}

/** A value canonical JSON writes as JSON.stringify does: a string, null, or a finite number. */
const isScalar = (v: unknown): v is string | number | null => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/**
 * canonicalJson(chainRecord(row)), written directly: the record's keys in RFC 8785 order (UTF-16 code units), each
 * scalar value as JSON.stringify writes it. A row holding anything else (a changed row may) goes through canonicalJson.
 */
export function recordJson(row: ChainRow): string {
  const { actor, at, dataHash, definitionVersion, elementId, instanceId, kind, prevHash, seq, tokenId } = row;
  if (![actor, at, dataHash, definitionVersion, elementId, instanceId, kind, prevHash, seq, tokenId].every(isScalar)) return canonicalJson(chainRecord(row));
  const j = JSON.stringify;
  return `{"actor":${j(actor)},"at":${j(at)},"dataHash":${j(dataHash)},"definitionVersion":${j(definitionVersion)},"elementId":${j(elementId)},"instanceId":${j(instanceId)},"kind":${j(kind)},"prevHash":${j(prevHash)},"seq":${j(seq)},"tokenId":${j(tokenId)}}`;
}

/** Nesting beyond which parsedJson hands over to the non-recursive writer (no deep recursion on hostile data). */
const PARSED_DEPTH = 64;

/**
 * canonicalJson of a value JSON.parse returned (plain objects, arrays, strings, finite numbers, booleans, null; a
 * number too large for a double parses as Infinity, which canonical JSON refuses: this throws as canonicalJson does).
 */
export function parsedJson(value: unknown, depth = 0): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Non-finite number (${value}) is not permitted in JSON (RFC 8785 §3.2.2.3)`);
    return JSON.stringify(value);
  }
  if (depth >= PARSED_DEPTH) return canonicalJson(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i ? ',' : '') + parsedJson(value[i], depth + 1);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  out = '{';
  for (let i = 0; i < keys.length; i += 1) out += `${i ? ',' : ''}${JSON.stringify(keys[i])}:${parsedJson(object[keys[i]], depth + 1)}`;
  return `${out}}`;
}

/** The hash of a link: sha256(prevHash + canonical JSON of its record). */
export function linkHash(row: ChainRow): string {
  return sha256Hex(`${row.prevHash ?? ''}${recordJson(row)}`);
}

/** The hash of a row's data text (the data of an entry without data is null). */
export function dataHashOf(dataJson: string | null): string {
  // Parsed JSON text is plain JSON, so its canonical form always exists (what jsonSha256 of the value gives).
  return sha256Hex(dataJson === null ? 'null' : parsedJson(JSON.parse(dataJson)));
}

/** Builds the links for `entries`, numbered from `firstSeq` and chained to `prevHash`. */
export function buildChain(
  instanceId: string,
  definitionVersion: number,
  firstSeq: number,
  entries: AuditEntry[],
  prevHash: string,
): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = prevHash;
  entries.forEach((entry, i) => {
    const dataJson = entry.data ? JSON.stringify(entry.data) : null;
    const row: ChainRow = {
      seq: firstSeq + i,
      instanceId,
      at: new Date(entry.at).toISOString(),
      actor: entry.actor,
      kind: entry.kind,
      elementId: entry.elementId ?? null,
      tokenId: entry.tokenId ?? null,
      definitionVersion,
      dataJson,
      dataHash: dataHashOf(dataJson),
      prevHash: prev,
      hash: null,
    };
    row.hash = linkHash(row);
    prev = row.hash;
    rows.push(row);
  });
  return rows;
}

/** Why a chain is broken at a seq. */
export type BreakReason =
  /** a seq is missing (a row was deleted) */
  | 'missing-row'
  /** two rows claim the same seq, or a row belongs to another case */
  | 'duplicate-row'
  /** the data text does not hash to dataHash (the data was changed) */
  | 'data-changed'
  /** the row's content does not hash to its hash (a field was changed, or the row was moved to another seq) */
  | 'hash-mismatch'
  /** prevHash is not the previous row's hash (rows reordered, or a row replaced) */
  | 'chain-broken'
  /** the row has no hash (written before the chain existed) */
  | 'unchained'
  /** rows that the case recorded are missing at the end */
  | 'truncated'
  /** rows after the case closed */
  | 'rows-after-close'
  /** the ledger's head hash for the closed case differs from the chain's */
  | 'seal-mismatch'
  /** the ledger holds the case but its rows are gone */
  | 'case-deleted';

/** The first place a chain is broken. */
export interface ChainBreak {
  seq: number;
  reason: BreakReason;
  message: string;
}

/** The outcome of checking one case's chain. */
export interface ChainVerdict {
  ok: boolean;
  /** Rows checked. */
  rows: number;
  /** The hash of the last row (null when there are none). */
  headHash: string | null;
  lastSeq: number;
  /** Whether the last row closes the case. */
  closed: boolean;
  broken?: ChainBreak;
}

/** What else is known about how long the chain must be. */
export interface ChainExpectations {
  /** The ledger's seal of the case, when it has one, or its pending seal (`pending`: closed, not in the ledger yet). */
  seal?: { lastSeq: number; headHash: string; pending?: boolean } | null;
  /** The last seq the case's summary says was written (the activity's progress counter). */
  progressSeq?: number | null;
}

const broken = (rows: number, headHash: string | null, lastSeq: number, closed: boolean, brk: ChainBreak): ChainVerdict => ({
  ok: false,
  rows,
  headHash,
  lastSeq,
  closed,
  broken: brk,
});

/**
 * Checks a case's rows (in any order): numbered 1..n without gaps, each row's data and content hashing to what it
 * claims, each linked to the previous one; then the seal (a closed case's head hash in the ledger) and the progress
 * counter, which catch rows deleted at the end. Reports the first broken seq and why.
 */
export function verifyChain(instanceId: string, input: ChainRow[], expect: ChainExpectations = {}): ChainVerdict {
  const rows = [...input].sort((a, b) => a.seq - b.seq);
  let prev = GENESIS_HASH;
  let closedAt = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    const seq = i + 1;
    const head = i === 0 ? null : rows[i - 1].hash;
    const stop = (brk: ChainBreak) => broken(i, head, i, closedAt > 0, brk);
    if (row.seq > seq) return stop({ seq, reason: 'missing-row', message: `row ${seq} is missing (the next row is ${row.seq})` });
    if (row.seq < seq || row.instanceId !== instanceId) {
      return stop({ seq: row.seq, reason: 'duplicate-row', message: `more than one row claims seq ${row.seq}` });
    }
    if (closedAt) return stop({ seq, reason: 'rows-after-close', message: `row ${seq} follows row ${closedAt}, which closed the case` });
    if (!row.hash || !row.prevHash || !row.dataHash) return stop({ seq, reason: 'unchained', message: `row ${seq} has no hash (written before the audit chain)` });
    if (dataHashOfSafe(row.dataJson) !== row.dataHash) return stop({ seq, reason: 'data-changed', message: `the data of row ${seq} does not match its dataHash` });
    if (linkHash(row) !== row.hash) return stop({ seq, reason: 'hash-mismatch', message: `row ${seq} does not match its hash (a field was changed or the row was moved)` });
    if (row.prevHash !== prev) {
      return stop({ seq, reason: 'chain-broken', message: `row ${seq} does not follow row ${seq - 1}: its prevHash is not that row's hash (rows reordered or replaced)` });
    }
    prev = row.hash;
    if (endsCase(row.kind)) closedAt = seq;
  }
  const n = rows.length;
  const headHash = n ? (rows[n - 1].hash as string) : null;
  const closed = closedAt > 0;
  const seal = expect.seal;
  if (seal) {
    const by = seal.pending ? 'the pending seal' : 'the ledger';
    if (n === 0) return broken(0, null, 0, false, { seq: 1, reason: 'case-deleted', message: `${by} sealed this case at row ${seal.lastSeq}, but its rows are gone` });
    if (n < seal.lastSeq) return broken(n, headHash, n, closed, { seq: n + 1, reason: 'truncated', message: `rows ${n + 1}..${seal.lastSeq} are missing (${by} sealed the case at row ${seal.lastSeq})` });
    if (n > seal.lastSeq) return broken(n, headHash, n, closed, { seq: seal.lastSeq + 1, reason: 'rows-after-close', message: `rows after ${seal.lastSeq}, where ${by} sealed the case` });
    if (seal.headHash !== headHash) return broken(n, headHash, n, closed, { seq: n, reason: 'seal-mismatch', message: `${by}'s head hash for the case differs from row ${n}'s hash` });
  }
  if (expect.progressSeq && n < expect.progressSeq) {
    return broken(n, headHash, n, closed, { seq: n + 1, reason: 'truncated', message: `rows ${n + 1}..${expect.progressSeq} are missing (the case summary says ${expect.progressSeq} were written)` });
  }
  return { ok: true, rows: n, headHash, lastSeq: n, closed };
}

function dataHashOfSafe(dataJson: string | null): string | null {
  try {
    return dataHashOf(dataJson);
  } catch {
    return null;
  }
}

/** One entry of the global chain: a closed case and its head hash. */
export interface LedgerEntry {
  seq: number;
  instanceId: string;
  street: string | null;
  lastSeq: number;
  headHash: string;
  closedAt: string;
  prevHash: string;
  hash: string;
}

/** The hash of a ledger entry: sha256(prevHash + canonical JSON of the entry without `hash`). */
export function ledgerHash(entry: Omit<LedgerEntry, 'hash'>): string {
  const { seq, instanceId, street, lastSeq, headHash, closedAt, prevHash } = entry;
  return sha256Hex(`${prevHash}${canonicalJson({ seq, instanceId, street, lastSeq, headHash, closedAt, prevHash })}`);
}

/** The first place the global chain is broken. */
export interface LedgerBreak {
  ledgerSeq: number;
  instanceId: string | null;
  reason: 'missing-entry' | 'hash-mismatch' | 'chain-broken' | 'duplicate-case' | 'truncated';
  message: string;
}

/** The outcome of checking the global chain. */
export interface LedgerVerdict {
  ok: boolean;
  entries: number;
  headHash: string;
  broken?: LedgerBreak;
}

/** Checks the global chain: positions 1..n without gaps, each entry hashing right and linked to the previous one, and the head not past the end. */
export function verifyLedger(input: LedgerEntry[], head?: { seq: number; hash: string } | null): LedgerVerdict {
  const entries = [...input].sort((a, b) => a.seq - b.seq);
  let prev = GENESIS_HASH;
  const seen = new Set<string>();
  for (let i = 0; i < entries.length; i += 1) {
    const e = entries[i];
    const seq = i + 1;
    const stop = (brk: LedgerBreak): LedgerVerdict => ({ ok: false, entries: i, headHash: prev, broken: brk });
    if (e.seq !== seq) return stop({ ledgerSeq: seq, instanceId: null, reason: 'missing-entry', message: `ledger entry ${seq} is missing (a sealed case was removed from the ledger)` });
    if (ledgerHash(e) !== e.hash) return stop({ ledgerSeq: seq, instanceId: e.instanceId, reason: 'hash-mismatch', message: `ledger entry ${seq} (${e.instanceId}) does not match its hash` });
    if (e.prevHash !== prev) return stop({ ledgerSeq: seq, instanceId: e.instanceId, reason: 'chain-broken', message: `ledger entry ${seq} does not follow entry ${seq - 1}` });
    if (seen.has(e.instanceId)) return stop({ ledgerSeq: seq, instanceId: e.instanceId, reason: 'duplicate-case', message: `${e.instanceId} is sealed twice` });
    seen.add(e.instanceId);
    prev = e.hash;
  }
  if (head && head.seq > entries.length) {
    return {
      ok: false,
      entries: entries.length,
      headHash: prev,
      broken: { ledgerSeq: entries.length + 1, instanceId: null, reason: 'truncated', message: `ledger entries ${entries.length + 1}..${head.seq} are missing (the head says ${head.seq})` },
    };
  }
  return { ok: true, entries: entries.length, headHash: prev };
}
