// Bearer API tokens: `spw_` + 32 random bytes; only the SHA-256 is stored, so a leaked database reveals no token.
// Every token expires, and carries its holder's credential version (see session.ts).
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../platform/sha256';
import { ApiToken } from '../../store/models';

const DAY_MS = 86_400_000;

/** A token's lifetime in days when none is asked for. */
export const TOKEN_DEFAULT_DAYS = 90;
/** The longest lifetime in days; also the lifetime of tokens stored without an expiry. */
export const TOKEN_MAX_DAYS = 365;

/** When a stored token expires (a row stored before expiries were mandatory: TOKEN_MAX_DAYS after its creation). */
const expiryOf = (row: { createdAt: Date; expiresAt?: Date | null }) => row.expiresAt ?? new Date(row.createdAt.getTime() + TOKEN_MAX_DAYS * DAY_MS);

/** The user a token is made for, with the credential version it is bound to. */
export interface TokenHolder {
  username: string;
  credentialVersion: number;
}

/** Creates a token for `holder`, valid `expiresInDays` days; the secret is returned once and never stored. */
export async function createApiToken(holder: TokenHolder, name: string, expiresInDays = TOKEN_DEFAULT_DAYS) {
  const token = `spw_${randomBytes(32).toString('base64url')}`;
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + expiresInDays * DAY_MS);
  const tokenId = randomBytes(9).toString('base64url');
  await ApiToken.create({ _id: sha256Hex(token), tokenId, username: holder.username, credentialVersion: holder.credentialVersion, name, createdAt, expiresAt });
  return { id: tokenId, name, token, createdAt: createdAt.toISOString(), expiresAt: expiresAt.toISOString() };
}

/** Who a bearer token belongs to (and under which credential version), or null when it is unknown or expired. */
export async function tokenHolder(token: string): Promise<TokenHolder | null> {
  const id = sha256Hex(token);
  const row = await ApiToken.findById(id).lean();
  if (!row || row._id !== id || expiryOf(row).getTime() <= Date.now()) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await ApiToken.updateOne({ _id: row._id }, { $set: { lastUsedAt: new Date() } });
  }
  return { username: row.username, credentialVersion: row.credentialVersion ?? 0 };
}

/** The tokens of a user, without their secrets. */
export async function listApiTokens(username: string) {
  const rows = await ApiToken.find({ username }).sort({ createdAt: -1 }).lean();
  return rows.map((r) => ({
    id: r.tokenId,
    name: r.name,
    createdAt: r.createdAt.toISOString(),
    expiresAt: expiryOf(r).toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Revokes one of the user's tokens; false when the user has no such token. */
export async function revokeApiToken(username: string, tokenId: string): Promise<boolean> {
  const result = await ApiToken.deleteOne({ tokenId, username });
  return result.deletedCount === 1;
}
