import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { LogLevel } from '@calcom-int/core';
import { createCalComSimulator, TEST_NOW } from '@calcom-int/testkit';
import { startCalComServer } from '@calcom-int/testkit/server';
import { calComTools } from '@calcom-int/tools';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it } from 'vitest';
import { parseMessage, RecordingStdioTransport } from './recording-stdio-transport';

const BIN = fileURLToPath(new URL('../dist/bin/calcom-mcp.js', import.meta.url));

/** What the client logs in the session below, by kind; each kind appears from its level on. */
const LOG_KINDS: readonly { readonly kind: string; readonly level: LogLevel; readonly pattern: RegExp }[] = [
  { kind: 'retry', level: 'warn', pattern: /^\[calcom-int\] Retrying GET \/teams\/5001 \(attempt 2 of 4\) in \d+ ms/ },
  { kind: 'rate-limit wait', level: 'info', pattern: /^\[calcom-int\] Rate limit used up; waiting \d+ ms/ },
  { kind: 'request', level: 'debug', pattern: /^\[calcom-int\] → GET \/(me|event-types\/3002|teams\/5001)\b/ },
  { kind: 'response', level: 'debug', pattern: /^\[calcom-int\] ← (200|500) GET \// },
  { kind: 'environment', level: 'debug', pattern: /^\[calcom-int\] No \.env file at / },
];

const LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

/**
 * Five child processes at once, each waiting a second for the rate limit and a second before its retry: on a busy
 * machine (other suites running beside it) that can take longer than the default 15 s.
 */
const SESSION_TIMEOUT_MS = 60_000;

/**
 * The log kinds a level shows.
 *
 * @param level The log level.
 * @returns The kinds, in {@link LOG_KINDS} order.
 */
function kindsAt(level: LogLevel): string[] {
  return LOG_KINDS.filter((entry) => LEVELS.indexOf(entry.level) <= LEVELS.indexOf(level)).map((entry) => entry.kind);
}

// A real MCP client talks to the BUILT bin over its real stdin/stdout, at every CAL_COM_LOG level, while the client
// logs a retry (warn), a rate-limit wait (info) and every request (debug). Stdout must carry JSON-RPC only.
describe('calcom-mcp: stdout carries the protocol only, at every log level', () => {
  it.concurrent.each(LEVELS)(
    'CAL_COM_LOG=%s',
    async (level) => {
      expect(existsSync(BIN), `build first: ${BIN} is missing (pnpm --filter @calcom-int/mcp build)`).toBe(true);
      // The rate limit resets after a second, so the simulator's clock must move: TEST_NOW plus the time elapsed.
      const started = performance.now();
      const simulator = createCalComSimulator({
        now: () => new Date(TEST_NOW + (performance.now() - started)),
        rateLimit: { limit: 2, ttlMs: 1000, blockMs: 1000 },
      });
      const calCom = await startCalComServer({ simulator });
      const transport = new RecordingStdioTransport({
        command: process.execPath,
        args: [BIN],
        cwd: tmpdir(),
        env: {
          PATH: process.env.PATH ?? '',
          CAL_COM_API_KEY: calCom.apiKey,
          CAL_COM_BASE_URL: calCom.url,
          CAL_COM_LOG: level,
        },
      });
      const client = new Client({ name: 'stdio-logging-test', version: '0.0.0' });
      try {
        await client.connect(transport);
        const { tools } = await client.listTools();
        expect(tools.map((tool) => tool.name)).toEqual(calComTools.map((tool) => tool.name));

        const profile = await client.callTool({ name: 'get_user_profile', arguments: {} });
        expect(profile.content).toEqual([
          { type: 'text', text: expect.stringMatching(/^user_id 1001 \| Ada Lovelace/) },
        ]);
        // The second request uses up the limit of 2: the next call waits for the reset (logged at info).
        const eventType = await client.callTool({ name: 'get_event_type', arguments: { event_type_id: 3002 } });
        expect(eventType.content).toEqual([{ type: 'text', text: expect.stringMatching(/^event_type_id 3002 \|/) }]);
        // One 500 on the team: the client retries the read (logged at warn).
        simulator.faults.add({ method: 'GET', path: '/v2/teams/5001', times: 1, fault: { type: 'server-error' } });
        const team = await client.callTool({ name: 'get_team', arguments: { team_id: 5001 } });
        expect(team.isError).toBeUndefined();
        expect(team.content).toEqual([
          { type: 'text', text: expect.stringMatching(/^team_id 5001 \| "Analytical Engines"/) },
        ]);
        const invalid = await client.callTool({ name: 'list_bookings', arguments: { limit: 1000 } });
        expect(invalid.isError).toBe(true);
      } finally {
        await client.close();
        await calCom.close();
      }

      // get_team reads the team and its members at once, so their order varies.
      expect(calCom.simulator.requests.map(({ method, path }) => `${method} ${path}`).sort()).toEqual([
        'GET /v2/event-types/3002',
        'GET /v2/me',
        'GET /v2/teams/5001',
        'GET /v2/teams/5001',
        'GET /v2/teams/5001/memberships',
      ]);

      // stdout: nothing but newline-terminated JSON-RPC messages, one per line.
      expect(transport.strayLines).toEqual([]);
      const stdout = transport.stdout.toString('utf8');
      expect(stdout.endsWith('\n')).toBe(true);
      const lines = stdout.slice(0, -1).split('\n');
      expect(lines.filter((line) => parseMessage(line) === undefined)).toEqual([]);
      // initialize, tools/list and four tools/call answers.
      expect(lines.map((line) => (parseMessage(line) as { id?: unknown }).id)).toEqual([0, 1, 2, 3, 4, 5]);

      // stderr: the bin's own line and the client's log lines for this level, never the key.
      const stderr = transport.stderr;
      expect(stderr).toContain('calcom-mcp 0.0.0 ready on stdio');
      expect(stderr).not.toContain(calCom.apiKey);
      const logLines = stderr.split('\n').filter((line) => line.startsWith('[calcom-int]'));
      const kinds = new Set(logLines.map((line) => LOG_KINDS.find((entry) => entry.pattern.test(line))?.kind ?? line));
      expect([...kinds].sort()).toEqual(kindsAt(level).sort());
    },
    SESSION_TIMEOUT_MS,
  );
});
