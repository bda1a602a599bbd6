// Audit of cases: the stored chain, its verification (chain, seal in the global ledger, cross-check against Temporal's
// history), the history with its timeline, the replay check and the one-file export.
import type { Client } from '@temporalio/client';
import type { ExecutableModel } from '../engine/model';
import { DomainError, notFound } from '../platform/errors';
import { findInstanceAnywhere } from '../store/instances';
import { sqlAuditChain } from '../store/pgReads';
import { AuditEvent, AuditLedger, AuditLedgerHead, AuditPendingSeal, DefinitionVersion, Instance, InstanceHistory, LEDGER_HEAD_ID } from '../store/models';
import { type CaseExport, exportHashes } from './caseExport';
import { type ChainRow, type ChainVerdict, type LedgerEntry, type LedgerVerdict, verifyChain, verifyLedger } from './chain';
import { crossCheck, type CrossCheck } from './crossCheck';
import { historyFacts, replayedEntries } from './historyFacts';
import { ledgerEnd } from './ledger';
import { type ReplayOutcome, replayHistory } from './replay';
import { fetchAllRuns } from './runs';
import { type AuditSignature, signDocument } from './signing';
import { serverSigningKey } from './signingKey';
import { historyWithoutStackTraces } from './stackTraces';
import { buildTimeline, type TimelineStep } from './timeline';
import type { HistoryJson } from './types';

/** Audit rows per round trip when a chain is read: each batch answers well within the connection's socket timeout. */
const CHAIN_READ_BATCH = 2_000;

type StoredRow = { seq: number; instanceId: string; at: Date; actor: string; kind: string; elementId?: string | null; tokenId?: string | null } & Record<string, unknown>;

/** A stored row as a chain link (ISO dates, absent fields as null). */
export function toChainRow(row: StoredRow): ChainRow {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    seq: row.seq,
    instanceId: row.instanceId,
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    kind: row.kind,
    elementId: row.elementId ?? null,
    tokenId: row.tokenId ?? null,
    definitionVersion: typeof row.definitionVersion === 'number' ? row.definitionVersion : null,
    dataJson: text(row.dataJson),
    dataHash: text(row.dataHash),
    prevHash: text(row.prevHash),
    hash: text(row.hash),
  };
}

/** A ledger document as an entry of the global chain. */
function toLedgerEntry(doc: { _id: number; instanceId: string; street?: string | null; lastSeq: number; headHash: string; closedAt: Date; prevHash: string; hash: string }): LedgerEntry {
  return {
    seq: doc._id,
    instanceId: doc.instanceId,
    street: doc.street ?? null,
    lastSeq: doc.lastSeq,
    headHash: doc.headHash,
    closedAt: new Date(doc.closedAt).toISOString(),
    prevHash: doc.prevHash,
    hash: doc.hash,
  };
}

/** The chain of a case, in seq order. */
export async function chainOf(instanceId: string): Promise<ChainRow[]> {
  // On FerretDB/PostgreSQL by SQL (store/pgReads.ts: several times faster than FerretDB's find), ordered here.
  // Else unsorted, in batches, then ordered here: FerretDB v1 sorts in its own memory and answers a sorted find only
  // after reading every row, which for a long chain outlasts the connection's socket timeout; unsorted it streams.
  const rows = (await sqlAuditChain<StoredRow>(instanceId)) ?? ((await AuditEvent.find({ instanceId }).batchSize(CHAIN_READ_BATCH).lean()) as unknown as StoredRow[]);
  return rows.map(toChainRow).sort((a, b) => a.seq - b.seq);
}

/** The ledger's seal of a closed case (null while it runs, or when it was never sealed). */
export async function sealOf(instanceId: string): Promise<LedgerEntry | null> {
  const doc = await AuditLedger.findOne({ instanceId }).lean();
  return doc ? toLedgerEntry(doc) : null;
}

/** A closed case queued for the ledger sealer, not sealed yet. */
export interface PendingSeal {
  lastSeq: number;
  headHash: string;
  closedAt: string;
}

/** The pending seal of a case that closed moments ago (null once sealed, and for a running case). */
export async function pendingSealOf(instanceId: string): Promise<PendingSeal | null> {
  const doc = await AuditPendingSeal.findById(instanceId).lean();
  return doc ? { lastSeq: doc.lastSeq, headHash: doc.headHash, closedAt: new Date(doc.closedAt).toISOString() } : null;
}

/**
 * The seal and pending seal of a case, read so that a case being sealed right now shows one of them: the sealer
 * writes the ledger entry before it removes the pending seal, so the pending seal is read first.
 */
