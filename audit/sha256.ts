// The audit code's hashes: Node's native sha256 (the same digest as the engine's pure-JS one, which the workflow
// sandbox needs, but about 100× faster) over the engine's RFC 8785 canonical JSON (engine/hash.ts).
import { createHash } from 'node:crypto';
import { hashedJson } from '../engine/hash';

/** Hex sha256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Hex sha256 of a value's canonical JSON, as the engine's jsonSha256 computes it. */
export function canonicalSha256(value: unknown): string {
  return sha256Hex(hashedJson(value));
}
