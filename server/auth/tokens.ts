// Bearer API tokens: `spw_` + 32 random bytes; only the SHA-256 is stored, so a leaked database reveals no token.
import { createHash, randomBytes } from 'node:crypto';
import { ApiToken } from '../models';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Creates a token for `username`; the secret is returned once and never stored. */
export async function createApiToken(username: string, name: string, expiresInDays?: number) {
  const token = `spw_${randomBytes(32).toString('base64url')}`;
  const createdAt = new Date();
  const expiresAt = expiresInDays ? new Date(createdAt.getTime() + expiresInDays * 86_400_000) : null;
  const tokenId = randomBytes(9).toString('base64url');
  await ApiToken.create({ _id: sha256(token), tokenId, username, name, createdAt, expiresAt });
  return { id: tokenId, name, token, createdAt: createdAt.toISOString(), expiresAt: expiresAt?.toISOString() ?? null };
}

/** The username a bearer token belongs to, or null when it is unknown or expired. */
export async function usernameOfToken(token: string): Promise<string | null> {
  const id = sha256(token);
  const row = await ApiToken.findById(id).lean();
  if (!row || row._id !== id || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await ApiToken.updateOne({ _id: row._id }, { $set: { lastUsedAt: new Date() } });
  }
  return row.username;
}

/** The tokens of a user, without their secrets. */
export async function listApiTokens(username: string) {
  const rows = await ApiToken.find({ username }).sort({ createdAt: -1 }).lean();
  return rows.map((r) => ({
    id: r.tokenId,
    name: r.name,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Revokes one of the user's tokens; false when the user has no such token. */
export async function revokeApiToken(username: string, tokenId: string): Promise<boolean> {
  const result = await ApiToken.deleteOne({ tokenId, username });
  return result.deletedCount === 1;
}
