// Offline verification of a case export (GET /instances/:id/export): its hashes, the server's signature, the audit
// chain and seal, the history replayed through today's workflow code with no server, the cross-check of chain and
// history (steps and the data each payload of the history gives), and the timeline. Used by `npm run replay -- case.json`.
import type { KeyObject } from 'node:crypto';
import type { CaseExport } from './service';
import { exportHashes } from './service';
import { canonicalSha256 } from './canonical';
import { type ChainVerdict, ledgerHash, verifyChain } from './chain';
import { type ReplayOutcome, replayHistory } from './replay';
import { type SignatureCheck, verifyDocument } from './signing';
import { buildTimeline, crossCheck, type CrossCheck, historyFacts, replayedEntries, type TimelineStep } from './timeline';

/** One check of an export and its outcome. */
export interface ExportCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** Everything `npm run replay` reports. */
export interface ExportVerification {
  ok: boolean;
  instanceId: string;
  checks: ExportCheck[];
  chain: ChainVerdict;
  replay: ReplayOutcome;
  crossCheck: CrossCheck;
  timeline: TimelineStep[];
  /** The signature check; null for an unsigned legacy export (formatVersion 1). */
  signature: SignatureCheck | null;
}

/** Reads and shape-checks an export file's JSON. */
export function parseExport(json: unknown): CaseExport {
  const e = json as Partial<CaseExport>;
  if (e?.format !== 'sparrow.case-export' || (e.formatVersion !== 1 && e.formatVersion !== 2)) throw new Error('not a Sparrow case export (format sparrow.case-export, version 1 or 2)');
  if (!e.instanceId || !e.definition || !e.history?.events || !Array.isArray(e.audit) || !e.hashes) throw new Error('the export lacks instanceId, definition, history, audit or hashes');
  return e as CaseExport;
}

/** The signature check of an export: format 2 must be signed (by `publicKey` when given); format 1 predates signing. */
function signatureOf(exported: CaseExport, publicKey: KeyObject | undefined): { check: ExportCheck; result: SignatureCheck | null } {
  const name = 'signature';
  if (exported.formatVersion === 1 && !exported.signature) {
    const detail = 'UNSIGNED legacy export (format 1, written before exports were signed): its parts agree with each other, but nothing proves it came from the server';
    return { check: { name, ok: !publicKey, detail: publicKey ? `${detail}; a public key was given, so a signature is required` : detail }, result: null };
  }
  const result = verifyDocument(exported, publicKey);
  return { check: { name, ok: result.ok, detail: result.message }, result };
}

/**
 * Verifies an export offline: no database, no Temporal server. With `publicKey` (the server's, from
 * GET /api/audit/signing-key) the export must be signed by that key; without it, the signature is checked against the
 * key the export carries, which proves only that the file was not changed after someone signed it.
 */