async function sealsOf(instanceId: string): Promise<{ seal: LedgerEntry | null; pending: PendingSeal | null }> {
  const pending = await pendingSealOf(instanceId);
  const seal = await sealOf(instanceId);
  return { seal, pending: seal ? null : pending };
}

/** An audit row as the API shows it: the link plus its data parsed. */
export function auditRowView(row: ChainRow) {
  let data: unknown = null;
  try {
    data = row.dataJson === null ? null : JSON.parse(row.dataJson);
  } catch {
    data = row.dataJson;
  }
  return { ...row, data };
}

/**
 * A case's history in Temporal's JSON form (failures without their stack traces), every run of a case that continued as
 * new one after the other (audit/runs.ts), or null when Temporal no longer has it (or never had it).
 */
export async function fetchHistoryJson(client: Client, instanceId: string): Promise<HistoryJson | null> {
  try {
    return historyWithoutStackTraces(await fetchAllRuns(client, instanceId));
  } catch (error) {
    const e = error as { name?: string; code?: number };
    if (e.name === 'WorkflowNotFoundError' || e.code === 5) return null;
    throw error;
  }
}

/** The cross-check part of a verification. */
export type CrossCheckReport =
  | ({ status: 'checked' } & CrossCheck)
  | { status: 'unavailable'; ok: true; reason: string }
  | { status: 'replay-failed'; ok: false; reason: string; divergence: ReplayOutcome['divergence'] };

/** The seal part of a verification. */
export interface SealReport {
  /**
   * `sealed`: the ledger holds the closed case's head; `pending`: the case closed and its seal is queued for the ledger
   * sealer (normally sealed within a second; the chain is checked against the queued head meanwhile); `open`: the case
   * runs; `missing`: closed, but neither in the ledger nor queued.
   */
  status: 'sealed' | 'pending' | 'open' | 'missing';
  ok: boolean;
  entry: LedgerEntry | null;
  /** The queued seal, when `pending`. */
  pending?: PendingSeal;
  message?: string;
}

/** The outcome of verifying one case. */
export interface CaseVerification {
  instanceId: string;
  ok: boolean;
  /** The first broken seq of the case's chain (or of the cross-check), null when all is well. */
  firstBrokenSeq: number | null;
  reason: string | null;
  chain: ChainVerdict;
  seal: SealReport;
  crossCheck: CrossCheckReport;
}

/** Cross-checks a chain with the story the history tells when replayed through today's code. */
export async function crossCheckWithHistory(rows: ChainRow[], history: HistoryJson | null): Promise<CrossCheckReport> {
  if (!history) return { status: 'unavailable', ok: true, reason: 'Temporal holds no history for this case (never started, or past retention)' };
  const replay = await replayHistory(history);
  if (!replay.ok) return { status: 'replay-failed', ok: false, reason: replay.divergence?.message ?? 'the replay failed', divergence: replay.divergence };
  const facts = historyFacts(history);
  return { status: 'checked', ...crossCheck(rows, replayedEntries(replay.progress, facts), facts) };
}

/** Checks the seal of a case against its chain's verdict. */
export function sealReport(verdict: ChainVerdict, seal: LedgerEntry | null, pending: PendingSeal | null = null): SealReport {
  if (seal) return { status: 'sealed', ok: true, entry: seal };
  if (pending) return { status: 'pending', ok: true, entry: null, pending, message: `the case closed at ${pending.closedAt}; the ledger sealer has not given it a position yet` };
  if (verdict.closed) return { status: 'missing', ok: false, entry: null, message: 'the case closed, but the global ledger has no seal of it' };
  return { status: 'open', ok: true, entry: null };
}

/**
 * Verifies one case: its chain (hashes, order, no gaps, the seal in the ledger, the summary's progress counter), and,
 * when a Temporal client is given, the cross-check of chain and history. Names the first broken seq and why.
 */
