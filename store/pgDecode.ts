// Decodes a FerretDB v1 `_jsonb` document (PostgreSQL backend) into the plain object the MongoDB driver gives for it:
// the values are JSON, their BSON types are in the schema `$s` (`$k`: key order, `p`: each key's type `t`; arrays
// list each item's type in `i`; dates are epoch milliseconds).

interface FieldSchema {
  t: string;
  $s?: DocSchema;
  i?: FieldSchema[];
}
interface DocSchema {
  $k: string[];
  p: Record<string, FieldSchema>;
}

/** Thrown for a value of a type the decoder does not map (the caller keeps the Mongo path). */
export class UnsupportedValue extends Error {}

function decodeValue(value: unknown, schema: FieldSchema | undefined): unknown {
  switch (schema?.t) {
    case 'object':
      return decodeDocument(value as Record<string, unknown>, schema.$s);
    case 'array':
      return (value as unknown[]).map((item, k) => decodeValue(item, schema.i?.[k]));
    case 'date':
      return new Date(value as number);
    case 'string':
    case 'bool':
    case 'null':
    case 'int':
    case 'long':
    case 'double':
      return value;
    default:
      throw new UnsupportedValue(`FerretDB value of type ${schema?.t ?? 'unknown'}`);
  }
}

function decodeDocument(value: Record<string, unknown>, schema: DocSchema | undefined): Record<string, unknown> {
  if (!schema) throw new UnsupportedValue('FerretDB document without its schema');
  const out: Record<string, unknown> = {};
  for (const key of schema.$k) out[key] = decodeValue(value[key], schema.p[key]);
  return out;
}

/** The document a `_jsonb` value holds, typed by its `$s` schema. */
export function decodeFerretDocument(jsonb: Record<string, unknown>): Record<string, unknown> {
  return decodeDocument(jsonb, jsonb.$s as DocSchema | undefined);
}

/**
 * Decodes documents whose `$s` schema comes apart as JSON text (the SQL selects `_jsonb - '$s'` and `_jsonb->'$s'`):
 * the rows of one collection share a few schemas, so each distinct text is parsed once (a long read parses half the JSON).
 */
export function schemaTextDecoder(): (doc: Record<string, unknown>, schemaText: string) => Record<string, unknown> {
  const schemas = new Map<string, DocSchema>();
  return (doc, schemaText) => {
    let schema = schemas.get(schemaText);
    if (!schema) {
      schema = JSON.parse(schemaText) as DocSchema;
      schemas.set(schemaText, schema);
    }
    return decodeDocument(doc, schema);
  };
}
