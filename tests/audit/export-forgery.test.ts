// Forging an export offline (issue 10, defect 6): the history's payloads are bound to the chain's rows, so a form
// submission changed in the history (hashes recomputed, as an attacker would) or a row's data changed in the chain is
// refused by `npm run replay`'s verifier, naming the step; and an export forged consistently throughout and re-signed
// with another key is refused once the server's public key is given. No server: the committed exports and the replay.
import fs from 'node:fs';
import path from 'node:path';
import { exportHashes, type CaseExport, parseExport } from '../../audit/caseExport';
import { buildChain, GENESIS_HASH, ledgerHash } from '../../audit/chain';
import { verifyExport } from '../../audit/exportVerification';
import { historyFacts, replayedEntries } from '../../audit/historyFacts';
import { replayHistory } from '../../audit/replay';
import { generateSigningKey, readPublicKey, type SigningKey, signDocument } from '../../audit/signing';
import type { HistoryEventJson } from '../../audit/types';

const EXPORTS = path.join(__dirname, 'exports');
const HANDLED = fs.readdirSync(EXPORTS).filter((f) => f.startsWith('audit-case-handled.')).sort().pop() as string;

const readExport = (name = HANDLED) => parseExport(JSON.parse(fs.readFileSync(path.join(EXPORTS, name), 'utf8')));

/** The export as the server signed it, and the server's key: a recorded signed export as is, a legacy one signed here by a stand-in server key. */
function serverSigned(): { exported: CaseExport; serverKey: ReturnType<typeof readPublicKey> } {
  const exported = readExport();
  if (exported.signature) return { exported, serverKey: readPublicKey(exported.signature.publicKey) };
  const stand = generateSigningKey();
  const { signature: _none, ...unsigned } = exported;
  return { exported: signDocument(unsigned, stand), serverKey: stand.publicKey };
}

/** The accepted completeTask update of `elementId`'s task in the history, and its decoded request. */
function completion(exported: CaseExport, elementId: string) {
  const event = exported.history.events.find((e) => {
    const input = (e.workflowExecutionUpdateAcceptedEventAttributes as { acceptedRequest?: { input?: { name?: string; args?: { payloads: Array<{ data: string }> } } } } | undefined)?.acceptedRequest?.input;
    return input?.name === 'completeTask' && String(JSON.parse(Buffer.from(input.args?.payloads[0].data ?? '', 'base64').toString('utf8')).taskId).includes(`/${elementId}/`);
  }) as HistoryEventJson;
  const payload = (event.workflowExecutionUpdateAcceptedEventAttributes as { acceptedRequest: { input: { args: { payloads: Array<{ data: string }> } } } }).acceptedRequest.input.args.payloads[0];
  const request = JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8')) as { taskId: string; variables: Record<string, unknown>; actor: string };
  return { eventId: Number(event.eventId), request, write: (next: typeof request) => (payload.data = Buffer.from(JSON.stringify(next), 'utf8').toString('base64')) };
}

/** What an attacker does after editing the history: recompute the declared hashes, and re-sign with their own key. */
function rehash(exported: CaseExport, attacker?: SigningKey): CaseExport {
  const { signature: _old, ...rest } = { ...exported, hashes: exportHashes(exported) };
  return attacker ? signDocument(rest, attacker) : rest;
}

const failed = (checks: Array<{ name: string; ok: boolean; detail: string }>) => checks.filter((c) => !c.ok);

