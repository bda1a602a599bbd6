// What a form-js schema binds and mentions: its keyed fields (by path, through groups and dynamic lists) and the
// variables its expressions and templates read. Shared by submission checks and the task view (pure).
import { parseExpression } from 'feelin';

/** A form-js component, as the server reads it. */
export interface Component {
  type?: unknown;
  key?: unknown;
  path?: unknown;
  label?: unknown;
  values?: unknown;
  valuesKey?: unknown;
  components?: unknown;
  conditional?: { hide?: unknown };
  readonly?: unknown;
  disabled?: unknown;
  expression?: unknown;
  validate?: {
    required?: unknown;
    min?: unknown;
    max?: unknown;
    minLength?: unknown;
    maxLength?: unknown;
    pattern?: unknown;
    validationType?: unknown;
  };
}

/** Field types whose value form-js submits under their `key` (its `keyed` types); every other type holds no data. */
export const KEYED_TYPES = new Set(['checkbox', 'checklist', 'datetime', 'number', 'radio', 'select', 'taglist', 'expression', 'textfield', 'textarea', 'filepicker']);

/** Whether `v` is a plain JSON object. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The components of a list value of a schema (non-objects skipped). */
export const componentsOf = (list: unknown): Component[] => (Array.isArray(list) ? list.filter(isObject) : []);

/** A dotted key or path as segments (empty for none). */
export const segments = (value: unknown): string[] => (typeof value === 'string' && value ? value.split('.') : []);

/** The value at `path` in `data` (own properties only), or undefined. */
export function getPath(data: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = data;
  for (const part of path) {
    if (!isObject(value) || !Object.hasOwn(value, part)) return undefined;
    value = value[part];
  }
  return value;
}

/** Sets `value` at `path` in `data`, creating objects on the way (own data properties, so `__proto__` is just a key). */
export function setPath(data: Record<string, unknown>, path: string[], value: unknown): void {
  let target = data;
  path.forEach((part, i) => {
    if (i === path.length - 1) {
      Object.defineProperty(target, part, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    if (!isObject(getPath(target, [part]))) setPath(target, [part], {});
    target = target[part] as Record<string, unknown>;
  });
}

/** The shape of the data a form binds: a nested value, a field's value, or a dynamic list of items of a shape. */
export type Shape = Map<string, Shape | 'value' | { item: Shape }>;

/** The shape of the data `components` bind (groups nest by their path, dynamic lists hold items). */
export function shapeOf(components: Component[], shape: Shape = new Map()): Shape {
  const at = (path: string[]): Shape => {
    let node = shape;
    for (const part of path) {
      const next = node.get(part);
      if (next instanceof Map) node = next;
      else {
        const created: Shape = new Map();
        if (next === undefined) node.set(part, created);
        node = created;
      }
    }
    return node;
  };
  for (const c of components) {
    const path = segments(c.path);
    if (c.type === 'dynamiclist' && path.length > 0) at(path.slice(0, -1)).set(path[path.length - 1], { item: shapeOf(componentsOf(c.components)) });
    else if (Array.isArray(c.components)) shapeOf(componentsOf(c.components), at(path));
    else if (KEYED_TYPES.has(String(c.type)) && segments(c.key).length > 0) {
      const key = segments(c.key);
      at(key.slice(0, -1)).set(key[key.length - 1], 'value');
    }
  }
  return shape;
}

/** Root variable names a FEEL expression reads (function names left out); none when it does not parse. */
export function feelVariableNames(source: string): string[] {
  const names = new Set<string>();
  try {
    const tree = parseExpression(source, {}, undefined);
    tree.iterate({
      enter(node) {
        if (node.type.name !== 'VariableName') return;
        if (node.node.parent?.type.name === 'FunctionInvocation') return;
        names.add(source.slice(node.from, node.to).trim());
      },
    });
  } catch {
    return [];
  }
  return [...names];
}

/** Root variable names a component's expressions (`=…` properties) and templates (`{{…}}`) read, and its `valuesKey`. */
function mentionedBy(component: Component): string[] {
  const names: string[] = typeof component.valuesKey === 'string' && component.valuesKey ? [segments(component.valuesKey)[0]] : [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4) return;
    if (typeof value === 'string') {
      if (value.startsWith('=')) names.push(...feelVariableNames(value.slice(1)));
      else for (const match of value.matchAll(/\{\{\s*(?:#(?:if|loop)\s+)?([^{}]*)\}\}/g)) names.push(...feelVariableNames(match[1]));
    } else if (isObject(value)) for (const [key, entry] of Object.entries(value)) if (key !== 'components') visit(entry, depth + 1);
  };
  visit(component, 0);
  return names;
}

/** Root variable names every component of the form mentions in expressions and templates. */
export function mentionedVariables(components: Component[], names = new Set<string>()): Set<string> {
  for (const c of components) {
    for (const name of mentionedBy(c)) names.add(name);
    mentionedVariables(componentsOf(c.components), names);
  }
  return names;
}

/** The part of `data` that `shape` binds (list items reduced to their own fields). */
function bound(shape: Shape, data: Record<string, unknown>, out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, node] of shape) {
    const value = getPath(data, [key]);
    if (value === undefined) continue;
    if (node === 'value') setPath(out, [key], value);
    else if (node instanceof Map) {
      if (isObject(value)) setPath(out, [key], bound(node, value));
    } else if (Array.isArray(value)) setPath(out, [key], value.map((item) => (isObject(item) ? bound(node.item, item) : item)));
  }
  return out;
}

/**
 * The variables a task's form shows: the values of its fields (at their paths; list items with their fields only) and
 * the variables its expressions and templates read (whole), so the browser evaluates hide rules as the server does.
 */
export function formVariables(schema: unknown, variables: Record<string, unknown>): Record<string, unknown> {
  if (!isObject(schema)) return {};
  const components = componentsOf(schema.components);
  const out = bound(shapeOf(components), variables);
  for (const name of mentionedVariables(components)) if (Object.hasOwn(variables, name)) setPath(out, [name], variables[name]);
  return out;
}
