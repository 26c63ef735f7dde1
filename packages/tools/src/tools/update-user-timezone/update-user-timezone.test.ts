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

  it('refuses an offset without a request', async () => {
    const result = expectFailure(await runTool(updateUserTimezone, { timezone: '+02:00' }, createTestContext()));
    expect(result.error.issues?.[0]?.field).toBe('timezone');
    expect(simulator().requests).toEqual([]);
  });
});