export async function verifyExport(exported: CaseExport, options: { workflowsPath?: string; publicKey?: KeyObject } = {}): Promise<ExportVerification> {
  const checks: ExportCheck[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const signature = signatureOf(exported, options.publicKey);
  checks.push(signature.check);

  const computed = exportHashes(exported);
  for (const part of ['xml', 'model', 'history', 'audit'] as const) {
    check(`hash of ${part}`, computed[part] === exported.hashes[part], computed[part] === exported.hashes[part] ? computed[part] : `declared ${exported.hashes[part]}, computed ${computed[part]}`);
  }
  check('model is the deployed version', computed.model === exported.definition.sha256, `definition sha256 ${exported.definition.sha256}`);
  const facts = historyFacts(exported.history);
  const started = facts.input;
  const startedModel = canonicalSha256(started.model);
  const sameModel = startedModel === computed.model && started.definition.version === exported.definition.version && started.definition.key === exported.definition.key;
  check('history ran this definition version', sameModel, `${started.definition.key} v${started.definition.version}, model ${startedModel.slice(0, 12)}…`);
  check('history is this case', facts.workflowId === exported.instanceId, facts.workflowId);

  const seal = exported.seal;
  if (seal) {
    const sealOk = ledgerHash(seal) === seal.hash && seal.instanceId === exported.instanceId;
    check('seal (global ledger entry)', sealOk, sealOk ? `ledger #${seal.seq}, head ${seal.headHash.slice(0, 12)}… at row ${seal.lastSeq}` : 'the seal does not match its hash or names another case');
  }
  const chain = verifyChain(exported.instanceId, exported.audit, { seal });
  check('audit chain', chain.ok, chain.ok ? `${chain.rows} rows, head ${chain.headHash?.slice(0, 12)}…` : `broken at seq ${chain.broken?.seq}: ${chain.broken?.message}`);

  const replay = await replayHistory(exported.history, options);
  check(
    'replay through the current workflow code',
    replay.ok,
    replay.ok ? `${replay.events} events replayed` : `diverges at event ${replay.divergence?.eventId ?? '?'} (${replay.divergence?.eventType ?? replay.divergence?.kind}): ${replay.divergence?.message}`,
  );
  const replayed = replayedEntries(replay.progress, facts);
  const cross = crossCheck(exported.audit, replayed, facts);
  check('timeline and audit chain agree', cross.ok, cross.ok ? `${cross.compared} steps compared (kind, element, token, actor, time, and the data the history's payloads give)` : (cross.difference?.message ?? 'differ'));
  const timeline = buildTimeline(replayed.entries, facts);
  return { ok: checks.every((c) => c.ok), instanceId: exported.instanceId, checks, chain, replay, crossCheck: cross, timeline, signature: signature.result };
}

/** Columns a character takes in a terminal: CJK and full-width forms take two. */
const columns = (ch: string) => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1);

/** `value` cut or padded to `width` terminal columns. */
function cell(value: unknown, width: number): string {
  const text = value === null || value === undefined ? '' : String(value);
  let out = '';
  let used = 0;
  const chars = [...text];
  const total = chars.reduce((n, ch) => n + columns(ch), 0);
  for (const ch of chars) {
    if (total > width && used + columns(ch) > width - 1) {
      out += '…';
      used += 1;
      break;
    }
    out += ch;
    used += columns(ch);
  }
  return out + ' '.repeat(Math.max(0, width - used));
}

/** A short text for a step's data: submitted form fields, job results, messages, incidents. */
function dataSummary(step: TimelineStep): string {
  const d = step.data;
  const parts: string[] = [];
  if (d.cancelReason) parts.push(`reason ${JSON.stringify(d.cancelReason)}`);
  if (step.elementKind === 'case' && d.variables) parts.push(`variables ${JSON.stringify(d.variables)}`);
  if (d.submitted) parts.push(`submitted ${JSON.stringify(d.submitted)}`);
  if (d.message) parts.push(`message ${JSON.stringify(d.message)}`);
  for (const inc of (d.incidents as Array<{ message?: string; resolvedBy?: string }> | undefined) ?? []) {
    parts.push(`incident "${inc.message}"${inc.resolvedBy ? ` resolved by ${inc.resolvedBy}` : ''}`);
  }
  for (const job of (d.jobs as Array<{ outcome: string; result?: unknown; failure?: string }> | undefined) ?? []) {
    parts.push(job.outcome === 'completed' ? `job ${JSON.stringify(job.result)}` : `job ${job.outcome}: ${job.failure ?? ''}`);
  }
  if (d.timerFiredAt) parts.push('timer fired');
  return parts.join('; ');
}

/** The timeline as a text table: step, element, kind, actor, start, end, status, data (in full). */
export function timelineTable(steps: TimelineStep[]): string {
  const header = ['#', 'element', 'kind', 'actor', 'started', 'ended', 'status', 'data'];
  // the last column (data) is not cut
  const widths = [3, 28, 17, 12, 24, 24, 9, 40];
  const line = (values: unknown[]) => values.map((v, i) => (i === widths.length - 1 ? String(v) : cell(v, widths[i]))).join(' | ').trimEnd();
  const rows = steps.map((s) =>
    line([
      s.index,
      s.elementId ? `${s.elementId}${s.elementName ? ` (${s.elementName})` : ''}` : `case${s.elementName ? ` (${s.elementName})` : ''}`,
      s.elementKind,
      s.actor ?? s.startedBy,
      s.startedAt,
      s.endedAt ?? '',
      s.status,
      dataSummary(s),
    ]),
  );
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows].join('\n');
}
