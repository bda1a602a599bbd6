// The audit of a case as the API answers it: the chain and its seal, the verification, the history with its timeline,
// the replay check, the signed export and the signed ledger head.
import { z } from 'zod';

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
/** The case's audit chain and its seal. */
/** How a case's chain links to its calling case's and to the chains of the child cases its call activities started. */
const chainLinks = z.object({
  parent: z.object({ instanceId: z.string(), elementId: z.string() }).nullable(),
  children: z.array(
    z.object({
      instanceId: z.string(),
      elementId: z.string(),
      recordedHead: z.object({ lastSeq: z.number().int(), hash: z.string() }).nullable().describe("the child's final chain head as this case recorded it"),
      matches: z.boolean().nullable().describe("whether the child's chain ends with exactly that head (null: the child has not completed)"),
    }),
  ),
});
export const auditView = z.object({ instanceId: z.string(), rows: z.array(auditRow), seal: ledgerEntry.nullable(), links: chainLinks });
const breakView = z.object({ seq: z.number().int(), reason: z.string(), message: z.string() });
const divergence = z.object({ eventId: z.number().int().nullable(), eventType: z.string().nullable(), kind: z.enum(['nondeterminism', 'failure']), message: z.string() });
/** The chain's verification with the cross-check against the Temporal history. */
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
/** The Temporal history and the timeline of business steps. */
export const historyView = z.object({
  instanceId: z.string(),
  history: z.object({ events: z.array(z.record(z.string(), z.unknown())) }).describe('the Temporal event history (Temporal\'s JSON form)'),
  timeline: z.array(timelineStep),
  replay: z.object({ ok: z.boolean(), divergence: divergence.optional() }),
});
/** The outcome of replaying the history through today's workflow code. */
export const replayView = z.object({ instanceId: z.string(), ok: z.boolean(), events: z.number().int(), divergence: divergence.optional() });
const signature = z
  .object({
    algorithm: z.literal('Ed25519'),
    keyId: hash.describe('sha256 of the public key (SPKI DER)'),
    publicKey: z.string().describe('the signer\'s public key, SPKI PEM'),
    value: z.string().describe('base64 Ed25519 signature of the RFC 8785 canonical JSON of the document without `signature`'),
  })
  .describe('compare keyId with GET /api/audit/signing-key: the embedded key alone proves integrity, not origin');
/** The server's signing key. */
export const signingKeyView = z.object({ algorithm: z.literal('Ed25519'), keyId: hash, publicKey: z.string().describe('SPKI PEM') });
/** The signed head of the global ledger. */
export const ledgerHeadView = z.object({
  format: z.literal('sparrow.ledger-head'),
  position: z.number().int().describe('the ledger position of the last sealed case (0: none yet)'),
  hash: hash.describe('that ledger entry\'s hash'),
  at: z.string().describe('when the server read the head'),
  signature,
});
/** A case's signed one-file export. */
export const exportView = z
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
