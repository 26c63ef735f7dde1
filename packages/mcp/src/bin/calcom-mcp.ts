#!/usr/bin/env node
import { CalComError } from '@calcom-int/core';
import { parseToolGroups, type ToolGroup } from '@calcom-int/tools';
import { serveStdio } from '@calcom-int/tools/mcp';

/**
 * Reads the `--tools <groups>` (or `--tools=<groups>`) flag: a comma-separated list of tool groups, e.g.
 * `--tools bookings,teams`. Left out, every tool is served.
 *
 * @param argv The arguments after the script.
 * @returns The groups, or `undefined` for all.
 */
function toolGroupsFlag(argv: readonly string[]): ToolGroup[] | undefined {
  const index = argv.findIndex((arg) => arg === '--tools' || arg.startsWith('--tools='));
  if (index === -1) return undefined;
  const arg = argv[index] as string;
  const value = arg === '--tools' ? argv[index + 1] : arg.slice('--tools='.length);
  if (value === undefined || value.startsWith('--'))
    throw new Error('--tools needs a value, e.g. --tools bookings,teams.');
  return parseToolGroups(value);
}

/**
 * Starts the Cal.com MCP server over stdio. Configuration is read like the client does: `CAL_COM_API_KEY`,
 * `CAL_COM_BASE_URL` (e.g. a local testkit server) and `CAL_COM_LOG` from the environment or the project-root `.env`.
 * Every log line, at every level, goes to stderr (`serveStdio` gives its client a stderr logger); stdout carries the
 * protocol only. `--tools bookings,teams` serves only those tool groups.
 */
async function main(): Promise<void> {
  const groups = toolGroupsFlag(process.argv.slice(2));
  await serveStdio(groups === undefined ? {} : { groups });
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
