// Node's native sha256 for the server side (the engine's pure-JS one in engine/hash.ts gives the same digest and is what
// the workflow sandbox can use; this one is about 100× faster).
import { createHash } from 'node:crypto';

/** Hex sha256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
