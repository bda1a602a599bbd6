// Audit events: the business steps of each case in order, appended idempotently by (instanceId, seq).
import { Schema, model, type InferSchemaType } from 'mongoose';

const auditEventSchema = new Schema(
  {
    instanceId: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    kind: { type: String, required: true },
    elementId: { type: String, default: null },
    tokenId: { type: String, default: null },
    /** Free-form data as JSON text, so any variable name is safe on FerretDB and MongoDB alike. */
    dataJson: { type: String, default: null },
  },
  { collection: 'auditEvents', versionKey: false },
);
auditEventSchema.index({ instanceId: 1, seq: 1 }, { unique: true });

/** One audit record of a case. */
export const AuditEvent = model('AuditEvent', auditEventSchema);
/** A stored audit row. */
export type AuditEventDoc = InferSchemaType<typeof auditEventSchema>;
