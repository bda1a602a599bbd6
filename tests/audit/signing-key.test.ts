// The server's audit signing key on a real database (FerretDB): generated on first use and stored once — server
// instances racing to create it all end up with the same key —, read back after a restart, and overridden by
// SPARROW_AUDIT_SIGNING_KEY (an Ed25519 PEM; anything else is refused by name).
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { connectMongo } from '../../store/db';
import { AuditSigningKey } from '../../store/models/auditSigningKey';
import { generateSigningKey } from '../../audit/signing';
import { forgetServerSigningKey, serverSigningKey, storedPublicKey } from '../../audit/signingKey';

describe('the audit signing key', () => {
  beforeAll(async () => {
    const uri = new URL(process.env.SPARROW_TEST_MONGODB_URI as string);
    uri.pathname = `/sparrow_test_${randomUUID().slice(0, 8)}`;
    await connectMongo(uri.toString());
  });
  afterAll(async () => {
    forgetServerSigningKey();
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });

  it('should be created once by racing server instances, stored, and read back after a restart', async () => {
    // given no key yet
    expect(await storedPublicKey({})).toBeNull();

    // when three instances sign for the first time at once (each with its own cache)
    const loads = [1, 2, 3].map(() => {
      forgetServerSigningKey();
      return serverSigningKey({});
    });
    const keys = await Promise.all(loads);

    // then they all use the one stored key
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
    expect(keys[0].source).toBe('database');
    expect(await AuditSigningKey.countDocuments({})).toBe(1);
    expect(await storedPublicKey({})).toEqual({ keyId: keys[0].keyId, publicKey: keys[0].publicKeyPem, source: 'database' });

    // and a restarted instance reads the same key back
    forgetServerSigningKey();
    expect((await serverSigningKey({})).keyId).toBe(keys[0].keyId);
  });

  it('should use SPARROW_AUDIT_SIGNING_KEY instead when it is set, and refuse a key that is not Ed25519 PEM by name', async () => {
    const own = generateSigningKey();
    const pem = own.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    forgetServerSigningKey();
    // as an env file holds it: newlines written as \n
    const fromEnv = await serverSigningKey({ SPARROW_AUDIT_SIGNING_KEY: pem.replace(/\n/g, '\\n') });
    expect(fromEnv).toMatchObject({ keyId: own.keyId, source: 'environment' });
    expect(await storedPublicKey({ SPARROW_AUDIT_SIGNING_KEY: pem })).toMatchObject({ keyId: own.keyId, source: 'environment' });

    forgetServerSigningKey();
    await expect(serverSigningKey({ SPARROW_AUDIT_SIGNING_KEY: 'not a key' })).rejects.toThrow(/^SPARROW_AUDIT_SIGNING_KEY is not a usable Ed25519 private key/);
    forgetServerSigningKey();
    const rsa = (await import('node:crypto')).generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(serverSigningKey({ SPARROW_AUDIT_SIGNING_KEY: rsa })).rejects.toThrow(/must be an Ed25519 private key, not rsa/);
  });
});
