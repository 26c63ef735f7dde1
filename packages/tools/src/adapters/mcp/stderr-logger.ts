import { Console } from 'node:console';
import type { Writable } from 'node:stream';
import type { Logger } from '@calcom-int/core';

/**
 * Creates a logger that writes every level, `debug` and `info` included, to stderr. A stdio MCP server needs it: its
 * stdout carries the JSON-RPC protocol only, and `console.debug`/`console.info` (the client's default logger) write to
 * stdout.
 *
 * @param stream Where the log lines go; `process.stderr` by default.
 * @returns The logger, for `new CalComClient({ logger })`.
 */
export function createStderrLogger(stream: Writable = process.stderr): Logger {
  const output = new Console({ stdout: stream, stderr: stream });
  return {
    debug: (message, ...details) => output.debug(message, ...details),
    info: (message, ...details) => output.info(message, ...details),
    warn: (message, ...details) => output.warn(message, ...details),
    error: (message, ...details) => output.error(message, ...details),
  };
}
