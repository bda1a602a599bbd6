// The one place that talks HTTP: same-origin fetch, JSON in and out, problem+json errors, 401 and CSRF handled once.
import { networkProblem, problemFromResponse, ProblemError, UNEXPECTED_RESPONSE } from './problem';

/** What a request builder describes: one API call, not yet sent. */
export interface RequestBuilder {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Same-origin path, e.g. `/api/definitions`. */
  url: string;
  /** Sent as JSON when present. */
  body?: unknown;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

/** A successful response: its status and parsed JSON body (undefined for 204 or an empty body). */
export interface ApiResponse<T> {
  status: number;
  body: T;
}

/** Either a response or an error, never both; `request` itself never throws. */
export type RequestResult<T> =
  | { response: ApiResponse<T>; error: null }
  | { response: null; error: ProblemError };

let onUnauthorized: ((request: RequestBuilder) => void) | null = null;
let csrfToken: string | null = null;

/** The header that carries the session's CSRF token on state-changing requests. */
export const CSRF_HEADER = 'X-CSRF-Token';
/** The problem code of a refused or missing CSRF token. */
export const CSRF_INVALID = 'csrf-token-invalid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Remembers the session's CSRF token (from sign-in or `GET /api/me`); null forgets it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** `/api/auth/csrf` on the origin of `url` (same-origin paths stay relative). */
function csrfUrl(url: string): string {
  return /^https?:\/\//.test(url) ? new URL('/api/auth/csrf', url).href : '/api/auth/csrf';
}

/** Fetches the session's CSRF token; false when there is none to get. */
async function refreshCsrfToken(url: string): Promise<boolean> {
  const { response } = await send<{ csrfToken: string | null }>({ method: 'GET', url: csrfUrl(url) }, {});
  csrfToken = response?.body?.csrfToken ?? null;
  return csrfToken !== null;
}

/** Registers what the app does when any call answers 401, given that call (one handler; a new one replaces the old). */
export function setUnauthorizedHandler(handler: ((request: RequestBuilder) => void) | null): void {
  onUnauthorized = handler;
}

/**
 * Sends one API call and returns `{response, error}`; the body type `T` is the caller's promise about the endpoint.
 * A state-changing call refused for its CSRF token fetches the session's token and is sent once more.
 */
export async function request<T>(builder: RequestBuilder, options: { signal?: AbortSignal } = {}): Promise<RequestResult<T>> {
  const result = await send<T>(builder, options);
  if (result.error?.status === 403 && result.error.code === CSRF_INVALID && UNSAFE.has(builder.method) && (await refreshCsrfToken(builder.url))) {
    return send<T>(builder, options);
  }
  return result;
}

async function send<T>(builder: RequestBuilder, options: { signal?: AbortSignal }): Promise<RequestResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...builder.headers };
  if (builder.body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrfToken && UNSAFE.has(builder.method)) headers[CSRF_HEADER] = csrfToken;

  let response: Response;
  try {
    response = await fetch(builder.url, {
      method: builder.method,
      headers,
      body: builder.body === undefined ? undefined : JSON.stringify(builder.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    return { response: null, error: networkProblem(cause) };
  }

  if (!response.ok) {
    if (response.status === 401) onUnauthorized?.(builder);
    return { response: null, error: await problemFromResponse(response) };
  }

  try {
    const text = await response.text();
    const body = (text === '' ? undefined : JSON.parse(text)) as T;
    return { response: { status: response.status, body }, error: null };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { response: null, error: new ProblemError(response.status, { title: 'Unreadable response', detail }, UNEXPECTED_RESPONSE, { cause }) };
  }
}
