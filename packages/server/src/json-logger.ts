import type { Writable } from 'node:stream';
import { type Logger, type LogLevel, redact } from '@calcom-int/core';

/** The levels, least verbose first. */
const LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

/** A logger that writes one JSON object per line. */
export interface JsonLogger extends Logger {
  /**
   * Returns a logger that adds `fields` to every line (e.g. the request id).
   *
   * @param fields The fields.
   * @returns The child logger.
   */
  child(fields: Record<string, unknown>): JsonLogger;
}

/** Options of {@link createJsonLogger}. */
export interface JsonLoggerOptions {
  /** Where the lines go. Default `process.stderr` (stdout is left alone). */
  readonly stream?: Pick<Writable, 'write'>;
  /** The most verbose level written. Default `info`. */
  readonly level?: LogLevel;
  /** The clock, for the `time` field. Default the system clock. */
  readonly now?: () => Date;
}

/**
 * Creates a structured logger: one JSON object per line (`time`, `level`, `msg`, then the fields), every line passed
 * through core's `redact`, so that a token in a message or a field never reaches the log.
 *
 * @param options The stream, the level and the clock.
 * @param fields Fields added to every line.
 * @returns The logger.
 */
export function createJsonLogger(options: JsonLoggerOptions = {}, fields: Record<string, unknown> = {}): JsonLogger {
  const stream = options.stream ?? process.stderr;
  const threshold = LEVELS.indexOf(options.level ?? 'info');
  const now = options.now ?? (() => new Date());
  const write =
    (level: Exclude<LogLevel, 'silent'>) =>
    (message: string, ...details: unknown[]): void => {
      if (LEVELS.indexOf(level) > threshold) {
        return;
      }
      const entry: Record<string, unknown> = { time: now().toISOString(), level, msg: message, ...fields };
      const extra = details.length === 1 && isRecord(details[0]) ? details[0] : undefined;
      if (extra !== undefined) {
        Object.assign(entry, extra);
      } else if (details.length > 0) {
        entry.details = details.map((detail) => (detail instanceof Error ? detail.message : detail));
      }
      stream.write(`${redact(safeStringify(entry))}\n`);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => createJsonLogger(options, { ...fields, ...more }),
  };
}

/**
 * Tells whether a value is a plain object.
 *
 * @param value The value.
 * @returns Whether it is a non-array object.
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Error);
}

/**
 * Serialises a log entry, never throwing (cycles and BigInts become strings).
 *
 * @param entry The entry.
 * @returns The JSON text.
 */
function safeStringify(entry: Record<string, unknown>): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(entry, (_key, value: unknown) => {
    if (typeof value === 'bigint') {
      return value.toString();
    }
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) {
        return '[Circular]';
      }
      seen.add(value);
    }
    return value;
  });
}
