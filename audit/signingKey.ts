// The server's audit signing key: SPARROW_AUDIT_SIGNING_KEY (an Ed25519 private key, PKCS#8 PEM) when set, else the
// key stored in MongoDB (auditSigningKeys), generated on first use. Several server instances share the stored key:
// each inserts its freshly generated one only if none exists, and all then read back the one that won.
import { AUDIT_SIGNING_KEY_ID, AuditSigningKey } from '../store/models';
import { generateSigningKey, type SigningKey, signingKeyFromPem } from './signing';
import { isDuplicateKey } from '../store/duplicateKey';

/** The environment variable that overrides the stored key. */
export const SIGNING_KEY_ENV = 'SPARROW_AUDIT_SIGNING_KEY';

/** Where the server's signing key comes from. */
export type SigningKeySource = 'environment' | 'database';

let loading: Promise<SigningKey & { source: SigningKeySource }> | null = null;


/** The stored key, inserting a new one when there is none (a concurrent insert by another instance wins instead). */
async function storedKey(): Promise<SigningKey> {
  const existing = await AuditSigningKey.findById(AUDIT_SIGNING_KEY_ID).lean();
  if (existing) return signingKeyFromPem(existing.privateKeyPem);
  const fresh = generateSigningKey();
  try {
    await AuditSigningKey.collection.insertOne({
      _id: AUDIT_SIGNING_KEY_ID as never,
      algorithm: 'Ed25519',
      privateKeyPem: fresh.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: fresh.publicKeyPem,
      keyId: fresh.keyId,
      createdAt: new Date(),
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const winner = await AuditSigningKey.findById(AUDIT_SIGNING_KEY_ID).lean();
  if (!winner) throw new Error('the audit signing key could not be stored');
  return signingKeyFromPem(winner.privateKeyPem);
}

async function load(env: NodeJS.ProcessEnv): Promise<SigningKey & { source: SigningKeySource }> {
  const pem = env[SIGNING_KEY_ENV];
  if (pem) {
    try {
      return { ...signingKeyFromPem(pem), source: 'environment' };
    } catch (error) {
      throw new Error(`${SIGNING_KEY_ENV} is not a usable Ed25519 private key (PKCS#8 PEM): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { ...(await storedKey()), source: 'database' };
}

/** The server's signing key (read once per process; a failed read is tried again next time). */
export function serverSigningKey(env: NodeJS.ProcessEnv = process.env): Promise<SigningKey & { source: SigningKeySource }> {
  if (!loading) {
    loading = load(env);
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** The stored key's public part without creating one (for the CLIs, which only read): null when none exists yet. */
export async function storedPublicKey(env: NodeJS.ProcessEnv = process.env): Promise<{ keyId: string; publicKey: string; source: SigningKeySource } | null> {
  if (env[SIGNING_KEY_ENV]) {
    const key = signingKeyFromPem(env[SIGNING_KEY_ENV] as string);
    return { keyId: key.keyId, publicKey: key.publicKeyPem, source: 'environment' };
  }
  const doc = await AuditSigningKey.findById(AUDIT_SIGNING_KEY_ID, { keyId: 1, publicKeyPem: 1 }).lean();
  return doc ? { keyId: doc.keyId, publicKey: doc.publicKeyPem, source: 'database' } : null;
}

/** Forgets the cached key (tests that switch keys). */
export function forgetServerSigningKey(): void {
  loading = null;
}
