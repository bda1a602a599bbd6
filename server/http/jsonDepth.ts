// How deep a parsed request part nests, found without recursion, so no handler recurses through thousands of levels.
/** Most levels of nested objects and arrays in any request part (variables have their own, lower limit). */
export const MAX_REQUEST_DEPTH = 64;

/** The path to the first container nested deeper than `maxDepth` levels in `value` (the value itself is level 1), or null. */
export function tooDeepPath(value: unknown, maxDepth = MAX_REQUEST_DEPTH): Array<string | number> | null {
  const stack: Array<{ value: unknown; depth: number; path: Array<string | number> }> = [{ value, depth: 1, path: [] }];
  while (stack.length > 0) {
    const node = stack.pop() as (typeof stack)[number];
    if (typeof node.value !== 'object' || node.value === null) continue;
    if (node.depth > maxDepth) return node.path;
    const entries: Array<[string | number, unknown]> = Array.isArray(node.value) ? node.value.map((v, i) => [i, v]) : Object.entries(node.value);
    for (const [key, child] of entries) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: node.depth + 1, path: [...node.path, key] });
    }
  }
  return null;
}
