import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestClient, useFixedSimulator, WRITE_TOOL_NAMES } from '../test/support';
import { createCalComTools } from './create-cal-com-tools';
import { toInputJsonSchema } from './to-input-json-schema';
import { calComTools } from './tools/all-tools';
import { listTeams } from './tools/list-teams';

describe('createCalComTools', () => {
  beforeEach(() => useFixedSimulator());

  it('binds every tool to the client with its JSON Schema and annotations', () => {
    const tools = createCalComTools(createTestClient());
    expect(Object.keys(tools)).toEqual(calComTools.map((tool) => tool.name));
    for (const tool of calComTools) {
      expect(tools[tool.name]).toMatchObject({
        name: tool.name,
        description: tool.description,
        inputSchema: toInputJsonSchema(tool),
        annotations: tool.annotations,
        definition: tool,
      });
    }
  });

  it('marks exactly the writes as needing approval, or what the approval policy says', () => {
    const needing = (tools: ReturnType<typeof createCalComTools>) =>
      Object.values(tools)
        .filter((tool) => tool.needsApproval)
        .map((tool) => tool.name);
    expect(needing(createCalComTools(createTestClient()))).toEqual(WRITE_TOOL_NAMES);
    expect(needing(createCalComTools(createTestClient(), { approval: (tool) => tool.name === 'get_team' }))).toEqual([
      'get_team',
    ]);
  });

  it('exposes only the tools of the groups asked for, and refuses an unknown group', () => {
    expect(Object.keys(createCalComTools(createTestClient(), { groups: ['teams'] }))).toEqual([
      'list_teams',
      'get_team',
    ]);
    expect(
      Object.keys(createCalComTools(createTestClient(), { tools: [listTeams], groups: ['teams', 'webhooks'] })),
    ).toEqual(['list_teams']);
    expect(() => createCalComTools(createTestClient(), { groups: ['team' as never] })).toThrow(
      'Unknown tool group "team". Use profile, event-types, availability, schedules, bookings, teams, webhooks.',
    );
  });

  it('executes through the runner, with or without a signal', async () => {
    const tools = createCalComTools(createTestClient(), { tools: [listTeams] });
    expect(Object.keys(tools)).toEqual(['list_teams']);
    expect(await tools.list_teams?.execute({})).toMatchObject({ ok: true });
    const controller = new AbortController();
    expect(await tools.list_teams?.execute({}, { signal: controller.signal })).toMatchObject({ ok: true });
    expect(await tools.list_teams?.execute({ extra: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    });
    // listTeams adds the caller's role from the memberships: the invalid call sent nothing.
    expect(simulator().requests.filter(({ path }) => path === '/v2/teams')).toHaveLength(2);
  });
});
