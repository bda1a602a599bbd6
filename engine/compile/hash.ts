// The identity of a model: sha256 of its RFC 8785 (JCS) canonical JSON, so equal models hash equal whatever their key order.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalize } from 'json-canonicalize';
import type { ExecutableModel } from '../model';

/** RFC 8785 canonical JSON of plain JSON data (keys sorted, no whitespace, undefined members left out). */
export function canonicalJson(value: unknown): string {
  return canonicalize(value);
}

/** Hex sha256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Hex sha256 of the RFC 8785 canonical JSON of a value (undefined hashes as null; a value JSON cannot hold, e.g. NaN, as JSON.stringify writes it). */
export function jsonSha256(value: unknown): string {
  const json = value === undefined ? null : value;
  try {
    return sha256Hex(canonicalJson(json));
  } catch {
    return sha256Hex(canonicalJson(JSON.parse(JSON.stringify(json) ?? 'null')));
  }
}

/** Hex sha256 of the RFC 8785 canonical JSON of the model. */
export function modelSha256(model: ExecutableModel): string {
  return sha256Hex(canonicalJson(model));
}
