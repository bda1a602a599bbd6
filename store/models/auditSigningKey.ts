// The server's key for signing audit exports and ledger head statements (audit/signingKey.ts): one
// document, created once by whichever server instance signs first (an insert that loses to another's is discarded).
import './keyCheck';
import { Schema, model } from 'mongoose';

/** The `_id` of the one signing key document. */
export const AUDIT_SIGNING_KEY_ID = 'audit-signing';

const auditSigningKeySchema = new Schema(
  {
    /** Always AUDIT_SIGNING_KEY_ID. */
    _id: { type: String, required: true },
    algorithm: { type: String, required: true },
    /** The Ed25519 private key, PKCS#8 PEM. */
    privateKeyPem: { type: String, required: true },
    /** The public key, SPKI PEM (what GET /api/audit/signing-key serves). */
    publicKeyPem: { type: String, required: true },
    /** sha256 (hex) of the public key's SPKI DER. */
    keyId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'auditSigningKeys', versionKey: false, _id: false },
);

/** The stored audit signing key. */
export const AuditSigningKey = model('AuditSigningKey', auditSigningKeySchema);
