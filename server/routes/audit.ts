// Audit routes: a case's hash-chained audit log and its verification, the Temporal history with its timeline, the
// replay check and the signed one-file export; the server's signing key and the signed head of the global ledger. All
// read-only (verify and replay-check are POSTs because they compute, not because they change anything), street-scoped
// like the case routes: an out-of-scope id answers 404. No answer carries a stack trace.
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { inScope, instanceScope, type Principal, seesWholeStreet } from '../auth/principal';
import { HttpProblem, notFound } from '../http/problem';
import { type AnyRoute, route } from '../http/route';
import { idParam } from '../http/schemas';
import type { Role } from '../../store/models';
import { AuditLedger } from '../../store/models/auditEvent';
import { Instance } from '../../store/models/instance';
import { auditRowView, caseHistory, chainOf, exportCase, replayCheck, sealOf, signedLedgerHead, verifyCase } from '../../audit/service';
import { serverSigningKey } from '../../audit/signingKey';

/** Who may read and check the audit of the cases of their streets. */
export const AUDIT_READERS: readonly Role[] = ['street-commander', 'process-owner', 'auditor', 'admin'];

/**
 * The case must be visible to the caller: its summary in the caller's scope, or, for a case whose summary is gone,
 * its seal in the global ledger in the caller's streets (so a deleted case can still be shown to be deleted).
 */
async function auditableCase(user: Principal, id: string): Promise<void> {
  if (await Instance.exists({ _id: id, ...instanceScope(user) })) return;
  if (!(await Instance.exists({ _id: id }))) {
    const seal = await AuditLedger.findOne({ instanceId: id }, { street: 1 }).lean();
    if (seal && seesWholeStreet(user) && inScope(user, seal.street)) return;
  }
  throw notFound(`case ${id}`);
}

/** Who may read the signed head of the global ledger (it spans every street). */
export const LEDGER_READERS: readonly Role[] = ['auditor', 'admin'];

/**
 * Runs an audit computation; data stored before variables were bounded can be nested deeper than a recursive step
 * (JSON.stringify) takes: that is a 422 naming the cause, not a 500.
 */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RangeError) {
      throw new HttpProblem(422, 'audit-data-too-deep', 'Unprocessable Content', 'the case\'s recorded data is nested too deeply to be processed (a limit of the JavaScript runtime); its chain can still be read with GET …/audit');
    }
    throw error;
  }
}

/** The export's download name: `<case id>.audit.json`, every run of characters other than letters, digits, `.`, `_`, `-` as `_`. */
export const exportFileName = (id: string) => `${id.replace(/[^\w.-]+/g, '_')}.audit.json`;

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const auditRow = z.object({
  seq: z.number().int(),
  instanceId: z.string(),
  at: z.string(),
  actor: z.string(),
  kind: z.string(),
  elementId: z.string().nullable(),
  tokenId: z.string().nullable(),
  definitionVersion: z.number().int().nullable(),
  dataJson: z.string().nullable().describe('the data as stored (JSON text); the chain holds its hash'),
  data: z.unknown().describe('dataJson parsed'),
  dataHash: hash.nullable(),
  prevHash: hash.nullable(),
  hash: hash.nullable(),
});
const ledgerEntry = z.object({
  seq: z.number().int().describe('position in the global chain'),
  instanceId: z.string(),
  street: z.string().nullable(),
  lastSeq: z.number().int(),
  headHash: hash,
  closedAt: z.string(),
  prevHash: hash,
  hash,
});
/** The answer of an audit route (its type is the designer's too). */
export const auditView = z.object({ instanceId: z.string(), rows: z.array(auditRow), seal: ledgerEntry.nullable() });
const breakView = z.object({ seq: z.number().int(), reason: z.string(), message: z.string() });
const divergence = z.object({ eventId: z.number().int().nullable(), eventType: z.string().nullable(), kind: z.enum(['nondeterminism', 'failure']), message: z.string() });
/** The answer of an audit route (its type is the designer's too). */
export const verificationView = z.object({
  instanceId: z.string(),
  ok: z.boolean(),
  firstBrokenSeq: z.number().int().nullable().describe('the first broken seq of the chain, or where chain and history first differ'),
  reason: z.string().nullable(),
  chain: z.object({ ok: z.boolean(), rows: z.number().int(), headHash: hash.nullable(), lastSeq: z.number().int(), closed: z.boolean(), broken: breakView.optional() }),
  seal: z
    .object({ status: z.enum(['sealed', 'pending', 'open', 'missing']), ok: z.boolean(), entry: ledgerEntry.nullable(), message: z.string().optional() })
    .loose()
    .describe('pending: the case closed and its head hash is queued for the ledger sealer, which has not given it a position yet'),
  crossCheck: z
    .object({ status: z.enum(['checked', 'unavailable', 'replay-failed']), ok: z.boolean() })
    .loose()
    .describe('the timeline replayed from the Temporal history against the chain: same steps, order, actors and times'),
});
const timelineStep = z
  .object({
    index: z.number().int(),
    elementId: z.string().nullable(),
    elementName: z.string().nullable(),
    elementKind: z.string(),
    tokenId: z.string().nullable(),
    startedBy: z.string(),
    actor: z.string().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    status: z.enum(['completed', 'active', 'incident', 'cancelled']),
    data: z.record(z.string(), z.unknown()),
    auditSeqs: z.array(z.number().int()),
  })
  .describe('one business step: the case, or one run of one element');
