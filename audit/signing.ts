// Ed25519 signatures of audit documents (case exports, ledger head statements), as pure functions shared by the API
// and the offline CLIs. What is signed is the RFC 8785 canonical JSON of the document without its `signature` member;
// each document names its own `format`, so a signature of one kind of document never verifies as another kind.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import { canonicalJson } from '../engine/hash';

/** The signature a signed audit document carries. */
export interface AuditSignature {
  algorithm: 'Ed25519';
  /** sha256 (hex) of the signing key's public key (SPKI DER): what to compare with GET /api/audit/signing-key. */
  keyId: string;
  /** The public key (SPKI PEM) the signer says it used; it proves integrity, not origin, unless it is the server's. */
  publicKey: string;
  /** The Ed25519 signature of the canonical JSON of the document without `signature`, base64. */
  value: string;
}

/** A signing key pair. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  /** The public key as SPKI PEM. */
  publicKeyPem: string;
}

/** sha256 (hex) of a public key's SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** The key pair of an Ed25519 private key; throws a message naming what is wrong with any other key. */
export function signingKeyOf(privateKey: KeyObject): SigningKey {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`the audit signing key must be an Ed25519 private key, not ${privateKey.asymmetricKeyType ?? privateKey.type}`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** A fresh Ed25519 key pair. */
export function generateSigningKey(): SigningKey {
  return signingKeyOf(generateKeyPairSync('ed25519').privateKey);
}

/** An Ed25519 private key from PEM (PKCS#8; `\n` written as two characters, as env files often hold it, is accepted). */
export function signingKeyFromPem(pem: string): SigningKey {
  return signingKeyOf(createPrivateKey(pem.replace(/\\n/g, '\n')));
}

/** The bytes a signature covers: the canonical JSON of the document without its `signature`. */
function signedBytes(document: object): Buffer {
  const { signature: _ignored, ...rest } = document as Record<string, unknown>;
  return Buffer.from(canonicalJson(rest), 'utf8');
}

/** `document` with its signature by `key`. */
export function signDocument<T extends object>(document: T, key: SigningKey): T & { signature: AuditSignature } {
  const value = sign(null, signedBytes(document), key.privateKey).toString('base64');
  return { ...document, signature: { algorithm: 'Ed25519', keyId: key.keyId, publicKey: key.publicKeyPem, value } };
}

/** The outcome of checking a document's signature. */
export interface SignatureCheck {
  ok: boolean;
  /** `trusted-key`: checked against the key the verifier supplied; `embedded-key`: against the key in the document (integrity only, not origin). */
  against: 'trusted-key' | 'embedded-key' | null;
  /** The id of the key the signature was checked against (or the document names). */
  keyId: string | null;
  message: string;
}

/** Reads a public key: SPKI PEM text, a file holding one, or the JSON of GET /api/audit/signing-key (or a file of it). */
export function readPublicKey(pemOrFile: string): KeyObject {
  const text = pemOrFile.includes('-----BEGIN') || pemOrFile.trim().startsWith('{') ? pemOrFile : fs.readFileSync(pemOrFile, 'utf8');
  const pem = text.trim().startsWith('{') ? (JSON.parse(text) as { publicKey?: unknown }).publicKey : text;
  if (typeof pem !== 'string') throw new Error('the public key JSON has no publicKey member');
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the public key is ${key.asymmetricKeyType}, not Ed25519`);
  return key;
}

/**
 * Checks a document's signature: against `trusted` (the server's public key) when given — then a document signed by
 * any other key fails — else against the key the document carries, which proves only that it was not changed since
 * someone signed it.
 */
export function verifyDocument(document: object, trusted?: KeyObject): SignatureCheck {
  const signature = (document as { signature?: Partial<AuditSignature> }).signature;
  if (!signature || typeof signature !== 'object') return { ok: false, against: null, keyId: null, message: 'the document is not signed' };
  if (signature.algorithm !== 'Ed25519' || typeof signature.value !== 'string') {
    return { ok: false, against: null, keyId: signature.keyId ?? null, message: `unsupported signature (algorithm ${String(signature.algorithm)})` };
  }
  let key: KeyObject;
  try {
    key = trusted ?? createPublicKey(String(signature.publicKey));
  } catch {
    return { ok: false, against: null, keyId: signature.keyId ?? null, message: 'the signature carries no readable public key' };
  }
  const keyId = keyIdOf(key);
  const against = trusted ? 'trusted-key' : 'embedded-key';
  let valid = false;
  try {
    valid = key.asymmetricKeyType === 'ed25519' && verify(null, signedBytes(document), key, Buffer.from(signature.value, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) {
    const other = trusted && signature.keyId && signature.keyId !== keyId ? ` (it names key ${signature.keyId}, not the given key ${keyId})` : '';
    return { ok: false, against, keyId, message: trusted ? `the signature is not the given key's${other}: the document was changed or signed by someone else` : 'the signature does not match the document: it was changed after it was signed' };
  }
  return trusted
    ? { ok: true, against, keyId, message: `Ed25519 signature valid for the given public key ${keyId}` }
    : { ok: true, against, keyId, message: `Ed25519 signature valid for the key embedded in the document (${keyId}) — this proves integrity only, not origin: pass --public-key with the server's key (GET /api/audit/signing-key) to prove who signed it` };
}
