// Puts the server's form validation errors (422 `invalid-form-data`, `errors[].path`) on the form-js fields they name (pure).

/** One field error as the server reports it, e.g. `{ path: 'body.variables.report.amount', message: '… is required' }`. */
export interface ServerFieldError {
  path: string;
  message: string;
}

/** What form-js knows about one rendered field: its component id, where its value lives, its list indexes. */
export interface FieldInstance {
  id: string;
  valuePath: ReadonlyArray<string | number>;
  indexes?: Record<string, number> | null;
}

/** form-js's errors state: component id → messages, nested by list index for fields inside dynamic lists. */
export type FormErrors = Record<string, unknown>;

/** The server's prefix of every field path. */
export const VARIABLES_PREFIX = 'body.variables';

/** `body.variables.list[1].name` → `['list', 1, 'name']`; a path outside the variables → null. */
export function valuePathOf(path: string, prefix = VARIABLES_PREFIX): Array<string | number> | null {
  if (path !== prefix && !path.startsWith(`${prefix}.`) && !path.startsWith(`${prefix}[`)) return null;
  const rest = path.slice(prefix.length);
  const parts: Array<string | number> = [];
  for (const match of rest.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) parts.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  return parts.length > 0 ? parts : null;
}

function setIn(target: Record<string, unknown>, path: ReadonlyArray<string | number>, messages: string[]): void {
  let node = target as Record<string | number, unknown>;
  path.slice(0, -1).forEach((part) => {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string | number, unknown>;
  });
  const last = path[path.length - 1];
  node[last] = [...((node[last] as string[] | undefined) ?? []), ...messages];
}

/**
 * Sorts server errors into form-js errors (on the field whose value path the error names) and the rest, which have no
 * field on screen (shown above the form instead).
 */
export function serverFieldErrors(errors: readonly ServerFieldError[], instances: readonly FieldInstance[]): { fieldErrors: FormErrors; unmatched: ServerFieldError[] } {
  const byPath = new Map(instances.map((instance) => [instance.valuePath.join('\u0000'), instance]));
  const fieldErrors: FormErrors = {};
  const unmatched: ServerFieldError[] = [];
  for (const error of errors) {
    const valuePath = valuePathOf(error.path);
    const instance = valuePath && byPath.get(valuePath.join('\u0000'));
    if (!instance) {
      unmatched.push(error);
      continue;
    }
    setIn(fieldErrors, [instance.id, ...Object.values(instance.indexes ?? {})], [error.message]);
  }
  return { fieldErrors, unmatched };
}

/** The `errors` of a 422 problem body, keeping only well-formed entries. */
export function problemFieldErrors(body: Record<string, unknown>): ServerFieldError[] {
  const { errors } = body;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is ServerFieldError => typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.message === 'string');
}
