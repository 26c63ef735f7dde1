#!/usr/bin/env node
import { CalComError } from '@calcom-int/core';
import { startFromEnvironment } from '../config';

/**
 * Starts the remote MCP server from the environment (see the README). `--simulator` serves the embedded Cal.com
 * simulator from `@calcom-int/testkit` instead of Cal.com (for a first look: any `cal_sim_…` seed key works).
 * SIGTERM and SIGINT shut it down gracefully: no new requests, calls in flight finish, then the process exits.
 */
async function main(): Promise<void> {
  const withSimulator = process.argv.includes('--simulator');
  let simulatorClose: (() => Promise<void>) | undefined;
  let overrides = {};
  if (withSimulator) {
    const { startCalComServer } = await import('@calcom-int/testkit/server');
    const simulator = await startCalComServer();
    simulatorClose = simulator.close;
    overrides = { clientOptions: { baseUrl: simulator.url, now: simulator.clientOptions.now } };
    process.stderr.write(
      `Cal.com simulator at ${simulator.url}; connect with "Authorization: Bearer ${simulator.apiKey}".\n`,
    );
  }
  const running = await startFromEnvironment(process.env, overrides);
  process.stderr.write(`calcom-mcp-server ${__PACKAGE_VERSION__} listening on ${running.server.url}\n`);
  const stop = (signal: string) => {
    running.logger.info('signal', { signal });
    void running
      .close()
      .then(() => simulatorClose?.())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = CalComError.isInstance(error)
    ? error.message
    : error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`calcom-mcp-server could not start: ${message}\n`);
  process.exitCode = 1;
});
