// The one place that talks HTTP: same-origin fetch, JSON in and out, problem+json errors, 401 handled once.
import { networkProblem, problemFromResponse, ProblemError, UNEXPECTED_RESPONSE } from './problem';

/** What a request builder describes: one API call, not yet sent. */
export interface RequestBuilder {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Same-origin path, e.g. `/api/definitions`. */
  url: string;
  /** Sent as JSON when present. */
  body?: unknown;
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

let onUnauthorized: (() => void) | null = null;

/** Registers what the app does when any call answers 401 (one handler; a new one replaces the old). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** Sends one API call and returns `{response, error}`; the body type `T` is the caller's promise about the endpoint. */
export async function request<T>(builder: RequestBuilder, options: { signal?: AbortSignal } = {}): Promise<RequestResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (builder.body !== undefined) headers['Content-Type'] = 'application/json';

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
    if (response.status === 401) onUnauthorized?.();
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
