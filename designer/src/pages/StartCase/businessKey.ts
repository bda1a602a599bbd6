// A suggested business key for a new case (pure, so it is unit-tested).

/** A business key suggestion: prefix, the local date and a random suffix, e.g. `CASE-20261127-4F2A`. */
export function suggestBusinessKey(now: Date, random: () => number = Math.random, prefix = 'CASE'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const suffix = Math.floor(random() * 0x10000).toString(16).toUpperCase().padStart(4, '0');
  return `${prefix}-${day}-${suffix}`;
}
