import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CalComServer, startCalComServer } from '@calcom-int/testkit/server';
import { calComTools } from '@calcom-int/tools';
import { SERVER_INSTRUCTIONS } from '@calcom-int/tools/mcp';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/bin/calcom-mcp.js', import.meta.url));

describe('calcom-mcp (built binary over stdio)', () => {
  let calCom: CalComServer;
  let client: Client;
  let stderr = '';

  beforeAll(async () => {
    expect(existsSync(BIN), `build first: ${BIN} is missing (pnpm --filter @calcom-int/mcp build)`).toBe(true);
    calCom = await startCalComServer();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN],
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? '', CAL_COM_API_KEY: calCom.apiKey, CAL_COM_BASE_URL: calCom.url },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    client = new Client({ name: 'stdio-test', version: '0.0.0' });
    await client.connect(transport);
  });

  afterAll(async () => {
    await client?.close();
    await calCom?.close();
  });

  it('serves the tools and the instructions', async () => {
    expect(client.getInstructions()).toBe(SERVER_INSTRUCTIONS);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(calComTools.map((tool) => tool.name));
    expect(tools.find((tool) => tool.name === 'cancel_booking')?.annotations).toEqual({
      title: 'Cancel booking',
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
      openWorldHint: true,
    });
  });

  it('calls Cal.com at CAL_COM_BASE_URL with CAL_COM_API_KEY', async () => {
    const response = await client.callTool({ name: 'get_user_profile', arguments: {} });
    expect(response.isError).toBeUndefined();
    expect(response.content).toEqual([{ type: 'text', text: expect.stringMatching(/^user_id 1001 \| Ada Lovelace/) }]);
    expect(calCom.simulator.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /v2/me']);
    expect(calCom.simulator.requests[0]?.headers.authorization).toBe(`Bearer ${calCom.apiKey}`);
  });

  it('returns isError results for invalid input', async () => {
    const response = await client.callTool({ name: 'list_bookings', arguments: { limit: 1000 } });
    expect(response.isError).toBe(true);
    expect(response.content).toEqual([
      {
        type: 'text',
        text: 'Invalid input for list_bookings; nothing was sent to Cal.com. Fix these and call again:\n- limit: expected a whole number from 1 to 100, got 1000. Use at most 100 and page with skip to see more.',
      },
    ]);
  });

  it('logs to stderr only, never the key', () => {
    expect(stderr).toContain('calcom-mcp 0.0.0 ready on stdio');
    expect(stderr).not.toContain(calCom.apiKey);
  });

  it('exits with a clear message when no API key is configured', () => {
    const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'calcom-mcp-no-key-')));
    const run = spawnSync(process.execPath, [BIN], {
      cwd,
      env: { PATH: process.env.PATH ?? '' },
      input: '',
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `calcom-mcp could not start: No Cal.com API key: pass { apiKey } or set CAL_COM_API_KEY in the environment or in a .env file (looked for: ${join(cwd, '.env')}). Create a key at https://app.cal.com/settings/developer/api-keys (it starts with cal_ or cal_live_).\n`,
    );
  });

  it('serves only the tool groups named by --tools', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, '--tools', 'teams,profile'],
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? '', CAL_COM_API_KEY: calCom.apiKey, CAL_COM_BASE_URL: calCom.url },
      stderr: 'pipe',
    });
    const grouped = new Client({ name: 'stdio-groups-test', version: '0.0.0' });
    await grouped.connect(transport);
    try {
      const { tools } = await grouped.listTools();
      expect(tools.map((tool) => tool.name)).toEqual([
        'get_user_profile',
        'list_teams',
        'get_team',
        'update_user_timezone',
      ]);
    } finally {
      await grouped.close();
    }
  });

  it('exits with a clear message for an unknown tool group', () => {
    const run = spawnSync(process.execPath, [BIN, '--tools=bookngs'], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? '', CAL_COM_API_KEY: 'cal_test_x' },
      input: '',
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'calcom-mcp could not start: Unknown tool group "bookngs". Use profile, event-types, availability, schedules, bookings, teams, webhooks.\n',
    );
  });
});
