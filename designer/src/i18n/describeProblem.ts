// Turns an API error into a title and detail for people, in the current language: errors the client made itself, the
// server's known problem codes (with their field errors), and a status line for any other problem.
import { NETWORK_ERROR, UNEXPECTED_RESPONSE, type ProblemBody, type ProblemError } from '../api/problem';
import { serverMessageText } from '../pages/Task/formMessages';
import { knownProblem } from './knownProblems';
import type { Translate } from './useT';

/** Title and optional detail of an API error, ready to show. */
export interface ProblemText {
  title: string;
  detail?: string;
}

/** Request fields whose name people know from the pages that send them. */
const FIELD_LABELS = { 'body.businessKey': 'start.businessKey', 'body.street': 'start.street', 'body.definitionKey': 'start.process', 'body.variables': 'problem.field.variables' } as const;

/** How people know the request field at `path`: its form label, `变量 <name>` for a variable, else the path itself. */
export function fieldLabel(t: Translate, path: string): string {
  if (Object.hasOwn(FIELD_LABELS, path)) return t(FIELD_LABELS[path as keyof typeof FIELD_LABELS]);
  const variable = /^body\.variables[.[](.+)$/.exec(path);
  if (variable) return t('problem.field.variable', { name: variable[1].replace(/^\[/, '') });
  return path.replace(/^body\./, '');
}

/** One line per field error of a problem (`errors[]` of a 400 or 422), each naming its field, in the user's language. */
export function fieldErrorLines(t: Translate, body: ProblemBody): string[] {
  const errors = Array.isArray(body.errors) ? (body.errors as unknown[]) : [];
  return errors.flatMap((e) => {
    if (typeof e !== 'object' || e === null) return [];
    const { path, message } = e as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') return [];
    return [t('problem.fieldLine', { field: fieldLabel(t, path), message: serverMessageText(t, message) })];
  });
}

/**
 * A known problem code gets its own message, and its field errors as the detail; another problem gets a status line
 * and the server's detail (English, for operators); a network error or a reply that is not problem+json says so.
 */
export function describeProblem(t: Translate, error: ProblemError): ProblemText {
  if (error.code === NETWORK_ERROR) return { title: t('error.network.title'), detail: t('error.network.detail') };
  if (error.code === UNEXPECTED_RESPONSE) return { title: t('error.unexpected.title', { status: error.status }), detail: error.detail };
  const known = knownProblem(error.code, error.body, t('list.separator'));
  if (known) {
    const lines = error.code === 'reserved-variables' ? [] : fieldErrorLines(t, error.body);
    return { title: t(known.key, known.params), detail: lines.length > 0 ? lines.join(t('problem.lineSeparator')) : undefined };
  }
  return { title: t(error.status >= 500 ? 'problem.serverError' : 'problem.refused', { status: error.status }), detail: error.detail };
}

/** One line for a message toast or an alert: the title, and the detail when there is one. */
export function problemLine(t: Translate, error: ProblemError): string {
  const { title, detail } = describeProblem(t, error);
  return detail ? `${title} — ${detail}` : title;
}
