import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createMcpServer } from '../src/adapters/mcp/create-mcp-server';
import { connectClient } from './mcp-client';
import { createTestClient, useFixedSimulator } from './support';

// What reaches the model from an MCP tool result is its text: the server sends no `structuredContent` (Claude Code and
// the Claude Agent SDK would give the model JSON.stringify(structuredContent) instead of the text; see the README,
// "What the model sees"). These tests compare that text with the raw JSON Cal.com answered (the bodies of every
// response the tool read, `/v2/me` excepted) and hold every list tool to at most a third of it.

/** The bytes of a string as UTF-8. */
const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

interface Measurement {
  /** The bytes of Cal.com's JSON bodies the tool read. */
  readonly rawBytes: number;
  /** The bytes of the text the model receives. */
  readonly modelBytes: number;
  /** The paths read. */
  readonly paths: readonly string[];
}

describe('what reaches the model is at most a third of the raw JSON', () => {
  let client: Client | undefined;

  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  async function measure(name: string, args: Record<string, unknown>): Promise<Measurement> {
    const responses: { path: string; bytes: number }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      responses.push({ path: url.pathname, bytes: utf8(await response.clone().text()) });
      return response;
    };
    client = await connectClient(createMcpServer({ client: createTestClient({ fetch: recordingFetch }) }));
    const result = await client.callTool({ name, arguments: args });
    // The whole result is one text block: nothing else the model could be shown.
    expect(Object.keys(result)).toEqual(['content']);
    const [block, ...others] = result.content as { type: string; text: string }[];
    expect(others).toEqual([]);
    expect(block?.type).toBe('text');
    const read = responses.filter((response) => response.path !== '/v2/me');
    return {
      rawBytes: read.reduce((sum, response) => sum + response.bytes, 0),
      modelBytes: utf8(block?.text ?? ''),
      paths: read.map((response) => response.path),
    };
  }

  it.each([
    ['list_bookings', 100, { limit: 100 }, ['/v2/bookings']],
    ['list_event_types', 0, {}, ['/v2/event-types']],
    ['list_teams', 0, {}, ['/v2/teams', '/v2/teams/5001/memberships']],
    ['get_team', 0, { team_id: 5001 }, ['/v2/teams/5001', '/v2/teams/5001/memberships']],
    [
      'list_availability',
      0,
      { event_type_id: 3002, start_date: '2026-11-26', end_date: '2026-11-26', time_zone: 'Europe/Rome' },
      ['/v2/slots'],
    ],
    ['list_availability', 0, { event_type_id: 3001, start_date: '2026-11-26', end_date: '2027-01-25' }, ['/v2/slots']],
  ] as const)('%s (%i extra bookings) %j', async (name, bookings, args, paths) => {
    useFixedSimulator(bookings);
    const { rawBytes, modelBytes, paths: read } = await measure(name, args);
    expect(read).toEqual(paths);
    expect(modelBytes).toBeGreaterThan(0);
    expect(modelBytes * 3).toBeLessThanOrEqual(rawBytes);
  });
});
