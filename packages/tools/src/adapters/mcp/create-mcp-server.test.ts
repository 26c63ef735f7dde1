import { simulator } from '@calcom-int/testkit/vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectClient } from '../../../test/mcp-client';
import { createTestClient, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { TOOL_SETUP, validInputs } from '../../../test/tool-inputs';
import { runTool } from '../../run-tool';
import { toInputJsonSchema } from '../../to-input-json-schema';
import { calComTools } from '../../tools/all-tools';
import { getBooking } from '../../tools/get-booking';
import { createMcpServer, toCallToolResult } from './create-mcp-server';
import { SERVER_INSTRUCTIONS } from './instructions';

describe('createMcpServer', () => {
  let client: Client;

  beforeEach(async () => {
    useFixedSimulator();
    client = await connectClient(createMcpServer({ client: createTestClient() }));
  });

  afterEach(async () => {
    await client.close();
  });

  it('announces itself with the safety instructions', () => {
    expect(client.getServerVersion()).toEqual({ name: 'calcom', version: '0.0.0-test' });
    expect(client.getInstructions()).toBe(SERVER_INSTRUCTIONS);
    expect(SERVER_INSTRUCTIONS).toMatch(/UTC/);
    expect(SERVER_INSTRUCTIONS).toMatch(/list_availability/);
    expect(SERVER_INSTRUCTIONS).toContain(
      'Ask the user before every write (every tool whose name does not start with list_ or get_)',
    );
    // The rule the instructions state holds for every tool: reads are named list_/get_, everything else is a write.
    expect(
      calComTools.filter((tool) => /^(list|get)_/.test(tool.name) !== tool.annotations.readOnlyHint).map((t) => t.name),
    ).toEqual([]);
    expect(calComTools.filter((tool) => tool.needsApproval === tool.annotations.readOnlyHint)).toEqual([]);
    expect(SERVER_INSTRUCTIONS).toMatch(/Never invent ids/);
  });

  it('lists every tool with its JSON Schema and all four annotations', async () => {
    const { tools } = await client.listTools();
    expect(tools).toEqual(
      calComTools.map((tool) => ({
        name: tool.name,
        title: tool.annotations.title,
        description: tool.description,
        inputSchema: toInputJsonSchema(tool),
        annotations: tool.annotations,
      })),
    );
  });

  it('serves only the tools of the groups asked for', async () => {
    const grouped = await connectClient(
      createMcpServer({ client: createTestClient(), groups: ['webhooks', 'schedules'] }),
    );
    try {
      const { tools } = await grouped.listTools();
      expect(tools.map((tool) => tool.name)).toEqual([
        'list_schedules',
        'create_schedule',
        'update_schedule',
        'delete_schedule',
        'list_webhooks',
        'create_webhook',
        'delete_webhook',
      ]);
    } finally {
      await grouped.close();
    }
  });

  it.each(calComTools.map((tool) => [tool.name, tool] as const))('calls %s', async (name, tool) => {
    await TOOL_SETUP[name]?.(simulator());
    const input = validInputs(simulator())[name];
    const response = await client.callTool({ name, arguments: input });
    const sentOverMcp = requestsSeen();
    // The same call on a fresh, identically seeded simulator through the runner is the oracle.
    useFixedSimulator();
    await TOOL_SETUP[name]?.(simulator());
    const direct = expectOk(await runTool(tool, input, { client: createTestClient() }));
    expect(response.isError).toBeUndefined();
    // Text only: Claude Code would show the model structuredContent instead of the text.
    expect(response).toEqual({ content: [{ type: 'text', text: direct.text }] });
    expect(sentOverMcp).toEqual(requestsSeen());
    expect(sentOverMcp.length).toBeGreaterThan(0);
  });

  it('returns the same text as the runner', async () => {
    const input = validInputs(simulator()).get_booking;
    const response = await client.callTool({ name: 'get_booking', arguments: input });
    const direct = await runTool(getBooking, input, { client: createTestClient() });
    expect(response.content).toEqual([{ type: 'text', text: direct.text }]);
  });

  it('answers invalid input with an isError result naming the field, without a request', async () => {
    const response = await client.callTool({ name: 'get_event_type', arguments: { event_type_id: 'abc' } });
    expect(response.isError).toBe(true);
    expect(response.content).toEqual([
      {
        type: 'text',
        text: 'Invalid input for get_event_type; nothing was sent to Cal.com. Fix these and call again:\n- event_type_id: expected a positive whole number (a Cal.com id), got "abc". Pass the numeric id as Cal.com returned it, e.g. 123 (list the resources first to get one).',
      },
    ]);
    expect(response.structuredContent).toBeUndefined();
    expect(simulator().requests).toEqual([]);
  });

  it('answers a call without arguments by validating an empty object', async () => {
    const response = await client.callTool({ name: 'list_teams' });
    expect(response.isError).toBeUndefined();
    expect(requestsSeen().map(({ method, path }) => `${method} ${path}`)).toContain('GET /v2/teams');
    expect(response.content).toEqual([{ type: 'text', text: expect.stringMatching(/^\d+ teams?/) }]);
  });

  it('answers an unknown tool with an isError result', async () => {
    const response = await client.callTool({ name: 'delete_everything', arguments: {} });
    expect(response.isError).toBe(true);
    expect(response.content).toEqual([
      {
        type: 'text',
        text: expect.stringMatching(/^Unknown tool delete_everything\. Available tools: get_user_profile, /),
      },
    ]);
  });

  it('answers an API error with an isError result', async () => {
    const response = await client.callTool({ name: 'get_booking', arguments: { booking_id: 'missing' } });
    expect(response.isError).toBe(true);
    expect(response.structuredContent).toBeUndefined();
    expect(response.content).toEqual([{ type: 'text', text: expect.stringMatching(/^Not found \(404\)/) }]);
  });

  it('adds structuredContent when asked for', async () => {
    const structuredClient = await connectClient(
      createMcpServer({ client: createTestClient(), structuredContent: true }),
    );
    const input = validInputs(simulator()).get_booking;
    const response = await structuredClient.callTool({ name: 'get_booking', arguments: input });
    const missing = await structuredClient.callTool({ name: 'get_booking', arguments: { booking_id: 'missing' } });
    await structuredClient.close();
    const direct = expectOk(await runTool(getBooking, input, { client: createTestClient() }));
    expect(response).toEqual({ content: [{ type: 'text', text: direct.text }], structuredContent: direct.structured });
    expect(missing.structuredContent).toMatchObject({ error: { kind: 'not_found', status: 404 } });
  });
});

describe('toCallToolResult', () => {
  const failure = { ok: false, text: 'bad', error: { kind: 'internal', message: 'bad', retryable: false } } as const;

  it('sends the text only, and marks failures', () => {
    expect(toCallToolResult({ ok: true, text: 'done', structured: { a: 1 } })).toEqual({
      content: [{ type: 'text', text: 'done' }],
    });
    expect(toCallToolResult(failure)).toEqual({ isError: true, content: [{ type: 'text', text: 'bad' }] });
  });

  it('adds the structured output when asked for', () => {
    const options = { structuredContent: true };
    expect(toCallToolResult({ ok: true, text: 'done', structured: { a: 1 } }, options)).toEqual({
      content: [{ type: 'text', text: 'done' }],
      structuredContent: { a: 1 },
    });
    expect(toCallToolResult(failure, options)).toEqual({
      isError: true,
      content: [{ type: 'text', text: 'bad' }],
      structuredContent: { error: { kind: 'internal', message: 'bad', retryable: false } },
    });
  });
});