/** The answer of an audit route (its type is the designer's too). */
export const historyView = z.object({
  instanceId: z.string(),
  history: z.object({ events: z.array(z.record(z.string(), z.unknown())) }).describe('the Temporal event history (Temporal\'s JSON form)'),
  timeline: z.array(timelineStep),
  replay: z.object({ ok: z.boolean(), divergence: divergence.optional() }),
});
/** The answer of an audit route (its type is the designer's too). */
export const replayView = z.object({ instanceId: z.string(), ok: z.boolean(), events: z.number().int(), divergence: divergence.optional() });
const signature = z
  .object({
    algorithm: z.literal('Ed25519'),
    keyId: hash.describe('sha256 of the public key (SPKI DER)'),
    publicKey: z.string().describe('the signer\'s public key, SPKI PEM'),
    value: z.string().describe('base64 Ed25519 signature of the RFC 8785 canonical JSON of the document without `signature`'),
  })
  .describe('compare keyId with GET /api/audit/signing-key: the embedded key alone proves integrity, not origin');
const signingKeyView = z.object({ algorithm: z.literal('Ed25519'), keyId: hash, publicKey: z.string().describe('SPKI PEM') });
const ledgerHeadView = z.object({
  format: z.literal('sparrow.ledger-head'),
  position: z.number().int().describe('the ledger position of the last sealed case (0: none yet)'),
  hash: hash.describe('that ledger entry\'s hash'),
  at: z.string().describe('when the server read the head'),
  signature,
});
const exportView = z
  .object({
    format: z.literal('sparrow.case-export'),
    formatVersion: z.literal(2),
    exportedAt: z.string(),
    instanceId: z.string(),
    definition: z.object({ key: z.string(), version: z.number().int(), name: z.string().nullable(), sha256: hash, xml: z.string(), model: z.record(z.string(), z.unknown()) }),
    history: z.object({ events: z.array(z.record(z.string(), z.unknown())) }),
    audit: z.array(auditRow.omit({ data: true })),
    seal: ledgerEntry.nullable(),
    hashes: z.object({ xml: hash, model: hash, history: hash, audit: hash, headHash: hash.nullable() }),
    signature,
  })
  .describe('verify and replay it offline with `npm run replay -- case.json --public-key <the key of GET /api/audit/signing-key>`');

/** The audit routes. */
export function auditRoutes(client: Client): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/instances/:id/audit',
      summary: 'The case\'s hash-chained audit log, in seq order, and its seal in the global ledger once closed',
      tag: 'audit',
      access: AUDIT_READERS,
      params: idParam,
      responses: { 200: { description: 'the audit chain', schema: auditView } },
      problems: [404],
      handler: async ({ params, user }) => {
        await auditableCase(user, params.id);
        const [rows, seal] = await Promise.all([chainOf(params.id), sealOf(params.id)]);
        return { instanceId: params.id, rows: rows.map(auditRowView), seal };
      },
    }),
    route({
      method: 'post',
      path: '/instances/:id/audit/verify',
      summary: 'Verifies the audit chain (hashes, order, gaps, the seal in the global ledger) and cross-checks it with the Temporal history; names the first broken seq',
      tag: 'audit',
      access: AUDIT_READERS,
      params: idParam,
      responses: { 200: { description: 'the verification (ok false names the first broken seq and why)', schema: verificationView } },
      problems: [404, 422],
      handler: async ({ params, user }) => {
        await auditableCase(user, params.id);
        return guarded(() => verifyCase(params.id, { client }));
      },
    }),
    route({
      method: 'get',
      path: '/instances/:id/history',
      summary: 'The case\'s Temporal event history and the timeline of business steps derived from it (element, actor, start/end, data)',
      tag: 'audit',
      access: AUDIT_READERS,
      params: idParam,
      responses: { 200: { description: 'history and timeline', schema: historyView } },
      problems: [404, 422],
      handler: async ({ params, user }) => {
        await auditableCase(user, params.id);
        return guarded(() => caseHistory(client, params.id));
      },
    }),
    route({
      method: 'post',
      path: '/instances/:id/replay-check',
      summary: 'Replays the case\'s history through the current workflow code; ok, or the first diverging event',
      tag: 'audit',
      access: AUDIT_READERS,
      params: idParam,
      responses: { 200: { description: 'the replay outcome', schema: replayView } },
      problems: [404, 422],
      handler: async ({ params, user }) => {
        await auditableCase(user, params.id);
        return guarded(() => replayCheck(client, params.id));
      },
    }),
    route({
      method: 'get',
      path: '/instances/:id/export',
      summary: 'One JSON file with the definition version (XML and model), the Temporal history, the audit chain, their hashes and the server\'s Ed25519 signature',
      tag: 'audit',
      access: AUDIT_READERS,
      params: idParam,
      responses: { 200: { description: 'the case export (a download)', schema: exportView } },
      problems: [404, 422],
      handler: async ({ params, user, res }) => {
        await auditableCase(user, params.id);
        const exported = await guarded(() => exportCase(client, params.id));
        res.attachment(exportFileName(params.id));
        return exported;
      },
    }),
    route({
      method: 'get',
      path: '/audit/signing-key',
      summary: 'The public key the server signs case exports and ledger head statements with (Ed25519); `npm run replay -- case.json --public-key <this>` proves an export came from this server',
      tag: 'audit',
      access: 'public',
      responses: { 200: { description: 'the public key', schema: signingKeyView } },
      handler: async () => {
        const key = await serverSigningKey();
        return { algorithm: 'Ed25519', keyId: key.keyId, publicKey: key.publicKeyPem };
      },
    }),
    route({
      method: 'get',
      path: '/audit/ledger/head',
      summary: 'The end of the global audit ledger (position and hash of the last sealed case), signed: publish it outside the database so removing the newest seals becomes detectable',
      tag: 'audit',
      access: LEDGER_READERS,
      responses: { 200: { description: 'the signed ledger head', schema: ledgerHeadView } },
      handler: () => signedLedgerHead(),
    }),
  ];
}
