// Finds U+0000 in a parsed request part without recursion: PostgreSQL (under FerretDB) cannot store or compare it, so
// requests carrying it are refused before they reach a query.

/** Where the first U+0000 in `value` is: the path to the string (or the key holding it) and the 1-based position, or null. */
export function nulCharacterAt(value: unknown): { path: Array<string | number>; position: number } | null {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const node = stack.pop() as (typeof stack)[number];
    if (typeof node.value === 'string') {
      const index = node.value.indexOf('\u0000');
      if (index >= 0) return { path: node.path, position: index + 1 };
      continue;
    }
    if (typeof node.value !== 'object' || node.value === null) continue;
    const entries: Array<[string | number, unknown]> = Array.isArray(node.value) ? node.value.map((v, i) => [i, v]) : Object.entries(node.value);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && key.includes('\u0000')) return { path: [...node.path, key], position: key.indexOf('\u0000') + 1 };
      stack.push({ value: child, path: [...node.path, key] });
    }
  }
  return null;
}
