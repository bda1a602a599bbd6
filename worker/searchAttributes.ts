// Registers Sparrow's search attributes (contracts/searchAttributes.json) on the Temporal namespace when they are
// missing (idempotent).
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import SEARCH_ATTRIBUTE_TYPES from '../contracts/searchAttributes.json';

/** The indexed value type of each type name the JSON file uses (the CLI's spelling). */
const kinds: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Int: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
};

const kindOf = (name: string, type: string): temporal.api.enums.v1.IndexedValueType => {
  const kind = kinds[type];
  if (kind === undefined) throw new Error(`search attribute ${name}: type ${type} in contracts/searchAttributes.json is not one of ${Object.keys(kinds).join(', ')}`);
  return kind;
};

/** Adds any of Sparrow's search attributes the namespace lacks; existing ones are left as they are. */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set(Object.keys({ ...existing.customAttributes, ...existing.systemAttributes }));
  const missing = Object.entries(SEARCH_ATTRIBUTE_TYPES).filter(([name]) => !known.has(name));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, kindOf(name, type)])),
  });
  return missing.map(([name]) => name);
}
