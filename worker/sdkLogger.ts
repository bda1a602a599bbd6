// Sends the Temporal SDK's own log messages (worker, bundler, activities) to pino, at WARN and above by default.
import type { LogLevel, LogMetadata, Logger as SdkLogger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Logger } from '../platform/logger';

const order: LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];

/** A Temporal SDK logger writing through pino; messages below `minLevel` are dropped. */
export class PinoSdkLogger implements SdkLogger {
  constructor(
    private readonly pino: Logger,
    private readonly minLevel: LogLevel = 'WARN',
  ) {}

  logAt(level: LogLevel, message: string, meta?: LogMetadata): void {
    if (order.indexOf(level) < order.indexOf(this.minLevel)) return;
    const pinoLevel = level === 'TRACE' ? 'trace' : level === 'DEBUG' ? 'debug' : level === 'INFO' ? 'info' : level === 'WARN' ? 'warn' : 'error';
    this.pino[pinoLevel]({ ...(meta as object) }, message);
  }

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    this.logAt(level, message, meta);
  }
  trace(message: string, meta?: LogMetadata): void {
    this.logAt('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.logAt('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.logAt('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.logAt('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.logAt('ERROR', message, meta);
  }
}

/** Installs the Temporal runtime with the pino-backed logger; call once, before any worker or native connection. */
export function installSdkLogger(log: Logger, minLevel: LogLevel = 'WARN'): void {
  Runtime.install({ logger: new PinoSdkLogger(log, minLevel) });
}
