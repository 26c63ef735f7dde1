import { simulator } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { connectClient } from '../../../test/mcp-client';
import { createTestClient, useFixedSimulator, WRITE_TOOL_NAMES } from '../../../test/support';
import { validInputs } from '../../../test/tool-inputs';
import { calComTools } from '../../tools/all-tools';
import { listBookings } from '../../tools/list-bookings';
import { createCalComMcpServer } from './create-cal-com-mcp-server';
import { calComAllowedTools, createCalComCanUseTool } from './permissions';

const WRITES = WRITE_TOOL_NAMES;

const callOptions = { signal: new AbortController().signal, toolUseID: 'toolu_1', requestId: 'request_1' };
const sdkServer = { name: 'calcom', source: 'sdk' };

describe('createCalComMcpServer', () => {
  it('returns an in-process sdk server config that always asks for every write', () => {
    const config = createCalComMcpServer({ client: createTestClient() });
    expect(config.type).toBe('sdk');
    expect(config.name).toBe('calcom');
    expect(config.tools).toEqual(WRITES.map((name) => ({ name, permission_policy: 'always_ask' })));
  });

  it('follows a custom approval policy', () => {
    const config = createCalComMcpServer({
      client: createTestClient(),
      approval: (tool) => tool.annotations.destructiveHint,
    });
    expect(config.tools.map((tool) => tool.name)).toEqual([
      'delete_event_type',
      'delete_private_link',
      'delete_schedule',
      'reschedule_booking',
      'cancel_booking',
      'decline_booking',
      'delete_webhook',
    ]);
  });

  it('has an instance that answers a real MCP client under its own name', async () => {
    useFixedSimulator();
    const config = createCalComMcpServer({ client: createTestClient(), name: 'scheduling' });
    const client = await connectClient(config.instance);
    expect(client.getServerVersion()?.name).toBe('scheduling');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(calComTools.map((tool) => tool.name));
    const response = await client.callTool({ name: 'get_booking', arguments: validInputs(simulator()).get_booking });
    expect(response.isError).toBeUndefined();
    await client.close();
  });

  it('serves only the tools given', () => {
    const config = createCalComMcpServer({ client: createTestClient(), tools: [listBookings] });
    expect(config.tools).toEqual([]);
  });
});

describe('calComAllowedTools', () => {
  it('pre-approves exactly the tools that need no approval under the mcp__ prefix', () => {
    expect(calComAllowedTools()).toEqual([
      'mcp__calcom__get_user_profile',
      'mcp__calcom__list_event_types',
      'mcp__calcom__get_event_type',
      'mcp__calcom__list_private_links',
      'mcp__calcom__list_availability',
      'mcp__calcom__get_busy_times',
      'mcp__calcom__get_routing_form_slots',
      'mcp__calcom__list_schedules',
      'mcp__calcom__list_bookings',
      'mcp__calcom__get_booking',
      'mcp__calcom__get_booking_links',
      'mcp__calcom__list_teams',
      'mcp__calcom__get_team',
      'mcp__calcom__list_webhooks',
    ]);
    expect(calComAllowedTools({ name: 'cal', tools: [listBookings] })).toEqual(['mcp__cal__list_bookings']);
    expect(calComAllowedTools({ approval: (tool) => tool.name !== 'confirm_booking' })).toEqual([
      'mcp__calcom__confirm_booking',
    ]);
  });
});

describe('createCalComCanUseTool', () => {
  it('allows reads without asking', async () => {
    const asked: string[] = [];
    const canUseTool = createCalComCanUseTool({
      approve: ({ toolName }) => {
        asked.push(toolName);
        return false;
      },
    });
    const input = { limit: 3 };
    expect(await canUseTool('mcp__calcom__list_bookings', input, { ...callOptions, mcpServer: sdkServer })).toEqual({
      behavior: 'allow',
      updatedInput: input,
    });
    expect(asked).toEqual([]);
  });

  it('asks before every write and passes the decision on', async () => {
    const asked: { toolName: string; input: Record<string, unknown>; destructive: boolean }[] = [];
    let answer = true;
    const canUseTool = createCalComCanUseTool({
      approve: async ({ toolName, input, tool }) => {
        asked.push({ toolName, input, destructive: tool.annotations.destructiveHint });
        return answer;
      },
    });
    const input = { booking_id: 'abc' };
    expect(await canUseTool('mcp__calcom__cancel_booking', input, { ...callOptions, mcpServer: sdkServer })).toEqual({
      behavior: 'allow',
      updatedInput: input,
    });
    answer = false;
    expect(await canUseTool('mcp__calcom__create_booking', input, callOptions)).toEqual({
      behavior: 'deny',
      message: 'The user did not approve create_booking. Do not call it again unless the user asks for it.',
    });
    expect(asked).toEqual([
      { toolName: 'cancel_booking', input, destructive: true },
      { toolName: 'create_booking', input, destructive: false },
    ]);
  });

  it('asks approve for exactly the writes', async () => {
    const asked: string[] = [];
    const canUseTool = createCalComCanUseTool({
      approve: ({ toolName }) => {
        asked.push(toolName);
        return true;
      },
    });
    for (const tool of calComTools) {
      expect(await canUseTool(`mcp__calcom__${tool.name}`, {}, { ...callOptions, mcpServer: sdkServer })).toEqual({
        behavior: 'allow',
        updatedInput: {},
      });
    }
    expect(asked).toEqual(WRITES);

    const custom: string[] = [];
    const destructiveOnly = createCalComCanUseTool({
      approval: (tool) => tool.annotations.destructiveHint,
      approve: ({ toolName }) => {
        custom.push(toolName);
        return true;
      },
    });
    for (const tool of calComTools) await destructiveOnly(`mcp__calcom__${tool.name}`, {}, callOptions);
    expect(custom).toEqual([
      'delete_event_type',
      'delete_private_link',
      'delete_schedule',
      'reschedule_booking',
      'cancel_booking',
      'decline_booking',
      'delete_webhook',
    ]);
  });

  it('denies other tools, and tools of a configured server reusing the name, unless a fallback decides', async () => {
    const canUseTool = createCalComCanUseTool({ approve: () => true });
    expect(await canUseTool('Bash', {}, callOptions)).toEqual({
      behavior: 'deny',
      message: 'Bash is not allowed in this session.',
    });
    expect(
      await canUseTool(
        'mcp__calcom__list_bookings',
        {},
        { ...callOptions, mcpServer: { name: 'calcom', source: 'project' } },
      ),
    ).toEqual({ behavior: 'deny', message: 'mcp__calcom__list_bookings is not allowed in this session.' });

    const withFallback = createCalComCanUseTool({
      approve: () => true,
      fallback: async (toolName) => (toolName === 'Read' ? { behavior: 'allow' } : null),
    });
    expect(await withFallback('Read', {}, callOptions)).toEqual({ behavior: 'allow' });
    expect(await withFallback('Write', {}, callOptions)).toEqual({
      behavior: 'deny',
      message: 'Write is not allowed.',
    });
  });
});
