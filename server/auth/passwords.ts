// Password hashing (argon2id) with a constant-time failure: unknown users are checked against a dummy hash too.
import { hash, verify } from '@node-rs/argon2';

let dummyHash: Promise<string> | undefined;

/** Hashes a password with argon2id (the library's defaults: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/**
 * Whether `password` matches `passwordHash`. With no hash (unknown or disabled user) the password is still
 * verified against a dummy hash, so a failure takes the same time whether or not the user exists.
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hash('sparrow-dummy-password-for-timing');
  const target = passwordHash ?? (await dummyHash);
  let ok = false;
  try {
    ok = await verify(target, password);
  } catch {
    ok = false;
  }
  return ok && Boolean(passwordHash);
}
