import { redact, redactValue } from '../text/redact';

/** A console-compatible logger. */
export interface Logger {
  /** Logs a debug message. */
  debug(message: string, ...details: unknown[]): void;
  /** Logs an informational message. */
  info(message: string, ...details: unknown[]): void;
  /** Logs a warning. */
  warn(message: string, ...details: unknown[]): void;
  /** Logs an error. */
  error(message: string, ...details: unknown[]): void;
}

/** The log levels, from quietest to most verbose. */
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

/** The log levels in order of verbosity. */
export const LOG_LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

/** Tells whether a string is a log level. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

/** Wraps a logger so that it drops messages above `level` and redacts every message and detail. */
export function createLogger(logger: Logger, level: LogLevel): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const write =
    (method: Exclude<LogLevel, 'silent'>) =>
    (message: string, ...details: unknown[]): void => {
      if (LOG_LEVELS.indexOf(method) > threshold) {
        return;
      }
      logger[method](`[calcom-int] ${redact(message)}`, ...details.map((detail) => redactValue(detail)));
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
