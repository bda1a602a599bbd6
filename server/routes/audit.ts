// Audit routes: a case's hash-chained audit log and its verification, the Temporal history with its timeline, the
// replay check and the signed one-file export; the server's signing key and the signed head of the global ledger. All
// read-only (verify and replay-check are POSTs because they compute, not because they change anything), street-scoped
// like the case routes: an out-of-scope id answers 404. No answer carries a stack trace.
import type { Client } from '@temporalio/client';
import { inScope, instanceScope, type Principal, seesWholeStreet } from '../auth/principal';
import { type AnyRoute, route } from '../http/route';
import { auditView, exportView, historyView, ledgerHeadView, replayView, signingKeyView, verificationView } from '../../contracts/api/audit';
import { idParam } from '../../contracts/api/common';
import { AUDIT_READERS, LEDGER_READERS } from '../../contracts/roles';
import { notFound, unprocessable } from '../../platform/errors';
import { instanceExistsAnywhere } from '../../store/instances';
import { AuditLedger } from '../../store/models';
import { auditRowView, caseHistory, chainOf, exportCase, replayCheck, sealOf, signedLedgerHead, verifyCase } from '../../audit/service';
import { chainLinksOf } from '../../audit/childChains';
import { serverSigningKey } from '../../audit/signingKey';

/**
 * The case must be visible to the caller: its summary in the caller's scope, or, for a case whose summary is gone,
 * its seal in the global ledger in the caller's streets (so a deleted case can still be shown to be deleted).
 */
async function auditableCase(user: Principal, id: string): Promise<void> {
  if (await instanceExistsAnywhere({ _id: id, ...instanceScope(user) })) return;
  if (!(await instanceExistsAnywhere({ _id: id }))) {
    const seal = await AuditLedger.findOne({ instanceId: id }, { street: 1 }).lean();
    if (seal && seesWholeStreet(user) && inScope(user, seal.street)) return;
  }
  throw notFound(`case ${id}`);
}

/**
 * Runs an audit computation; data stored before variables were bounded can be nested deeper than a recursive step
 * (JSON.stringify) takes: that is a 422 naming the cause, not a 500.
 */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RangeError) {
      throw unprocessable('audit-data-too-deep', 'the case\'s recorded data is nested too deeply to be processed (a limit of the JavaScript runtime); its chain can still be read with GET …/audit');
    }
    throw error;
  }
}

/** The export's download name: `<case id>.audit.json`, every run of characters other than letters, digits, `.`, `_`, `-` as `_`. */
export const exportFileName = (id: string) => `${id.replace(/[^\w.-]+/g, '_')}.audit.json`;

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
        return { instanceId: params.id, rows: rows.map(auditRowView), seal, links: await chainLinksOf(params.id, rows) };
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