export async function verifyCase(instanceId: string, options: { client?: Client } = {}): Promise<CaseVerification> {
  const [rows, { seal, pending }, summary] = await Promise.all([chainOf(instanceId), sealsOf(instanceId), findInstanceAnywhere(instanceId)]);
  const chain = verifyChain(instanceId, rows, { seal: seal ?? (pending && { ...pending, pending: true }), progressSeq: summary?.progressSeq ?? null });
  const sealed = sealReport(chain, seal, pending);
  const client = options.client;
  let cross: CrossCheckReport = client
    ? await crossCheckWithHistory(rows, await fetchHistoryJson(client, instanceId))
    : { status: 'unavailable', ok: true, reason: 'not checked (no Temporal connection)' };
  if (client && !cross.ok && !chain.closed) {
    // A running case may be between writing its rows and Temporal recording that write: look once more.
    await new Promise((resolve) => setTimeout(resolve, 500));
    cross = await crossCheckWithHistory(await chainOf(instanceId), await fetchHistoryJson(client, instanceId));
  }
  const crossSeq = cross.status === 'checked' && cross.difference ? cross.difference.seq : null;
  const firstBrokenSeq = chain.broken?.seq ?? (!sealed.ok ? chain.lastSeq : null) ?? crossSeq;
  const reason = chain.broken
    ? `${chain.broken.reason}: ${chain.broken.message}`
    : !sealed.ok
      ? `seal-missing: ${sealed.message}`
      : cross.status === 'checked' && cross.difference
        ? `history-differs: ${cross.difference.message}`
        : cross.status === 'replay-failed'
          ? `replay-failed: ${cross.reason}`
          : null;
  return { instanceId, ok: chain.ok && sealed.ok && cross.ok, firstBrokenSeq, reason, chain, seal: sealed, crossCheck: cross };
}

/** One problem found by verifying everything. */
export interface Finding {
  instanceId: string | null;
  seq: number | null;
  ledgerSeq?: number;
  reason: string;
}

/** The outcome of verifying every case and the global ledger. */
export interface FullVerification {
  ok: boolean;
  cases: number;
  /** Closed cases whose seal is still queued for the ledger sealer (their chains were checked against it). */
  pendingSeals: number;
  ledger: LedgerVerdict;
  findings: Finding[];
}

/**
 * Verifies the whole store: every case's chain, the global ledger (so a case deleted with its seal breaks the
 * ledger), every sealed case still present with the sealed head, and every summary's rows present.
 */
export async function verifyAll(): Promise<FullVerification> {
  // Pending seals first: the sealer writes a case's ledger entry before it removes the pending seal.
  const pendingDocs = await AuditPendingSeal.find({}).lean();
  const [rows, ledgerDocs, head, hotSummaries, closedSummaries] = await Promise.all([
    AuditEvent.find({}).sort({ instanceId: 1, seq: 1 }).lean(),
    AuditLedger.find({}).sort({ _id: 1 }).lean(),
    AuditLedgerHead.findById(LEDGER_HEAD_ID).lean(),
    Instance.find({}, { progressSeq: 1 }).lean(),
    InstanceHistory.find({}, { progressSeq: 1 }).lean(),
  ]);
  const byCase = new Map<string, ChainRow[]>();
  for (const row of rows) {
    const link = toChainRow(row as unknown as StoredRow);
    byCase.set(link.instanceId, [...(byCase.get(link.instanceId) ?? []), link]);
  }
  const ledgerEntries = ledgerDocs.map(toLedgerEntry);
  const ledger = verifyLedger(ledgerEntries, head ? { seq: head.seq, hash: head.hash } : null);
  const findings: Finding[] = [];
  if (ledger.broken) findings.push({ instanceId: ledger.broken.instanceId, seq: null, ledgerSeq: ledger.broken.ledgerSeq, reason: `ledger ${ledger.broken.reason}: ${ledger.broken.message}` });
  const seals = new Map(ledgerEntries.map((e) => [e.instanceId, e]));
  const pendings = new Map(pendingDocs.filter((d) => !seals.has(d._id)).map((d) => [d._id, { lastSeq: d.lastSeq, headHash: d.headHash, closedAt: new Date(d.closedAt).toISOString() }]));
  // A case in both collections (a move half done) counts as the history's row.
  const progress = new Map([...hotSummaries, ...closedSummaries].map((s) => [s._id, s.progressSeq ?? 0]));
  const ids = new Set([...byCase.keys(), ...seals.keys(), ...pendings.keys(), ...[...progress].filter(([, p]) => p > 0).map(([id]) => id)]);
  for (const id of [...ids].sort()) {
    const seal = seals.get(id) ?? null;
    const pending = pendings.get(id) ?? null;
    const verdict = verifyChain(id, byCase.get(id) ?? [], { seal: seal ?? (pending && { ...pending, pending: true }), progressSeq: progress.get(id) ?? null });
    if (verdict.broken) {
      findings.push({ instanceId: id, seq: verdict.broken.seq, ...(seal ? { ledgerSeq: seal.seq } : {}), reason: `${verdict.broken.reason}: ${verdict.broken.message}` });
    } else if (!sealReport(verdict, seal, pending).ok) {
      findings.push({ instanceId: id, seq: verdict.lastSeq, reason: 'seal-missing: the case closed, but the global ledger has no seal of it' });
    }
  }
  return { ok: findings.length === 0, cases: ids.size, pendingSeals: pendings.size, ledger, findings };
}

