// Which dependency an error says is down, from the drivers' error names and codes: the API answers 503 for it,
// a job waits and runs again (activities/index.ts).

const MONGO_DOWN = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);
/** gRPC status codes meaning "the server is not there": UNAVAILABLE (14), DEADLINE_EXCEEDED (4). */
const GRPC_DOWN = new Set([4, 14]);

/** Which dependency an error says is unreachable: MongoDB, Temporal, or none. */
export function unreachableDependency(error: unknown): 'mongo' | 'temporal' | null {
  for (let e = error as { name?: string; message?: string; code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth += 1) {
    if (e.name && MONGO_DOWN.has(e.name)) return 'mongo';
    if (e.name === 'MongooseError' && /buffering timed out|Client must be connected/.test(e.message ?? '')) return 'mongo';
    if (typeof e.code === 'number' && GRPC_DOWN.has(e.code) && ('details' in e || 'metadata' in e)) return 'temporal';
    if (e.name === 'ServiceError' && /UNAVAILABLE|DEADLINE_EXCEEDED|Failed to connect|connection/i.test(e.message ?? '')) return 'temporal';
    if (e.name === 'TransportError' || e.name === 'ConnectionError') return 'temporal';
  }
  return null;
}
