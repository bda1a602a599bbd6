// The identity of a model and of recorded values: sha256 of their RFC 8785 (JCS) canonical JSON, so equal values hash
// equal whatever their key order. The one canonical-JSON writer of Sparrow (the audit code hashes with it too): pure JS
// for the workflow sandbox, and without recursion, so a value nested 100,000 deep costs heap, not stack.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ExecutableModel } from './model';

/** A container being written: its members still to come. */
interface Frame {
  container: object;
  /** Object keys in canonical order; null for an array. */
  keys: string[] | null;
  next: number;
  written: number;
}

/** A leaf, written via JSON.stringify (so also an object with a `toJSON` member), as json-canonicalize does. */
const isLeaf = (value: unknown) => value === null || typeof value !== 'object' || (value as { toJSON?: unknown }).toJSON != null;

/**
 * RFC 8785 canonical JSON of plain JSON data (keys sorted by UTF-16 code units, ES number and string forms, no
 * whitespace; undefined members left out, undefined array items as null), written with an explicit stack: the same
 * text as the json-canonicalize package. Throws on non-finite numbers and on cycles.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  const onPath = new Set<object>();
  const write = (item: unknown) => {
    if (isLeaf(item)) {
      if (typeof item === 'number' && !Number.isFinite(item)) throw new Error(`Non-finite number (${item}) is not permitted in JSON (RFC 8785 §3.2.2.3)`);
      out.push(String(JSON.stringify(item)));
      return;
    }
    const container = item as Record<string, unknown>;
    if (onPath.has(container)) throw new Error('Circular reference detected');
    onPath.add(container);
    const isArray = Array.isArray(container);
    out.push(isArray ? '[' : '{');
    const keys = isArray ? null : Object.keys(container).filter((k) => container[k] !== undefined).sort();
    stack.push({ container, keys, next: 0, written: 0 });
  };
  write(value);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.keys === null) {
      const array = frame.container as unknown[];
      // holes are skipped, as Array.prototype.forEach skips them
      while (frame.next < array.length && !(frame.next in array)) frame.next += 1;
      if (frame.next >= array.length) {
        out.push(']');
        onPath.delete(array);
        stack.pop();
        continue;
      }
      if (frame.written++ > 0) out.push(',');
      const item = array[frame.next++];
      write(item === undefined ? null : item);
    } else {
      if (frame.next >= frame.keys.length) {
        out.push('}');
        onPath.delete(frame.container);
        stack.pop();
        continue;
      }
      if (frame.written++ > 0) out.push(',');
      const key = frame.keys[frame.next++];
      out.push(`${JSON.stringify(key)}:`);
      write((frame.container as Record<string, unknown>)[key]);
    }
  }
  return out.join('');
}

/** The text jsonSha256 hashes: the canonical JSON of a value (undefined as null; a value JSON cannot hold, e.g. NaN, as JSON.stringify writes it). */
export function hashedJson(value: unknown): string {
  const json = value === undefined ? null : value;
  try {
    return canonicalJson(json);
  } catch {
    return canonicalJson(JSON.parse(JSON.stringify(json) ?? 'null'));
  }
}

/** Hex sha256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Hex sha256 of the RFC 8785 canonical JSON of a value (see hashedJson). */
export function jsonSha256(value: unknown): string {
  return sha256Hex(hashedJson(value));
}

/** Hex sha256 of the RFC 8785 canonical JSON of the model. */
export function modelSha256(model: ExecutableModel): string {
  return sha256Hex(canonicalJson(model));
}
