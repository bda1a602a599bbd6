// The audit code's value hashes: Node's native sha256 (platform/sha256.ts) over the engine's RFC 8785 canonical JSON
// (engine/hash.ts), the same digest as the engine's jsonSha256.
import { hashedJson } from '../engine/hash';
import { sha256Hex } from '../platform/sha256';

/** Hex sha256 of a value's canonical JSON, as the engine's jsonSha256 computes it. */
export function canonicalSha256(value: unknown): string {
  return sha256Hex(hashedJson(value));
}
