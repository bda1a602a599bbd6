// Own-property lookups for the engine's JSON records (state, model): a key such as `constructor`, `toString` or
// `__proto__` names nothing unless the record itself holds it, never what Object.prototype has.

/** The record's own entry under `key`, or undefined. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
