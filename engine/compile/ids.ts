// Element ids and header keys become keys of plain JSON records in the model, so each must be present and safe.
import { localType, type BpmnElement } from './moddle';
import type { Diagnostics } from './problems';

/** True for a key that a plain object cannot hold as its own data (`__proto__` would replace the prototype). */
export function isReservedKey(key: string): boolean {
  return key === '__proto__';
}

/** The element's id, or undefined with an `id-invalid` problem when it has none or it is reserved. */
export function readId(element: BpmnElement, diagnostics: Diagnostics): string | undefined {
  const id = element.id;
  if (!id) {
    diagnostics.problem('id-invalid', `a ${localType(element)} has no id`);
    return undefined;
  }
  if (isReservedKey(id)) {
    diagnostics.problem('id-invalid', `${localType(element)} id <${id}> is reserved; choose another id`, id);
    return undefined;
  }
  return id;
}
