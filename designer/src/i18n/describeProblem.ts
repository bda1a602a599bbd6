// Turns an API error into a title and detail for people, in the current language where the client knows better.
import { NETWORK_ERROR, UNEXPECTED_RESPONSE, type ProblemError } from '../api/problem';
import type { Translate } from './useT';

/** Title and optional detail of an API error, ready to show. */
export interface ProblemText {
  title: string;
  detail?: string;
}

/** Uses the server's problem title/detail, except for errors the client made itself (no response, not problem+json). */
export function describeProblem(t: Translate, error: ProblemError): ProblemText {
  if (error.code === NETWORK_ERROR) {
    return { title: t('error.network.title'), detail: t('error.network.detail') };
  }
  if (error.code === UNEXPECTED_RESPONSE) {
    return { title: t('error.unexpected.title', { status: error.status }), detail: error.detail };
  }
  return { title: error.title, detail: error.detail };
}
