// The values behind a case's variable changes. The audit chain holds only the sha256 of each new value; the history
// holds what was supplied (start variables, submitted forms, job results, message payloads, the final variables of a
// completed case). A change's value is known when one of those values has its hash (pure; shared by API and CLI).
import type { HistoryFacts } from './historyFacts';
import { canonicalSha256 } from './sha256';

/** A variable change as a `variables.changed` audit entry records it. */
export interface RecordedChange {
  name: string;
  scope: string;
  oldHash: string | null;
  newHash: string;
}

/** Values the history holds, keyed by the sha256 of their canonical JSON. */
export type ValuesByHash = ReadonlyMap<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value's hash, or null for a value JSON cannot write (nested deeper than JSON.stringify goes): it stays unmatched. */
function hashOrNull(value: unknown): string | null {
  try {
    return canonicalSha256(value);
  } catch {
    return null;
  }
}

/** Every top-level value of the variable sets the history holds (plus true, false and null), keyed by hash. */
export function valuesByHash(facts: Pick<HistoryFacts, 'input' | 'updates' | 'activities' | 'closed'>): ValuesByHash {
  const sets: unknown[] = [facts.input.variables, { yes: true, no: false, none: null }];
  for (const update of facts.updates) sets.push(update.request.variables);
  for (const run of facts.activities) sets.push(run.result, isObject(run.result) ? run.result.variables : undefined);
  if (isObject(facts.closed?.result)) sets.push(facts.closed.result.variables);
  const byHash = new Map<string, unknown>();
  for (const set of sets) {
    if (!isObject(set)) continue;
    for (const value of Object.values(set)) {
      const hash = hashOrNull(value);
      if (hash) byHash.set(hash, value);
    }
  }
  return byHash;
}

/** The new values of `changes` whose hash matches a known value, by variable name; unmatched names are left out. */
export function changedValues(changes: readonly RecordedChange[], known: ValuesByHash): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const change of changes) if (known.has(change.newHash)) values[change.name] = known.get(change.newHash);
  return values;
}
