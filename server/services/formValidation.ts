// The server's check of form-js schemas and of what people submit into them: the submitted data against each visible
// field's key, type and `validate`, in time linear in the input (lengths capped before any pattern, patterns on RE2).
import { evaluateFeel } from '../../engine/feel';
import { FORM_RULE_LIMITS, rethrowOverrun } from './formRules';
import { type Component, componentsOf, getPath, isObject, KEYED_TYPES, segments, setPath, type Shape, shapeOf } from './formSchema';
import { EMAIL, linearPattern, patternProblem, PHONE } from './linearRegex';

/** One invalid field: its path in the submitted variables and what is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

/** The longest text a text field takes (fewer when its `validate.maxLength` says so); checked before any pattern. */
export const MAX_TEXT_LENGTH = 10_000;
/** The longest text a date/time field takes. */
const MAX_DATETIME_LENGTH = 64;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Problems with a schema itself (saved forms must pass): components with a type, unique keys, patterns both engines run. */
export function schemaProblems(schema: unknown): FieldError[] {
  if (!isObject(schema)) return [{ path: 'schema', message: 'must be a form-js schema object' }];
  if (!Array.isArray(schema.components)) return [{ path: 'schema.components', message: 'must be an array of components' }];
  const problems: FieldError[] = [];
  const keys = new Set<string>();
  const walk = (components: unknown[], where: string, prefix: string[]) => {
    components.forEach((raw, i) => {
      const at = `${where}[${i}]`;
      if (!isObject(raw) || typeof raw.type !== 'string') {
        problems.push({ path: at, message: 'must be an object with a string `type`' });
        return;
      }
      const c = raw as Component;
      if (c.key !== undefined) {
        if (typeof c.key !== 'string' || !c.key) {
          problems.push({ path: `${at}.key`, message: 'must be a non-empty string' });
          return;
        }
        const full = [...prefix, ...c.key.split('.')].join('.');
        if (keys.has(full)) problems.push({ path: `${at}.key`, message: `duplicate key "${full}"` });
        keys.add(full);
      }
      if (c.validate?.pattern !== undefined) {
        const problem = patternProblem(String(c.validate.pattern));
        if (problem) problems.push({ path: `${at}.validate.pattern`, message: `the pattern of field "${String(c.key ?? at)}" ${problem}` });
      }
      if (Array.isArray(c.components)) walk(c.components, `${at}.components`, c.type === 'dynamiclist' ? [] : [...prefix, ...segments(c.path)]);
    });
  };
  walk(schema.components, 'schema.components', []);
  return problems;
}

/** A boolean property that may be a FEEL expression (`=…`), evaluated on `context`; a failing expression is false. */
function holds(property: unknown, context: Record<string, unknown>): boolean {
  if (property === true) return true;
  if (typeof property !== 'string' || !property.trim().startsWith('=')) return false;
  try {
    return evaluateFeel(property.trim().slice(1), context, FORM_RULE_LIMITS) === true;
  } catch (error) {
    rethrowOverrun(error);
    return false;
  }
}

function allowedValues(c: Component): unknown[] | null {
  if (!Array.isArray(c.values)) return null;
  return c.values.flatMap((v) => (isObject(v) && 'value' in v ? [v.value] : []));
}

function checkText(c: Component, value: unknown, fail: (message: string) => void): void {
  const v = c.validate ?? {};
  if (typeof value !== 'string') return fail('must be text');
  const max = typeof v.maxLength === 'number' ? Math.min(v.maxLength, MAX_TEXT_LENGTH) : MAX_TEXT_LENGTH;
  if (value.length > max) return fail(`must have at most ${max} characters`);
  if (typeof v.minLength === 'number' && value.length < v.minLength) fail(`must have at least ${v.minLength} characters`);
  if (typeof v.pattern === 'string' && v.pattern) {
    const pattern = linearPattern(v.pattern);
    if (!pattern) return fail('has a pattern the server cannot check (backreferences and lookaround are not supported)');
    if (!pattern.test(value)) fail(`must match the pattern ${v.pattern}`);
  }
  if (v.validationType === 'email' && !EMAIL.test(value)) fail('must be an e-mail address');
  if (v.validationType === 'phone' && !PHONE.test(value)) fail('must be a phone number');
}

