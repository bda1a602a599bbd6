// The identity of a model: sha256 of its RFC 8785 (JCS) canonical JSON, so equal models hash equal whatever their key order.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ExecutableModel } from '../model';

/** Hex sha256 of the RFC 8785 canonical JSON of the model. */
export function modelSha256(model: ExecutableModel): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(model))));
}

/**
 * RFC 8785 canonical JSON of plain JSON data: keys sorted by UTF-16 code units, no whitespace, strings and numbers
 * serialized as ECMAScript's JSON.stringify does (which is what JCS specifies); undefined members are left out.
 * Written here because the `canonicalize` package exports only an `import` condition, which CommonJS callers
 * (jest, tsx) cannot resolve.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
