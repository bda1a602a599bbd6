// Attribute values of the diagram as model expressions: `=…` is FEEL (syntax-checked, with position), anything else static.
import { parseExpression } from 'feelin';
import { LEGAL_TIME_FUNCTION_NAMES } from '../calendar/feelFunctions';
import type { Expression } from '../model';
import { abbreviate, type Diagnostics } from './problems';

/** Where and why a FEEL expression does not parse; `from`/`to` are offsets into the FEEL source. */
export interface FeelSyntaxError {
  from: number;
  to: number;
  reason: string;
}

/** Reads a diagram value: text starting with `=` is a FEEL expression (without the `=`), anything else a static string. */
export function readExpression(raw: string): Expression {
  return raw.startsWith('=') ? { kind: 'feel', source: raw.slice(1).trim() } : { kind: 'static', value: raw };
}

/** Names the parser must know to read calls of them (`working days between(a, b)` holds the keyword `between`). */
const KNOWN_NAMES: Record<string, unknown> = Object.fromEntries(LEGAL_TIME_FUNCTION_NAMES.map((name) => [name, null]));

/** Finds the first syntax error of a FEEL expression with feelin's parser, or undefined when it parses. */
export function feelSyntaxError(source: string): FeelSyntaxError | undefined {
  let found: FeelSyntaxError | undefined;
  parseExpression(source, KNOWN_NAMES, undefined).iterate({
    enter(ref) {
      if (found) return false;
      if (!ref.type.isError) return undefined;
      const node = ref.node;
      if (node.from !== node.to) {
        found = { from: node.from, to: node.to, reason: `unexpected "${abbreviate(source.slice(node.from, node.to), 30)}"` };
        return false;
      }
      let next = node.nextSibling;
      for (let parent = node.parent; !next && parent; parent = parent.parent) next = parent.nextSibling;
      found = next
        ? { from: next.from, to: next.to, reason: `unexpected "${abbreviate(source.slice(next.from, next.to), 30)}"` }
        : { from: node.from, to: node.to, reason: `incomplete ${words(node.parent?.name ?? 'Expression')}` };
      return false;
    },
  });
  return found;
}

/**
 * Reads a diagram value like `readExpression` and, when it is FEEL, checks its syntax; an error becomes a
 * `feel-invalid` problem naming `what` (e.g. `condition of sequenceFlow <Flow_1>`) and the column in the attribute.
 */
export function checkedExpression(raw: string, what: string, elementId: string | undefined, diagnostics: Diagnostics): Expression {
  const expression = readExpression(raw);
  if (expression.kind === 'feel') {
    const error = feelSyntaxError(expression.source);
    if (error) {
      const leading = raw.length - 1 - raw.slice(1).trimStart().length;
      const column = 2 + leading + error.from;
      diagnostics.problem('feel-invalid', `${what} has an invalid FEEL expression "${abbreviate(raw)}": ${error.reason} at column ${column}`, elementId);
    }
  }
  return expression;
}

function words(nodeName: string): string {
  return nodeName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
