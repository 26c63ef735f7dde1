import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { updateUserTimezone } from './update-user-timezone';

describe('update_user_timezone', () => {
  beforeEach(() => useFixedSimulator());

  it('changes the profile time zone', async () => {
    const result = expectOk(await runTool(updateUserTimezone, { timezone: 'America/New_York' }, createTestContext()));
    expect(simulator().requests.map(({ method, path, body }) => ({ method, path, body }))).toContainEqual({
      method: 'PATCH',
      path: '/v2/me',
      body: { timeZone: 'America/New_York' },
    });
    expect(result.structured).toEqual({ user: { id: 1001, timeZone: 'America/New_York' } });
    expect(result.text).toBe('Time zone of user_id 1001 is now America/New_York.');
  });

  it('saves the canonical name of a zone given in another case or as a legacy link', async () => {
    const result = expectOk(await runTool(updateUserTimezone, { timezone: 'US/Eastern' }, createTestContext()));
    expect(simulator().requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      timeZone: 'America/New_York',
    });
    expect(result.text).toBe('Time zone of user_id 1001 is now America/New_York.');
  });

  it('refuses an abbreviation, saying which zones are meant, without a request', async () => {
    const result = expectFailure(await runTool(updateUserTimezone, { timezone: 'CET' }, createTestContext()));
    expect(result.error.issues).toEqual([
      {
        field: 'timezone',
        message:
          '"CET" is an abbreviation, not an IANA time zone (it does not say which place\'s daylight-saving rules apply). Pass the zone of the place, e.g. Europe/Berlin, Europe/Paris or Europe/Rome.',
      },
    ]);
    expect(simulator().requests).toEqual([]);
  });

  it('refuses an offset without a request', async () => {
    const result = expectFailure(await runTool(updateUserTimezone, { timezone: '+02:00' }, createTestContext()));
    expect(result.error.issues?.[0]?.field).toBe('timezone');
    expect(simulator().requests).toEqual([]);
  });
});
