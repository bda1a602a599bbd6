// RFC 9457 problem details as a typed error, built from a failed response or a failed fetch.

/** Code of the error made when the server cannot be reached at all. */
export const NETWORK_ERROR = 'network-error';

/** Code of the error made when the server answers with something that is not problem+json. */
export const UNEXPECTED_RESPONSE = 'unexpected-response';

/** A problem+json body: the standard members plus Sparrow's stable `code` and any extensions. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  [extension: string]: unknown;
}

/** Every failed API call, whether the server explained it (problem+json) or not (network, HTML error page). */
export class ProblemError extends Error {
  /** Stable code from the server (`http-<status>` if it sent none), or NETWORK_ERROR / UNEXPECTED_RESPONSE. */
  readonly code: string;
  /** Short human summary. */
  readonly title: string;
  /** Explanation of this occurrence, when the server gave one. */
  readonly detail: string | undefined;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  /** The whole problem body, extensions included (e.g. `problems` of a refused deployment). */
  readonly body: ProblemBody;

  constructor(status: number, body: ProblemBody, fallbackCode: string, options?: ErrorOptions) {
    const title = body.title ?? `HTTP ${status}`;
    super(body.detail ? `${title}: ${body.detail}` : title, options);
    this.name = 'ProblemError';
    this.status = status;
    this.body = body;
    this.code = body.code ?? fallbackCode;
    this.title = title;
    this.detail = body.detail;
  }
}

/** Reads a failed response into a ProblemError; a body that is not problem+json keeps only the status. */
export async function problemFromResponse(response: Response): Promise<ProblemError> {
  const contentType = response.headers.get('content-type') ?? '';
  if (/^application\/(problem\+)?json\b/.test(contentType)) {
    try {
      const body: unknown = await response.json();
      if (body && typeof body === 'object' && !Array.isArray(body)) {
        return new ProblemError(response.status, body as ProblemBody, `http-${response.status}`);
      }
    } catch {
      // Malformed JSON: fall through to the status-only error.
    }
  }
  return new ProblemError(response.status, { title: response.statusText || undefined }, UNEXPECTED_RESPONSE);
}

/** The error for a request that got no response (offline, server down, CORS, aborted). */
export function networkProblem(cause: unknown): ProblemError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ProblemError(0, { title: 'Network error', detail }, NETWORK_ERROR, { cause });
}
