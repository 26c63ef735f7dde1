import { simulator, TEST_API_KEY, useSimulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { getUserProfile } from './get-user-profile';

describe('get_user_profile', () => {
  beforeEach(() => useFixedSimulator());

  it('returns the profile of the key owner', async () => {
    const result = expectOk(await runTool(getUserProfile, {}, createTestContext()));
    expect(requestsSeen()).toEqual([{ method: 'GET', path: '/v2/me', query: {}, body: undefined }]);
    expect(simulator().requests[0]?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(result.text).toMatchInlineSnapshot(`
      "user_id 1001 | Ada Lovelace <ada@example.com> | username ada-lovelace
      time_zone Europe/Berlin | week starts Monday | 24h clock
      now 2026-11-25T08:00:00Z | Wed 2026-11-25 09:00+01:00 Europe/Berlin (the account's zone)"
    `);
    expect(result.structured).toMatchInlineSnapshot(`
      {
        "now": {
          "local": "Wed 2026-11-25 09:00+01:00 Europe/Berlin",
          "timeZone": "Europe/Berlin",
          "utc": "2026-11-25T08:00:00Z",
        },
        "user": {
          "avatarUrl": null,
          "bio": null,
          "defaultScheduleId": 2001,
          "email": "ada@example.com",
          "id": 1001,
          "name": "Ada Lovelace",
          "organizationId": null,
          "timeFormat": 24,
          "timeZone": "Europe/Berlin",
          "username": "ada-lovelace",
          "weekStart": "Monday",
        },
      }
    `);
  });

  it('tells the current time from the client clock, in UTC and in the account zone', async () => {
    useSimulator({ now: () => new Date(Date.parse('2031-03-30T00:30:00.750Z')), seed: {} });
    const result = expectOk(await runTool(getUserProfile, {}, createTestContext()));
    expect(result.text.split('\n')[2]).toBe(
      "now 2031-03-30T00:30:00Z | Sun 2031-03-30 01:30+01:00 Europe/Berlin (the account's zone)",
    );
  });

  it('refuses unknown parameters without a request', async () => {
    const result = expectFailure(await runTool(getUserProfile, { user: 'me' }, createTestContext()));
    expect(result.error).toEqual({
      kind: 'invalid_input',
      retryable: false,
      issues: [
        {
          field: 'user',
          message: 'is not a parameter of this tool; remove it (check the spelling of the parameter names)',
        },
      ],
      message: result.text,
    });
    expect(result.text).toBe(
      'Invalid input for get_user_profile; nothing was sent to Cal.com. Fix these and call again:\n- user: is not a parameter of this tool; remove it (check the spelling of the parameter names)',
    );
    expect(simulator().requests).toEqual([]);
  });

  it('refuses a non-object input', async () => {
    const result = expectFailure(await runTool(getUserProfile, 'me', createTestContext()));
    expect(result.error.issues).toEqual([
      { field: '(input)', message: 'must be a JSON object with the tool parameters' },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
