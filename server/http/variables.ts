// Process variables a request may carry, bounded at the door: nesting depth, keys per object and in all, JSON size.
import { z } from 'zod';
import { DEFAULT_LIMITS } from '../../engine/interpreter';
import { issueProblem } from './validate';

/** The bounds of a variables object in a request; the size is the engine's per-case limit (JSON characters). */
export const VARIABLE_LIMITS = {
  /** Levels of nested objects and arrays, the variables object itself being level 1. */
  maxDepth: 32,
  maxKeysPerObject: 1_000,
  /** Keys of all objects together, the variable names included. */
  maxKeysTotal: 10_000,
  maxJsonChars: DEFAULT_LIMITS.maxVariableBytes,
} as const;

/** A limit a variables object breaks: which one, where (path from the variables object) and how. */
export interface VariableLimitBreach {
  limit: 'depth' | 'keys-per-object' | 'keys-total' | 'size';
  path: Array<string | number>;
  message: string;
}

/** A container still to look into, with the way back to the root (kept as links so no path is copied per value). */
interface Pending {
  value: object;
  depth: number;
  parent: Pending | null;
  key: string | number | null;
}

const pathOf = (node: Pending): Array<string | number> => {
  const path: Array<string | number> = [];
  for (let n: Pending | null = node; n && n.key !== null; n = n.parent) path.unshift(n.key);
  return path;
};

/**
 * The first limit `root` breaks, or null. Walks without recursion and stops at the first breach, so a body nested
 * thousands deep costs one pass over what was parsed and never the call stack; the JSON size is measured (as the
 * engine measures it) only once the structure is known to be shallow.
 */
export function variableLimitBreach(root: Record<string, unknown>, limits = VARIABLE_LIMITS): VariableLimitBreach | null {
  const stack: Pending[] = [{ value: root, depth: 1, parent: null, key: null }];
  let keysTotal = 0;
  while (stack.length > 0) {
    const node = stack.pop() as Pending;
    if (node.depth > limits.maxDepth) {
      return { limit: 'depth', path: pathOf(node), message: `nested deeper than ${limits.maxDepth} levels (the limit of variables)` };
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(node.value) ? node.value.map((v, i) => [i, v]) : Object.entries(node.value);
    if (!Array.isArray(node.value)) {
      if (entries.length > limits.maxKeysPerObject) {
        return { limit: 'keys-per-object', path: pathOf(node), message: `has ${entries.length} keys, over the limit of ${limits.maxKeysPerObject} per object` };
      }
      keysTotal += entries.length;
      if (keysTotal > limits.maxKeysTotal) {
        return { limit: 'keys-total', path: pathOf(node), message: `brings the keys of the variables over the limit of ${limits.maxKeysTotal} in all` };
      }
    }
    for (const [key, value] of entries) {
      if (typeof value === 'object' && value !== null) stack.push({ value, depth: node.depth + 1, parent: node, key });
    }
  }
  const chars = JSON.stringify(root).length;
  if (chars > limits.maxJsonChars) {
    return { limit: 'size', path: [], message: `are ${chars} characters of JSON, over the limit of ${limits.maxJsonChars} per case` };
  }
  return null;
}

/** A JSON object of process variables, refused when it breaks a VARIABLE_LIMITS bound (400; 422 for the size). */
export const boundedVariables = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    const breach = variableLimitBreach(value);
    if (!breach) return;
    ctx.addIssue({
      code: 'custom',
      path: breach.path,
      message: breach.message,
      params: breach.limit === 'size' ? issueProblem({ status: 422, code: 'variables-too-large', title: 'Unprocessable Content', extra: { limit: VARIABLE_LIMITS.maxJsonChars } }) : undefined,
    });
  })
  .describe(
    `process variables: at most ${VARIABLE_LIMITS.maxDepth} levels deep, ${VARIABLE_LIMITS.maxKeysPerObject} keys per object, ` +
      `${VARIABLE_LIMITS.maxKeysTotal} keys in all, and ${VARIABLE_LIMITS.maxJsonChars} characters of JSON (the engine's per-case limit)`,
  );
