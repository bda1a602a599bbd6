// The answer of a route handler other than its default: shared by the route table and the idempotency store.

/** A response other than the route's default success status with a JSON body. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
    readonly contentType?: string,
  ) {}
}
