import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { runAgent } from './run-agent';
import { type ScriptedMessagesApi, startScriptedMessagesApi } from './scripted-messages-api';

/** A two-tool MCP server of our own, to prove the agent loop before the real tools exist. */
function createProbeServer(calls: Array<{ name: string; arguments: Record<string, unknown> }>): McpServer {
  const server = new McpServer({ name: 'calcom', version: '0.0.0' }, { capabilities: { tools: {} } });
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [
      {
        name: 'get_profile',
        description: 'Returns a profile greeting for the given name.',
        inputSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
        annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
      },
      {
        name: 'cancel_booking',
        description: 'Cancels a booking.',
        inputSchema: { type: 'object', properties: { bookingUid: { type: 'string' } }, required: ['bookingUid'] },
        annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
      },
    ],
  }));
  server.server.setRequestHandler(CallToolRequestSchema, (request) => {
    const input = request.params.arguments ?? {};
    calls.push({ name: request.params.name, arguments: input });
    const name = typeof input.name === 'string' ? input.name : '';
    if (request.params.name === 'get_profile') {
      if (name === '') {
        return { isError: true, content: [{ type: 'text', text: 'name: must not be empty. Pass the user name.' }] };
      }
      return { content: [{ type: 'text', text: `Profile of ${name}` }] };
    }
    return { content: [{ type: 'text', text: `Cancelled ${String(input.bookingUid)}` }] };
  });
  return server;
}

// Each conversation starts the Claude Code CLI, a process of its own: 2 minutes leaves room for a loaded machine.
describe('the Claude Agent SDK loop against a scripted Messages API', {
  tags: ['integration'],
  timeout: 120_000,
}, () => {
  let api: ScriptedMessagesApi | undefined;

  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('warns (CLAUDE_SDK_CAN_USE_TOOL_SHADOWED) when bare allowedTools names sit next to canUseTool', async () => {
    api = await startScriptedMessagesApi({ steps: [() => [{ type: 'text', text: 'Nothing to do.' }]] });
    const run = await runAgent({
      prompt: 'Hello.',
      anthropicBaseUrl: api.url,
      server: { type: 'sdk', name: 'calcom', instance: createProbeServer([]) },
      allowedTools: ['mcp__calcom__get_profile'],
      canUseTool: async (_toolName, input) => ({ behavior: 'allow', updatedInput: input }),
    });
    // The control for the tests below, which set no allowedTools and get no warning.
    expect(run.warnings).toContain('CLAUDE_SDK_CAN_USE_TOOL_SHADOWED');
  });

  it('runs reads without asking, asks for cancel_booking and returns invalid input as is_error', async () => {
    api = await startScriptedMessagesApi({
      steps: [
        () => [{ type: 'tool_use', name: 'mcp__calcom__get_profile', input: { name: 'Ada' } }],
        () => [{ type: 'tool_use', name: 'mcp__calcom__get_profile', input: { name: '' } }],
        () => [{ type: 'tool_use', name: 'mcp__calcom__cancel_booking', input: { bookingUid: 'uid-1' } }],
        () => [{ type: 'text', text: 'Cancelled.' }],
      ],
    });
    const calls: Array<{ name: string; arguments: Record<string, unknown> }> = [];
    const asked: Array<{ toolName: string; input: Record<string, unknown> }> = [];

    const run = await runAgent({
      prompt: 'Cancel my booking uid-1.',
      anthropicBaseUrl: api.url,
      server: {
        type: 'sdk',
        name: 'calcom',
        instance: createProbeServer(calls),
        tools: [{ name: 'cancel_booking', permission_policy: 'always_ask' }],
      },
      // No allowedTools: the callback allows reads itself and asks for cancel_booking, and nothing shadows it.
      canUseTool: async (toolName, input) => {
        if (toolName === 'mcp__calcom__get_profile') return { behavior: 'allow', updatedInput: input };
        asked.push({ toolName, input });
        return { behavior: 'allow', updatedInput: input };
      },
    });
    expect(run.warnings).toEqual([]);

    expect(api.errors).toEqual([]);
    expect([...api.offeredTools()].sort()).toEqual(['mcp__calcom__cancel_booking', 'mcp__calcom__get_profile']);
    expect(asked).toEqual([{ toolName: 'mcp__calcom__cancel_booking', input: { bookingUid: 'uid-1' } }]);
    expect(calls).toEqual([
      { name: 'get_profile', arguments: { name: 'Ada' } },
      { name: 'get_profile', arguments: { name: '' } },
      { name: 'cancel_booking', arguments: { bookingUid: 'uid-1' } },
    ]);
    expect(
      api.toolResultsByTurn.map((turn) => turn.map(({ toolName, isError, text }) => ({ toolName, isError, text }))),
    ).toEqual([
      [{ toolName: 'mcp__calcom__get_profile', isError: false, text: 'Profile of Ada' }],
      [
        {
          toolName: 'mcp__calcom__get_profile',
          isError: true,
          text: 'name: must not be empty. Pass the user name.',
        },
      ],
      [{ toolName: 'mcp__calcom__cancel_booking', isError: false, text: 'Cancelled uid-1' }],
    ]);
    const result = run.messages.at(-1);
    expect(result).toMatchObject({ type: 'result', subtype: 'success', result: 'Cancelled.' });
  });

  it('does not run cancel_booking when canUseTool denies it, and tells the model', async () => {
    api = await startScriptedMessagesApi({
      steps: [
        () => [{ type: 'tool_use', name: 'mcp__calcom__cancel_booking', input: { bookingUid: 'uid-2' } }],
        () => [{ type: 'text', text: 'Not cancelled.' }],
      ],
    });
    const calls: Array<{ name: string; arguments: Record<string, unknown> }> = [];

    await runAgent({
      prompt: 'Cancel uid-2.',
      anthropicBaseUrl: api.url,
      server: {
        type: 'sdk',
        name: 'calcom',
        instance: createProbeServer(calls),
        tools: [{ name: 'cancel_booking', permission_policy: 'always_ask' }],
      },
      canUseTool: async () => ({ behavior: 'deny', message: 'The user declined the cancellation.' }),
    });

    expect(api.errors).toEqual([]);
    expect(calls).toEqual([]);
    expect(api.toolResultsByTurn).toHaveLength(1);
    expect(api.toolResultsByTurn[0]).toMatchObject([
      { toolName: 'mcp__calcom__cancel_booking', isError: true, text: 'The user declined the cancellation.' },
    ]);
  });
});