describe('a forged case export', () => {
  it('should refuse a form submission changed in the history with recomputed hashes, naming the step and the history event', async () => {
    // given the handled case's export with what wang submitted for Register changed, hashes recomputed, re-signed
    const { exported } = serverSigned();
    const register = completion(exported, 'Register');
    register.write({ ...register.request, variables: { ...register.request.variables, note: '无违规，不予处理' } });
    const forged = rehash(exported, generateSigningKey());
    const row = forged.audit.find((r) => r.kind === 'task.completed' && r.elementId === 'Register');
    if (!row) throw new Error('the export has no Register completion');

    // when npm run replay's verifier checks it
    const verified = await verifyExport(forged);

    // then every part hashes as declared and the chain itself is intact, but the submission does not match the chain's row
    expect(verified.ok).toBe(false);
    expect(failed(verified.checks)).toEqual([
      {
        name: 'timeline and audit chain agree',
        ok: false,
        detail: `step ${row.seq} (task.completed at Register): the chain's data does not match the form submitted for task ${register.request.taskId} (history event ${register.eventId}) in the history (one of them was changed)`,
      },
    ]);
    expect(verified.crossCheck.difference).toMatchObject({ seq: row.seq, field: 'data', historyEventId: register.eventId });
  }, 120_000);

  it('should refuse a chain whose row data was rewritten consistently (hashes, links, seal) without the history', async () => {
    // given the export with the Handle completion's recorded data changed and every hash after it recomputed
    const { exported } = serverSigned();
    const rows = exported.audit;
    const at = rows.findIndex((r) => r.kind === 'task.completed' && r.elementId === 'Handle');
    const data = JSON.parse(rows[at].dataJson as string) as Record<string, unknown>;
    const entries = rows.map((r, i) => ({
      at: r.at,
      actor: r.actor,
      kind: r.kind as never,
      elementId: r.elementId ?? undefined,
      tokenId: r.tokenId ?? undefined,
      data: i === at ? { ...data, variablesHash: 'f'.repeat(64) } : r.dataJson ? JSON.parse(r.dataJson) : undefined,
    }));
    exported.audit = buildChain(exported.instanceId, exported.definition.version, 1, entries, GENESIS_HASH);
    const head = exported.audit[exported.audit.length - 1];
    const seal = exported.seal as NonNullable<CaseExport['seal']>;
    exported.seal = { ...seal, headHash: head.hash as string, hash: ledgerHash({ ...seal, headHash: head.hash as string }) };
    const forged = rehash(exported, generateSigningKey());

    // when it is verified, then the chain and seal hold, and the cross-check names the rewritten step
    const verified = await verifyExport(forged);
    expect(verified.chain.ok).toBe(true);
    expect(failed(verified.checks).map((c) => c.name)).toEqual(['timeline and audit chain agree']);
    expect(verified.crossCheck.difference).toMatchObject({ seq: rows[at].seq, field: 'data' });
  }, 120_000);

  it('should refuse an export forged consistently throughout and re-signed with another key, once the server\'s public key is given', async () => {
    // given the export signed by the server, and a forgery of it: the submission changed, the chain rebuilt from the
    // forged history as the workflow code writes it, the seal and hashes recomputed, signed with the attacker's key
    const { exported, serverKey } = serverSigned();
    expect((await verifyExport(exported, { publicKey: serverKey })).ok).toBe(true);
    const register = completion(exported, 'Register');
    register.write({ ...register.request, variables: { ...register.request.variables, location: '八角南路 3 号' } });
    const replayed = replayedEntries((await replayHistory(exported.history)).progress, historyFacts(exported.history));
    exported.audit = buildChain(exported.instanceId, exported.definition.version, 1, replayed.entries, GENESIS_HASH);
    const head = exported.audit[exported.audit.length - 1];
    const seal = exported.seal as NonNullable<CaseExport['seal']>;
    exported.seal = { ...seal, lastSeq: head.seq, headHash: head.hash as string, hash: ledgerHash({ ...seal, lastSeq: head.seq, headHash: head.hash as string }) };
    const attacker = generateSigningKey();
    const forged = rehash(exported, attacker);

    // when npm run replay's verifier checks it against the server's key
    const verified = await verifyExport(forged, { publicKey: serverKey });

    // then the signature is refused (all else agrees: that is what the signature is for)
    expect(verified.ok).toBe(false);
    expect(failed(verified.checks)).toEqual([{ name: 'signature', ok: false, detail: expect.stringContaining(`it names key ${attacker.keyId}, not the given key`) }]);

    // and without a key it verifies only against the key it carries, which the verifier says proves integrity, not origin
    const unkeyed = await verifyExport(forged);
    expect(unkeyed.signature).toMatchObject({ ok: true, against: 'embedded-key', keyId: attacker.keyId });
    expect(unkeyed.checks.find((c) => c.name === 'signature')?.detail).toMatch(/proves integrity only, not origin/);
  }, 120_000);

  it('should refuse an unsigned export when a public key is given, and report an unsigned legacy export as such', async () => {
    const { exported, serverKey } = serverSigned();
    const { signature: _dropped, ...stripped } = exported;
    const legacy = { ...stripped, formatVersion: 1 as const };
    const withKey = await verifyExport(legacy, { publicKey: serverKey });
    expect(failed(withKey.checks)).toEqual([{ name: 'signature', ok: false, detail: expect.stringMatching(/^UNSIGNED legacy export .*a signature is required$/) }]);
    const withoutKey = await verifyExport(legacy);
    expect(withoutKey.ok).toBe(true);
    expect(withoutKey.signature).toBeNull();
    expect(withoutKey.checks.find((c) => c.name === 'signature')?.detail).toMatch(/^UNSIGNED legacy export/);
    // a format 2 export must carry its signature
    expect(failed((await verifyExport({ ...stripped, formatVersion: 2 })).checks).map((c) => c.name)).toEqual(['signature']);
  }, 120_000);
});
