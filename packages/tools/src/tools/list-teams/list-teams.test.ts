import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { listTeams } from './list-teams';

describe('list_teams', () => {
  beforeEach(() => useFixedSimulator());

  it('lists your teams with your role', async () => {
    const result = expectOk(await runTool(listTeams, {}, createTestContext()));
    expect(requestsSeen().map(({ method, path }) => `${method} ${path}`)).toContain('GET /v2/teams');
    expect(result.text).toMatchInlineSnapshot(`
      "1 team:
      team_id 5001 | "Analytical Engines" | slug analytical-engines | role OWNER"
    `);
    expect(result.structured).toMatchSnapshot();
  });

  it('refuses parameters without a request', async () => {
    const result = expectFailure(await runTool(listTeams, { team_id: 1 }, createTestContext()));
    expect(result.error.issues?.[0]?.field).toBe('team_id');
    expect(simulator().requests).toEqual([]);
  });
});
