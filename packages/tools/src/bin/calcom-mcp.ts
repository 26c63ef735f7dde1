#!/usr/bin/env node
import { CalComError } from '@calcom-int/core';
import { serveStdio } from '../adapters/mcp/serve-stdio';

/**
 * Starts the Cal.com MCP server over stdio. Configuration is read like the client does: `CAL_COM_API_KEY`,
 * `CAL_COM_BASE_URL` (e.g. a local testkit server) and `CAL_COM_LOG` from the environment or the project-root `.env`.
 * Every log line, at every level, goes to stderr (`serveStdio` gives its client a stderr logger); stdout carries the
 * protocol only.
 */
async function main(): Promise<void> {
  await serveStdio();
  process.stderr.write(`calcom-mcp ${__PACKAGE_VERSION__} ready on stdio\n`);
}

main().catch((error: unknown) => {
  const message = CalComError.isInstance(error)
    ? error.message
    : error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`calcom-mcp could not start: ${message}\n`);
  process.exitCode = 1;
});
