// RFC 9457 problem details: the one error shape of the API, with a stable machine-readable `code`.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { DomainError, type DomainErrorKind } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import { unreachableDependency } from '../../platform/unreachable';

/** An error that becomes an `application/problem+json` response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

/** The status and title each kind of domain error answers with. */
const KIND_STATUS: Record<DomainErrorKind, { status: number; title: string }> = {
  invalid: { status: 400, title: 'Bad Request' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not Found' },
  conflict: { status: 409, title: 'Conflict' },
  unprocessable: { status: 422, title: 'Unprocessable Content' },
  timeout: { status: 504, title: 'Gateway Timeout' },
};

/** The problem a service's domain error answers: its kind's status and title, its code, detail and extra members. */
export function problemOf(error: DomainError): HttpProblem {
  const { status, title } = KIND_STATUS[error.kind];
  return new HttpProblem(status, error.code, title, error.detail, error.extra);
}

/** Stack frames, file paths and URLs of the server's own files (also as escaped in JSON): never part of a 5xx answer. */
const INTERNALS = /\n|\\n|\bat \S+ \(|(?:file:\/\/|node:)\S+|(?:[A-Za-z]:)?[\\/](?:[\w.@-]+[\\/])+[\w.@-]+/;
const INTERNAL_ERROR_DETAIL = 'something went wrong on the server; it has been logged';

/** The body of a problem; in a 5xx, a detail or extra member that shows stack frames or server paths is left out. */
export function problemBody(problem: HttpProblem): Record<string, unknown> {
  const hidden = problem.status >= 500;
  const detail = hidden && problem.detail !== undefined && INTERNALS.test(problem.detail) ? INTERNAL_ERROR_DETAIL : problem.detail;
  const extra = hidden ? Object.fromEntries(Object.entries(problem.extra).filter(([, value]) => !INTERNALS.test(JSON.stringify(value) ?? ''))) : problem.extra;
  return { type: `https://sparrow.local/problems/${problem.code}`, title: problem.title, status: problem.status, code: problem.code, detail, ...extra };
}

/** Sends a problem response (a bare 500 when the problem cannot be written as JSON). */
export function sendProblem(res: Parameters<RequestHandler>[1], problem: HttpProblem): void {
  let json: string;
  try {
    json = JSON.stringify(problemBody(problem));
  } catch {
    return sendProblem(res, new HttpProblem(500, 'internal-error', 'Internal Server Error', INTERNAL_ERROR_DETAIL));
  }
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.status(problem.status).type('application/problem+json').send(json);
}

/** The 404 handler for unknown API routes. */
export const unknownRoute: RequestHandler = (req, res) => {
  sendProblem(res, new HttpProblem(404, 'route-not-found', 'Not Found', `no route ${req.method} ${req.path}`));
};

/** Turns any error into a problem response; unexpected errors are logged and never leak their message. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    // Once the answer has begun it cannot become a problem: express then closes the connection.
    if (res.headersSent) return next(error);
    if (error instanceof HttpProblem) return sendProblem(res, error);
    if (error instanceof DomainError) return sendProblem(res, problemOf(error));
    const status = (error as { status?: number }).status;
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      const limit = (error as { limit?: number }).limit;
      const over = !limit ? 'the size limit' : limit >= 2 ** 20 ? `the limit of ${Math.round(limit / 2 ** 20)} MB (${limit} bytes)` : `the limit of ${limit} bytes`;
      return sendProblem(res, new HttpProblem(413, 'payload-too-large', 'Payload Too Large', `the request body is over ${over}`, limit ? { limit } : {}));
    }
    if (type === 'entity.parse.failed') return sendProblem(res, new HttpProblem(400, 'invalid-json', 'Bad Request', 'the request body is not valid JSON'));
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') return sendProblem(res, new HttpProblem(415, 'unsupported-media-type', 'Unsupported Media Type', 'the request body encoding is not supported'));
    if (status && status >= 400 && status < 500) return sendProblem(res, new HttpProblem(status, 'bad-request', 'Bad Request', 'the request could not be read'));
    const down = unreachableDependency(error);
    if (down) {
      log.warn({ err: error, method: req.method, path: req.path }, `${down} unreachable`);
      const name = down === 'mongo' ? 'the database' : 'the workflow engine (Temporal)';
      return sendProblem(res, new HttpProblem(503, `${down}-unavailable`, 'Service Unavailable', `${name} cannot be reached; try again shortly`, {}, { 'Retry-After': '5' }));
    }
    log.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    sendProblem(res, new HttpProblem(500, 'internal-error', 'Internal Server Error', INTERNAL_ERROR_DETAIL));
  };
}
