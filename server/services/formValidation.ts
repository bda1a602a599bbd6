// A pragmatic validator for form-js schemas: the submitted data against each component's key, type and `validate`.
import { evaluateFeel } from '../../engine/feel';

/** One invalid field: its path in the submitted variables and what is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

/** A form-js component, as far as validation reads it. */
interface Component {
  type?: unknown;
  key?: unknown;
  path?: unknown;
  label?: unknown;
  values?: unknown;
  components?: unknown;
  conditional?: { hide?: unknown };
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

/** Components that hold no data. */
const DISPLAY_ONLY = new Set(['text', 'html', 'image', 'button', 'separator', 'spacer', 'iframe', 'table', 'documentPreview', 'expression']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s\-()]{6,}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function getPath(data: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = data;
  for (const part of path) {
    if (!isObject(value)) return undefined;
    value = value[part];
  }
  return value;
}

/** Problems with a schema itself (saved forms must pass): components with a type, unique keys. */
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
        try {
          new RegExp(String(c.validate.pattern));
        } catch {
          problems.push({ path: `${at}.validate.pattern`, message: 'is not a valid regular expression' });
        }
      }
      if (Array.isArray(c.components)) walk(c.components, `${at}.components`, c.type === 'dynamiclist' ? [] : [...prefix, ...(typeof c.path === 'string' && c.path ? c.path.split('.') : [])]);
    });
  };
  walk(schema.components, 'schema.components', []);
  return problems;
}

function hidden(c: Component, data: Record<string, unknown>): boolean {
  const hide = c.conditional?.hide;
  if (typeof hide !== 'string' || !hide.trim()) return false;
  try {
    return evaluateFeel(hide.trim().replace(/^=/, ''), data) === true;
  } catch {
    return false;
  }
}

function allowedValues(c: Component): unknown[] | null {
  if (!Array.isArray(c.values)) return null;
  return c.values.flatMap((v) => (isObject(v) && 'value' in v ? [v.value] : []));
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
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
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
      if (options) for (const item of value) if (!options.includes(item)) fail(`has a value that is not one of the options: ${JSON.stringify(item)}`);
      return;
    case 'radio':
    case 'select':
      if (options && !options.includes(value)) fail(`must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
      return;
    case 'datetime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value.length === 5 ? `1970-01-01T${value}` : value))) fail('must be a date or time');
      return;
    case 'textfield':
    case 'textarea': {
      if (typeof value !== 'string') return fail('must be text');
      if (typeof v.minLength === 'number' && value.length < v.minLength) fail(`must have at least ${v.minLength} characters`);
      if (typeof v.maxLength === 'number' && value.length > v.maxLength) fail(`must have at most ${v.maxLength} characters`);
      if (typeof v.pattern === 'string' && v.pattern && !new RegExp(v.pattern).test(value)) fail(`must match the pattern ${v.pattern}`);
      if (v.validationType === 'email' && !EMAIL.test(value)) fail('must be an e-mail address');
      if (v.validationType === 'phone' && !PHONE.test(value)) fail('must be a phone number');
      return;
    }
    default:
      return;
  }
}

function walk(components: unknown[], data: Record<string, unknown>, prefix: string[], where: string, errors: FieldError[]): void {
  for (const raw of components) {
    if (!isObject(raw)) continue;
    const c = raw as Component;
    if (hidden(c, data)) continue;
    const ownPath = typeof c.path === 'string' && c.path ? c.path.split('.') : [];
    if (c.type === 'dynamiclist' && Array.isArray(c.components)) {
      const path = [...prefix, ...ownPath];
      const items = getPath(data, path);
      if (items === undefined) continue;
      if (!Array.isArray(items)) {
        errors.push({ path: [where, ...path].join('.'), message: 'must be a list' });
        continue;
      }
      items.forEach((item, i) => walk(c.components as unknown[], isObject(item) ? item : {}, [], `${[where, ...path].join('.')}[${i}]`, errors));
      continue;
    }
    if (Array.isArray(c.components)) {
      walk(c.components, data, [...prefix, ...ownPath], where, errors);
      continue;
    }
    if (typeof c.key !== 'string' || DISPLAY_ONLY.has(String(c.type)) || c.type === 'filepicker') continue;
    const path = [...prefix, ...c.key.split('.')];
    checkValue(c, getPath(data, path), [where, ...path].join('.'), errors);
  }
}

/** Validates submitted data against a form-js schema; an empty list means valid. */
export function validateFormData(schema: unknown, data: Record<string, unknown>, where = 'body.variables'): FieldError[] {
  if (!isObject(schema) || !Array.isArray(schema.components)) return [];
  const errors: FieldError[] = [];
  walk(schema.components, data, [], where, errors);
  return errors;
}
