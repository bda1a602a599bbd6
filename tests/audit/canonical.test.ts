// Sparrow's one canonical-JSON writer (engine/hash.ts, which the audit code hashes with): the same text as the
// json-canonicalize package (which wrote every hash stored before it, so recorded hashes still match) for any JSON
// data, and no stack overflow for data nested far deeper than a recursive writer can take. The audit chain's two faster
// writers (audit/chain.ts: parsedJson for parsed data, recordJson for a link's record) write the same text.
import fs from 'node:fs';
import path from 'node:path';
import { canonicalize } from 'json-canonicalize';
import { canonicalJson, jsonSha256 } from '../../engine/hash';
import { canonicalSha256 } from '../../audit/sha256';
import { type ChainRow, chainRecord, parsedJson, recordJson } from '../../audit/chain';

/** A deterministic pseudo-random JSON value (objects, arrays, strings with escapes and surrogates, numbers). */
function randomJson(seed: number, depth = 0): unknown {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const value = (d: number): unknown => {
    const r = next();
    if (d > 4 || r < 0.35) {
      const leaf = [null, true, false, 0, -0, 1e21, 1.5e-7, 123456789.125, -42, '', 'a"b\\c\n\u0001', '€😀\ud800', 'ä', '\u2028'];
      return leaf[Math.floor(next() * leaf.length)];
    }
    if (r < 0.65) return Array.from({ length: Math.floor(next() * 4) }, () => value(d + 1));
    const obj: Record<string, unknown> = {};
    for (let i = 0; i < Math.floor(next() * 5); i += 1) obj[['b', 'a', 'é', '😀', '\u0080', 'toString', '10', '9', '__proto__x'][Math.floor(next() * 9)] + i] = value(d + 1);
    return obj;
  };
  return value(depth);
}

describe('canonical JSON', () => {
  it('should write exactly what json-canonicalize writes, for random JSON data', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const value = randomJson(seed);
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }
  });

  it('should write the committed exports as json-canonicalize does', () => {
    const dir = path.join(__dirname, 'exports');
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const value = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }
  });

  it('should follow json-canonicalize on its edge cases: undefined, toJSON members, holes, non-finite numbers, cycles', () => {
    const odd = { u: undefined, list: [undefined, 1, , 2], toJSONLike: { toJSON: 1, b: 2, a: 1 }, date: new Date(0) };
    expect(canonicalJson(odd)).toBe(canonicalize(odd));
    expect(() => canonicalJson({ n: NaN })).toThrow(/Non-finite/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = { cyclic };
    expect(() => canonicalJson(cyclic)).toThrow(/Circular/);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });

  it('should hash in the audit code (native sha256) as the engine hashes (its jsonSha256)', () => {
    for (const value of [undefined, null, { b: [1, 'x'], a: { c: NaN } }, randomJson(7), randomJson(8)]) {
      expect(canonicalSha256(value)).toBe(jsonSha256(value));
    }
  });

  it('should canonicalize data nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = i % 2 ? { v: deep } : [deep];
    const text = canonicalJson(deep);
    expect(text.startsWith('{"v":[{"v":[')).toBe(true);
    expect(text).toHaveLength(50_000 * '[]'.length + 50_000 * '{"v":}'.length + '"leaf"'.length);
    expect(() => canonicalize(deep)).toThrow(RangeError);
  });

  it('should write parsed data in the audit chain as the engine writer does, refusing what it refuses, at any depth', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const value = JSON.parse(JSON.stringify(randomJson(seed)) ?? 'null');
      expect(parsedJson(value)).toBe(canonicalJson(value));
    }
    expect(parsedJson(JSON.parse('{"__proto__":{"b":1},"10":2,"9":[1e21,-0,0.1]}'))).toBe(canonicalJson(JSON.parse('{"__proto__":{"b":1},"10":2,"9":[1e21,-0,0.1]}')));
    expect(() => parsedJson(JSON.parse('{"n":1e999}'))).toThrow(/Non-finite/);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i += 1) deep = i % 2 ? { v: deep } : [deep];
    expect(parsedJson(deep)).toBe(canonicalJson(deep));
  });

  it('should write a link\'s record as the engine writer writes chainRecord, for ordinary and for changed rows', () => {
    const row: ChainRow = { seq: 7, instanceId: '案件:1/"x"', at: '2030-01-01T00:00:00.000Z', actor: 'wang\n😀', kind: 'task.completed', elementId: null, tokenId: 't\u2028', definitionVersion: 3, dataJson: '{}', dataHash: 'a'.repeat(64), prevHash: 'b'.repeat(64), hash: null };
    const odd = [{}, { definitionVersion: null, elementId: 'Task_1' }, { seq: 1.5e-7 }, { actor: { name: 'x', a: [1] } }, { kind: true }, { tokenId: ['t1'] }, { seq: -0 }] as unknown as Array<Partial<ChainRow>>;
    for (const change of odd) expect(recordJson({ ...row, ...change })).toBe(canonicalJson(chainRecord({ ...row, ...change })));
    expect(() => recordJson({ ...row, seq: NaN })).toThrow(/Non-finite/);
  });
});
