// The audit log: one hash chain per case (auditEvents), and a global chain of the head hashes of closed cases
// (auditLedger), so a changed, reordered or deleted row, and a deleted case, are all detectable.
import './keyCheck';
import { Schema, model, type InferSchemaType } from 'mongoose';

/** The `_id` of an audit row: stable and unique per case and seq, so retried writes collide and reads are `_id` lookups. */
export const auditRowId = (instanceId: string, seq: number) => `${instanceId}/${seq}`;

const auditEventSchema = new Schema(
  {
    /** `<instanceId>/<seq>` (auditRowId). */
    _id: { type: String, required: true },
    instanceId: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    kind: { type: String, required: true },
    elementId: { type: String, default: null },
    tokenId: { type: String, default: null },
    /** The definition version the case runs (part of the hashed record). */
    definitionVersion: { type: Number, default: null },
    /** Free-form data as JSON text, so any variable name is safe on FerretDB and MongoDB alike. */
    dataJson: { type: String, default: null },
    /** sha256 of the RFC 8785 canonical JSON of the data (of null when there is none). */
    dataHash: { type: String, default: null },
    /** The previous row's hash (64 zeros for seq 1). */
    prevHash: { type: String, default: null },
    /** sha256(prevHash + canonical JSON of the record without `hash`); see audit/chain.ts. */
    hash: { type: String, default: null },
  },
  { collection: 'auditEvents', versionKey: false, _id: false },
);
auditEventSchema.index({ instanceId: 1, seq: 1 }, { unique: true });

/** One audit record of a case: a link of the case's hash chain. */
export const AuditEvent = model('AuditEvent', auditEventSchema);
/** A stored audit row. */
export type AuditEventDoc = InferSchemaType<typeof auditEventSchema>;

const auditLedgerSchema = new Schema(
  {
    /** The position in the global chain, 1, 2, 3 … (the `_id`, so appending walks by `_id` lookups). */
    _id: { type: Number, required: true },
    instanceId: { type: String, required: true },
    /** The case's street, so a deleted case's seal can still be scoped. */
    street: { type: String, default: null },
    /** The seq and hash of the case's last audit row when it closed. */
    lastSeq: { type: Number, required: true },
    headHash: { type: String, required: true },
    closedAt: { type: Date, required: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'auditLedger', versionKey: false, _id: false },
);
auditLedgerSchema.index({ instanceId: 1 }, { unique: true });

/** The global chain: one entry per closed case, holding the head hash of the case's chain. */
export const AuditLedger = model('AuditLedger', auditLedgerSchema);
/** A stored global-chain entry. */
export type AuditLedgerDoc = InferSchemaType<typeof auditLedgerSchema>;

const auditLedgerHeadSchema = new Schema(
  {
    /** Always `ledger`. */
    _id: { type: String, required: true },
    /** The highest ledger position written (may lag after a crash; appending walks forward from it). */
    seq: { type: Number, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'auditLedgerHead', versionKey: false, _id: false },
);

/** Where the global chain ends: lets appending start near the end, and shows when entries at the end were deleted. */
export const AuditLedgerHead = model('AuditLedgerHead', auditLedgerHeadSchema);
/** The `_id` of the one head document. */
export const LEDGER_HEAD_ID = 'ledger';

const auditPendingSealSchema = new Schema(
  {
    /** The closed case's instance id: a case is queued once, so a retried close adds nothing. */
    _id: { type: String, required: true },
    street: { type: String, default: null },
    /** The seq and hash of the case's last audit row, as the ledger entry will hold them. */
    lastSeq: { type: Number, required: true },
    headHash: { type: String, required: true },
    closedAt: { type: Date, required: true },
  },
  { collection: 'auditPendingSeals', versionKey: false, _id: false },
);

/**
 * Closed cases waiting for the ledger sealer (activities/ledgerSealer.ts), which gives them ledger positions in closing
 * order and removes them: a case closes with one insert here instead of racing other closings for the ledger's end.
 */
export const AuditPendingSeal = model('AuditPendingSeal', auditPendingSealSchema);
/** A stored pending seal. */
export type AuditPendingSealDoc = InferSchemaType<typeof auditPendingSealSchema>;
