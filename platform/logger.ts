// Structured logging (pino) for server, worker and scripts.
import pino from 'pino';

/** Log paths that carry credentials (request logs of pino-http); their values are replaced, the keys stay. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/** Creates the process logger; `name` tells server, worker and scripts apart; `destination` defaults to stdout. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = { name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** A pino logger. */
export type Logger = ReturnType<typeof createLogger>;
