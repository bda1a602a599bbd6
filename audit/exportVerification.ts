// Offline verification of a case export (GET /instances/:id/export): its hashes, the server's signature, the audit
// chain and seal, the history replayed through today's workflow code with no server, the cross-check of chain and
// history (steps and the data each payload of the history gives), and the timeline. Used by `npm run replay -- case.json`.
import type { KeyObject } from 'node:crypto';
import { type CaseExport, exportHashes } from './caseExport';
import { type ChainVerdict, ledgerHash, verifyChain } from './chain';
import { crossCheck, type CrossCheck } from './crossCheck';
import { historyFacts, replayedEntries } from './historyFacts';
import { type ReplayOutcome, replayHistory } from './replay';
import { canonicalSha256 } from './sha256';
import { type SignatureCheck, verifyDocument } from './signing';
import { buildTimeline, type TimelineStep } from './timeline';

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
