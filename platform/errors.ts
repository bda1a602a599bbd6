// Domain errors: what went wrong in a service, independent of any transport. The HTTP layer (server/http/problem.ts)
// maps each kind to a status and the error to problem+json; a worker or script can handle them without knowing HTTP.

/** The kinds of failure a service reports; each maps to one HTTP status. */
export type DomainErrorKind = 'invalid' | 'not-found' | 'forbidden' | 'conflict' | 'unprocessable' | 'timeout';

/** A failure a caller can act on: a stable machine-readable `code`, a human `detail` and optional extra members. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

/** `what` does not exist (or the caller may not see it). */
export const notFound = (what: string, code = 'not-found') => new DomainError('not-found', code, `${what} was not found`);
/** The caller's role or scope does not allow the action. */
export const forbidden = (detail: string, code = 'forbidden') => new DomainError('forbidden', code, detail);
/** The request conflicts with the resource's current state. */
export const conflict = (code: string, detail: string, extra: Record<string, unknown> = {}) => new DomainError('conflict', code, detail, extra);
/** The request is well-formed but its content cannot be processed. */
export const unprocessable = (code: string, detail: string, extra: Record<string, unknown> = {}) => new DomainError('unprocessable', code, detail, extra);
/** The request itself is malformed (a payload of the wrong shape). */
export const invalid = (code: string, detail: string, extra: Record<string, unknown> = {}) => new DomainError('invalid', code, detail, extra);
/** A dependency did not answer in time; the action may still take effect. */
export const timedOut = (code: string, detail: string, extra: Record<string, unknown> = {}) => new DomainError('timeout', code, detail, extra);
