// Bearer API tokens for scripts: only the token's SHA-256 is stored, as the row's _id.
import './keyCheck';
import { Schema, model } from 'mongoose';

const apiTokenSchema = new Schema(
  {
    /** Hex SHA-256 of the token: a bearer request is one _id lookup. */
    _id: { type: String, required: true },
    /** Public handle of the token (for listing and revoking), never the secret. */
    tokenId: { type: String, required: true, unique: true },
    username: { type: String, required: true },
    name: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, default: null },
    lastUsedAt: { type: Date, default: null },
    /** The holder's credential version when the token was made: a newer version (password reset, role change) ends it. */
    credentialVersion: { type: Number, default: 0 },
  },
  { collection: 'apiTokens', versionKey: false, _id: false },
);
apiTokenSchema.index({ username: 1, createdAt: -1 });

/** An API token of a user. */
export const ApiToken = model('ApiToken', apiTokenSchema);
