#!/usr/bin/env node
import { CalComClient, CalComError } from '@calcom-int/core';
import { serveStdio } from '../adapters/mcp/serve-stdio';

/**
 * Starts the Cal.com MCP server over stdio. Configuration is read like the client does: `CAL_COM_API_KEY`,
 * `CAL_COM_BASE_URL` (e.g. a local testkit server) from the environment or the project-root `.env`. Logs go to stderr;
 * stdout carries the protocol.
 */
async function main(): Promise<void> {
  const client = new CalComClient();
  const server = await serveStdio({ client });
  server.server.onclose = () => {
    void client.close();
  };
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
