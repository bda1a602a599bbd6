// Shows the server's field errors (422 invalid-form-data) on the fields of a form-js form; the rest go above the form.
import type { Form as FormJs } from '@bpmn-io/form-js-viewer';
import { type FieldInstance, type ServerFieldError, serverFieldErrors } from './serverFieldErrors';

/** Puts `errors` on the fields of `form` they name and answers the ones no field on screen shows (all of them without a form). */
export function placeServerErrors(form: FormJs | null, errors: ServerFieldError[]): ServerFieldError[] {
  if (!form || errors.length === 0) return errors;
  const instances = form.get<{ getAllKeyed(): FieldInstance[] }>('formFieldInstanceRegistry').getAllKeyed();
  const { fieldErrors, unmatched } = serverFieldErrors(errors, instances);
  // form-js has no public setter for errors; `_setState` is how its own validation shows them on the fields.
  form._setState({ errors: fieldErrors });
  return unmatched;
}
