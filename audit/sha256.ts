// RFC 8785 canonical JSON and its sha256 for the audit code, without recursion: the same text as json-canonicalize
// (which the engine uses, so hashes match the ones the workflow recorded), but a value nested 100,000 deep costs heap,
// not stack, so verifying a case whose variables are deeply nested cannot overflow the stack.
import { createHash } from 'node:crypto';

/** Hex sha256 of a UTF-8 string (Node's native hash: the same digest as the engine's pure-JS one). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A container being written: its members still to come. */
interface Frame {
  container: object;
  /** Object keys in canonical order; null for an array. */
  keys: string[] | null;
  next: number;
  written: number;
}

/** A leaf as json-canonicalize writes it: via JSON.stringify (so also an object with a `toJSON` member). */
const isLeaf = (value: unknown) => value === null || typeof value !== 'object' || (value as { toJSON?: unknown }).toJSON != null;

/**
 * RFC 8785 canonical JSON (keys sorted by UTF-16 code units, ES number and string forms, no whitespace; undefined
 * members left out, undefined array items as null), written with an explicit stack. Throws on non-finite numbers and
 * on cycles, as json-canonicalize does.
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

/**
 * Hex sha256 of a value's canonical JSON, as the engine's jsonSha256 computes it (undefined as null; a value JSON
 * cannot hold, e.g. NaN, as JSON.stringify writes it).
 */
export function canonicalSha256(value: unknown): string {
  const json = value === undefined ? null : value;
  try {
    return sha256Hex(canonicalJson(json));
  } catch {
    return sha256Hex(canonicalJson(JSON.parse(JSON.stringify(json) ?? 'null')));
  }
}