function checkValue(c: Component, value: unknown, path: string, errors: FieldError[]): void {
  const v = c.validate ?? {};
  const label = typeof c.label === 'string' && c.label ? `"${c.label}"` : 'the field';
  const fail = (message: string): void => {
    errors.push({ path, message: `${label} ${message}` });
  };
  if (isEmpty(value)) {
    if (v.required === true) fail('is required');
    return;
  }
  const options = allowedValues(c);
  switch (c.type) {
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && value.length <= 100 ? Number(value) : NaN;
      if (!Number.isFinite(n)) return fail('must be a number');
      if (typeof v.min === 'number' && n < v.min) fail(`must be at least ${v.min}`);
      if (typeof v.max === 'number' && n > v.max) fail(`must be at most ${v.max}`);
      return;
    }
    case 'checkbox':
      if (typeof value !== 'boolean') fail('must be true or false');
      return;
    case 'checklist':
    case 'taglist':
      if (!Array.isArray(value)) return fail('must be a list');
      if (options) for (const item of value) if (!options.includes(item)) fail(`has a value that is not one of the options: ${JSON.stringify(item).slice(0, 100)}`);
      return;
    case 'radio':
    case 'select':
      if (options && !options.includes(value)) fail(`must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
      return;
    case 'datetime':
      if (typeof value !== 'string' || value.length > MAX_DATETIME_LENGTH || Number.isNaN(Date.parse(value.length === 5 ? `1970-01-01T${value}` : value))) fail('must be a date or time');
      return;
    case 'textfield':
    case 'textarea':
      return checkText(c, value, fail);
    default:
      return;
  }
}

/** Reports the keys of `input` that are no field of the form (`shape`), and values that are not objects where it nests. */
function unknownKeys(shape: Shape, input: Record<string, unknown>, where: string, errors: FieldError[]): void {
  for (const [key, value] of Object.entries(input)) {
    const node = shape.get(key);
    const at = `${where}.${key}`;
    if (node === undefined) errors.push({ path: at, message: 'is not a field of the form' });
    else if (node instanceof Map) {
      if (isObject(value)) unknownKeys(node, value, at, errors);
      else if (value !== null && value !== undefined) errors.push({ path: at, message: 'must be an object' });
    } else if (node !== 'value' && Array.isArray(value)) {
      value.forEach((item, i) => {
        if (isObject(item)) unknownKeys(node.item, item, `${at}[${i}]`, errors);
        else errors.push({ path: `${at}[${i}]`, message: 'must be an object' });
      });
    }
  }
}

interface Scope {
  /** The submitted data of this level (the whole input, or one list item). */
  data: Record<string, unknown>;
  /** What expressions see: the case's variables, overridden by the submitted fields (as in the browser). */
  context: Record<string, unknown>;
  prefix: string[];
  where: string;
  /** The values passed on to the case. */
  out: Record<string, unknown>;
  errors: FieldError[];
}

function walk(components: Component[], scope: Scope): void {
  const { data, context, prefix, where, out, errors } = scope;
  for (const c of components) {
    if (holds(c.conditional?.hide, context)) continue;
    const ownPath = segments(c.path);
    if (c.type === 'dynamiclist' && Array.isArray(c.components)) {
      const path = [...prefix, ...ownPath];
      const items = getPath(data, path);
      const at = [where, ...path].join('.');
      if (items === undefined) continue;
      if (!Array.isArray(items)) {
        errors.push({ path: at, message: 'must be a list' });
        continue;
      }
      const list = items.map((raw, i) => {
        const item = isObject(raw) ? raw : {};
        const itemOut: Record<string, unknown> = {};
        walk(componentsOf(c.components), { data: item, context: { ...context, ...item }, prefix: [], where: `${at}[${i}]`, out: itemOut, errors });
        return itemOut;
      });
      setPath(out, path, list);
      continue;
    }
    if (Array.isArray(c.components)) {
      walk(componentsOf(c.components), { ...scope, prefix: [...prefix, ...ownPath] });
      continue;
    }
    if (!KEYED_TYPES.has(String(c.type)) || segments(c.key).length === 0) continue;
    const path = [...prefix, ...segments(c.key)];
    if (c.disabled === true || holds(c.readonly, context)) continue;
    if (c.type === 'expression') {
      setPath(out, path, computed(c.expression, context));
      continue;
    }
    const value = getPath(data, path);
    checkValue(c, value, [where, ...path].join('.'), errors);
    if (value !== undefined) setPath(out, path, value);
  }
}

/** An expression field's value, computed by the server as the browser does (null when it fails). */
function computed(expression: unknown, context: Record<string, unknown>): unknown {
  if (typeof expression !== 'string' || !expression.trim().startsWith('=')) return null;
  try {
    return evaluateFeel(expression.trim().slice(1), context, FORM_RULE_LIMITS);
  } catch (error) {
    rethrowOverrun(error);
    return null;
  }
}

/** What a submission to a form comes to: its errors, and the values to pass to the case when there are none. */
export interface FormSubmission {
  errors: FieldError[];
  values: Record<string, unknown>;
}

/**
 * Checks a submission against a form-js schema: keys that are no field of the form are errors; hide and read-only rules
 * are evaluated on the case's variables merged with the submitted fields (so a submitter cannot hide a field to skip its
 * checks); `values` holds only the visible, editable fields (expression fields computed here), as the browser submits
 * them.
 */
export function checkFormSubmission(schema: unknown, input: Record<string, unknown>, caseVariables: Record<string, unknown> = {}, where = 'body.variables'): FormSubmission {
  const out: Record<string, unknown> = {};
  if (!isObject(schema) || !Array.isArray(schema.components)) return { errors: [], values: out };
  const components = componentsOf(schema.components);
  const shape = shapeOf(components);
  const errors: FieldError[] = [];
  unknownKeys(shape, input, where, errors);
  const fields = Object.fromEntries(Object.entries(input).filter(([key]) => shape.has(key)));
  walk(components, { data: input, context: { ...caseVariables, ...fields }, prefix: [], where, out, errors });
  return { errors, values: out };
}

/** Validates submitted data against a form-js schema alone; an empty list means valid. */
export function validateFormData(schema: unknown, data: Record<string, unknown>, where = 'body.variables'): FieldError[] {
  return checkFormSubmission(schema, data, {}, where).errors;
}
