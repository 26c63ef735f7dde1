import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { getTeam } from './get-team';

describe('get_team', () => {
  beforeEach(() => useFixedSimulator());

  it('gets a team with its members', async () => {
    const teamId = simulator().state.teams[0]?.id ?? 0;
    const result = expectOk(await runTool(getTeam, { team_id: teamId }, createTestContext()));
    expect(simulator().requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      `GET /v2/teams/${teamId}`,
      `GET /v2/teams/${teamId}/memberships`,
    ]);
    expect(result.text).toMatchInlineSnapshot(`
      "team_id 5001 | "Analytical Engines" | slug analytical-engines | time_zone Europe/Berlin
      2 members:
      user_id 1001 | Ada Lovelace <ada@example.com> | OWNER
      user_id 1002 | Charles Babbage <charles@example.com> | MEMBER"
    `);
    expect(result.structured).toMatchSnapshot();
  });

  it('refuses a fractional id without a request', async () => {
    const result = expectFailure(await runTool(getTeam, { team_id: 1.5 }, createTestContext()));
    expect(result.error.issues).toEqual([
      { field: 'team_id', message: 'must be a whole number: the numeric id from list_teams' },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
