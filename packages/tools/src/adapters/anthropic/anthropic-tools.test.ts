import type Anthropic from '@anthropic-ai/sdk';
import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestClient, useFixedSimulator, WRITE_TOOL_NAMES } from '../../../test/support';
import { validInputs } from '../../../test/tool-inputs';
import { toInputJsonSchema } from '../../to-input-json-schema';
import { calComTools } from '../../tools/all-tools';
import { listTeams } from '../../tools/list-teams';
import { createAnthropicTools, createToolUseExecutor, executeToolUse } from './anthropic-tools';

describe('createAnthropicTools', () => {
  it('creates plain Messages API tool definitions', () => {
    const tools: Anthropic.Tool[] = createAnthropicTools();
    expect(tools).toEqual(
      calComTools.map((tool) => ({
        name: tool.name,
        description: tool.description,
        input_schema: toInputJsonSchema(tool),
      })),
    );
    expect(createAnthropicTools([listTeams]).map((tool) => tool.name)).toEqual(['list_teams']);
  });
});

describe('executeToolUse', () => {
  beforeEach(() => useFixedSimulator());

  it('answers a tool_use block with a tool_result block', async () => {
    const input = validInputs(simulator()).get_booking;
    const block: Anthropic.ToolUseBlock = {
      type: 'tool_use',
      id: 'toolu_1',
      name: 'get_booking',
      input,
      caller: { type: 'direct' },
    };
    const result: Anthropic.ToolResultBlockParam = await executeToolUse(block, { client: createTestClient() });
    expect(result).toEqual({ type: 'tool_result', tool_use_id: 'toolu_1', content: expect.stringMatching(/^uid /) });
  });

  it('marks invalid input as is_error without a request', async () => {
    const result = await executeToolUse(
      { type: 'tool_use', id: 'toolu_2', name: 'get_team', input: { team_id: 'one' } },
      { client: createTestClient() },
    );
    expect(result).toEqual({
      type: 'tool_result',
      tool_use_id: 'toolu_2',
      is_error: true,
      content:
        'Invalid input for get_team; nothing was sent to Cal.com. Fix these and call again:\n- team_id: expected a positive whole number (a Cal.com id), got "one". Pass the numeric id as Cal.com returned it, e.g. 123 (list the resources first to get one).',
    });
    expect(simulator().requests).toEqual([]);
  });

  it('marks unknown tools as is_error', async () => {
    const result = await executeToolUse(
      { type: 'tool_use', id: 'toolu_3', name: 'drop_calendar', input: {} },
      { client: createTestClient() },
    );
    expect(result).toMatchObject({
      tool_use_id: 'toolu_3',
      is_error: true,
      content: expect.stringMatching(/^Unknown tool drop_calendar/),
    });
  });

  it('asks approve for exactly the writes, and only for them', async () => {
    const inputs = validInputs(simulator());
    const asked: string[] = [];
    const execute = createToolUseExecutor({
      client: createTestClient(),
      approve: (tool) => {
        asked.push(tool.name);
        return false;
      },
    });
    for (const tool of calComTools) {
      await execute({ type: 'tool_use', id: `toolu_${tool.name}`, name: tool.name, input: inputs[tool.name] });
    }
    expect(asked).toEqual(WRITE_TOOL_NAMES);
    // Every denied write was refused before anything was sent; the reads ran (calculate-slots reads by POST, saving nothing).
    expect(
      simulator().requests.filter((request) => request.method !== 'GET' && !request.path.endsWith('/calculate-slots')),
    ).toEqual([]);
  });

  it('refuses a write that needs approval when there is no approve callback', async () => {
    const input = validInputs(simulator()).create_booking;
    const result = await executeToolUse(
      { type: 'tool_use', id: 'toolu_7', name: 'create_booking', input },
      { client: createTestClient() },
    );
    expect(result).toEqual({
      type: 'tool_result',
      tool_use_id: 'toolu_7',
      is_error: true,
      content:
        "create_booking needs the user's approval and this application cannot ask for it, so nothing was changed. Tell the user; do not call it again.",
    });
    expect(simulator().requests).toEqual([]);
  });

  it('follows a custom approval policy', async () => {
    const inputs = validInputs(simulator());
    const asked: string[] = [];
    const execute = createToolUseExecutor({
      client: createTestClient(),
      approval: (tool) => tool.name === 'list_teams',
      approve: (tool) => {
        asked.push(tool.name);
        return true;
      },
    });
    const teams = await execute({ type: 'tool_use', id: 'toolu_8', name: 'list_teams', input: {} });
    const confirmed = await execute({
      type: 'tool_use',
      id: 'toolu_9',
      name: 'confirm_booking',
      input: inputs.confirm_booking,
    });
    expect(asked).toEqual(['list_teams']);
    expect(teams.is_error).toBeUndefined();
    expect(confirmed).toMatchObject({ content: expect.stringMatching(/^Confirmed booking uid /) });
  });

  it('gates destructive tools with the approval callback', async () => {
    const input = validInputs(simulator()).cancel_booking;
    const approvals: string[] = [];
    const execute = createToolUseExecutor({
      client: createTestClient(),
      approve: (tool) => {
        approvals.push(tool.name);
        return false;
      },
    });
    const denied = await execute({ type: 'tool_use', id: 'toolu_4', name: 'cancel_booking', input });
    expect(denied).toEqual({
      type: 'tool_result',
      tool_use_id: 'toolu_4',
      is_error: true,
      content:
        'The user did not approve cancel_booking; nothing was changed. Do not call it again unless the user asks for it.',
    });
    expect(simulator().requests).toEqual([]);

    const throwing = createToolUseExecutor({
      client: createTestClient(),
      approve: () => {
        throw new Error('prompt closed');
      },
    });
    expect((await throwing({ type: 'tool_use', id: 'toolu_5', name: 'cancel_booking', input })).is_error).toBe(true);

    const approving = createToolUseExecutor({ client: createTestClient(), approve: () => true });
    const controller = new AbortController();
    const done = await approving(
      { type: 'tool_use', id: 'toolu_6', name: 'cancel_booking', input },
      { signal: controller.signal },
    );
    expect(done).toMatchObject({ tool_use_id: 'toolu_6', content: expect.stringMatching(/^Cancelled booking uid /) });
    expect(done.is_error).toBeUndefined();
    expect(approvals).toEqual(['cancel_booking']);
  });
});
