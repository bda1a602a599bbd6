// The variable editor's name/value rows turned into a variables object (pure, so it is unit-tested).

/** One row of the editor; `value` is what the user typed. */
export interface VariablePair {
  name?: string;
  value?: string;
}

/** A variable name the engine and FEEL accept: a letter or `_`, then letters, digits or `_`. */
export const VARIABLE_NAME = /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*$/;

/**
 * The value of a typed text: JSON when it parses as a number, boolean, null, array, object or quoted string
 * (`12`, `true`, `["a"]`), otherwise the text itself (`八角北路 3 号`).
 */
export function parseValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (/^(-?\d|true$|false$|null$|[[{"])/.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** The variables of the rows (blank rows skipped), or the first problem: a bad or repeated name (by row index). */
export function variablesFromPairs(pairs: readonly VariablePair[]): { variables: Record<string, unknown> } | { error: 'invalid-name' | 'duplicate-name'; index: number } {
  const variables: Record<string, unknown> = {};
  for (const [index, pair] of pairs.entries()) {
    const name = pair.name?.trim() ?? '';
    if (name === '' && (pair.value ?? '').trim() === '') continue;
    if (!VARIABLE_NAME.test(name)) return { error: 'invalid-name', index };
    if (Object.hasOwn(variables, name)) return { error: 'duplicate-name', index };
    variables[name] = parseValue(pair.value ?? '');
  }
  return { variables };
}

