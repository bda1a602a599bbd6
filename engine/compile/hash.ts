// The identity of a model: sha256 of its RFC 8785 (JCS) canonical JSON, so equal models hash equal whatever their key order.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalize } from 'json-canonicalize';
import type { ExecutableModel } from '../model';

/** RFC 8785 canonical JSON of plain JSON data (keys sorted, no whitespace, undefined members left out). */
export function canonicalJson(value: unknown): string {
  return canonicalize(value);
}

/** Hex sha256 of the RFC 8785 canonical JSON of the model. */
export function modelSha256(model: ExecutableModel): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(model))));
}