/** A case's Temporal history and the timeline of business steps derived from it. */
export interface CaseHistory {
  instanceId: string;
  /** The Temporal event history (Temporal's JSON form). */
  history: HistoryJson;
  /** Business steps: derived by replaying the history through the workflow code, with the data the history holds. */
  timeline: TimelineStep[];
  /** Whether the replay matched the history (the timeline is complete only when it did). */
  replay: { ok: boolean; divergence?: ReplayOutcome['divergence'] };
}

/** Builds the timeline of a history (replaying it through today's code to get its audit entries). */
export async function timelineOf(history: HistoryJson, replay?: ReplayOutcome): Promise<{ timeline: TimelineStep[]; replay: ReplayOutcome }> {
  const outcome = replay ?? (await replayHistory(history));
  const facts = historyFacts(history);
  return { timeline: buildTimeline(replayedEntries(outcome.progress, facts).entries, facts), replay: outcome };
}

async function requireHistory(client: Client, instanceId: string): Promise<HistoryJson> {
  const history = await fetchHistoryJson(client, instanceId);
  if (!history) throw new DomainError('not-found', 'history-not-found', `Temporal holds no history for case ${instanceId} (past retention?)`);
  return history;
}

/** GET /instances/:id/history. */
export async function caseHistory(client: Client, instanceId: string): Promise<CaseHistory> {
  const history = await requireHistory(client, instanceId);
  const { timeline, replay } = await timelineOf(history);
  return { instanceId, history, timeline, replay: { ok: replay.ok, ...(replay.divergence ? { divergence: replay.divergence } : {}) } };
}

/** The outcome of POST /instances/:id/replay-check. */
export interface ReplayCheck {
  instanceId: string;
  ok: boolean;
  events: number;
  divergence?: ReplayOutcome['divergence'];
}

/** Replays the case's history through the current workflow bundle. */
export async function replayCheck(client: Client, instanceId: string): Promise<ReplayCheck> {
  const outcome = await replayHistory(await requireHistory(client, instanceId));
  return { instanceId, ok: outcome.ok, events: outcome.events, ...(outcome.divergence ? { divergence: outcome.divergence } : {}) };
}

/** The seal of a case; for a case that has just closed, waits up to `waitMs` for the ledger sealer to seal it. */
async function sealOnceSealed(instanceId: string, waitMs = 5000): Promise<LedgerEntry | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { seal, pending } = await sealsOf(instanceId);
    if (seal || !pending || Date.now() > deadline) return seal;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** GET /instances/:id/export. */
export async function exportCase(client: Client, instanceId: string): Promise<CaseExport> {
  const history = await requireHistory(client, instanceId);
  const facts = historyFacts(history);
  const { key, version } = facts.input.definition;
  const [definition, audit, seal] = await Promise.all([DefinitionVersion.findOne({ key, version }).lean(), chainOf(instanceId), sealOnceSealed(instanceId)]);
  if (!definition) throw notFound(`definition ${key} version ${version}`);
  const parts = {
    definition: {
      key,
      version,
      name: definition.name ?? null,
      sha256: definition.sha256,
      xml: definition.xml,
      model: JSON.parse(definition.modelJson) as ExecutableModel,
    },
    history,
    audit,
  };
  const unsigned = { format: 'sparrow.case-export' as const, formatVersion: 2 as const, exportedAt: new Date().toISOString(), instanceId, ...parts, seal, hashes: exportHashes(parts) };
  return signDocument(unsigned, await serverSigningKey());
}

/** A signed statement of where the global ledger ends, for anchoring outside the database (publish it, e.g. daily). */
export interface LedgerHeadStatement {
  format: 'sparrow.ledger-head';
  /** The ledger position of the last sealed case (0 while nothing is sealed). */
  position: number;
  /** That entry's hash (64 zeros while nothing is sealed). */
  hash: string;
  /** When the server read the head. */
  at: string;
  signature: AuditSignature;
}

/** GET /audit/ledger/head: the ledger's end (walked forward past a head document that lags), signed with the server's key. */
export async function signedLedgerHead(): Promise<LedgerHeadStatement> {
  const end = await ledgerEnd();
  return signDocument({ format: 'sparrow.ledger-head' as const, position: end.seq, hash: end.hash, at: new Date().toISOString() }, await serverSigningKey());
}
