// Structured logging (pino) for server, worker and scripts.
import pino from 'pino';

/** Creates the process logger; `name` tells server, worker and scripts apart. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info') {
  return pino({ name, level });
}

/** A pino logger. */
export type Logger = ReturnType<typeof createLogger>;
