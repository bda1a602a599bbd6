// RFC 9457 problem details: the one error shape of the API, with a stable machine-readable `code`.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';

/** An error that becomes an `application/problem+json` response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

/** 404 for a resource that does not exist (or that the caller may not see). */
export const notFound = (what: string) => new HttpProblem(404, 'not-found', 'Not Found', `${what} was not found`);

/** Sends a problem response. */
export function sendProblem(res: Parameters<RequestHandler>[1], problem: HttpProblem): void {
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({ type: `https://sparrow.local/problems/${problem.code}`, title: problem.title, status: problem.status, code: problem.code, detail: problem.detail, ...problem.extra });
}

/** The 404 handler for unknown API routes. */
export const unknownRoute: RequestHandler = (req, res) => {
  sendProblem(res, new HttpProblem(404, 'route-not-found', 'Not Found', `no route ${req.method} ${req.path}`));
};

/** Turns any error into a problem response; unexpected errors are logged and never leak their message. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof HttpProblem) return sendProblem(res, error);
    const status = (error as { status?: number }).status;
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') return sendProblem(res, new HttpProblem(413, 'payload-too-large', 'Payload Too Large', 'the request body is over the size limit'));
    if (type === 'entity.parse.failed') return sendProblem(res, new HttpProblem(400, 'invalid-json', 'Bad Request', 'the request body is not valid JSON'));
    if (status && status >= 400 && status < 500) return sendProblem(res, new HttpProblem(status, 'bad-request', 'Bad Request', (error as Error).message));
    log.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    sendProblem(res, new HttpProblem(500, 'internal-error', 'Internal Server Error', 'something went wrong on the server; it has been logged'));
  };
}
