import { success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { createTestClient, sentRequests } from '../../../test/support/test-client';

const WORKING_HOURS = {
  id: 2001,
  ownerId: 1001,
  name: 'Working hours',
  timeZone: 'Europe/Berlin',
  isDefault: true,
  availability: [
    { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], startTime: '09:00', endTime: '17:00' },
  ],
  overrides: [],
};

describe('schedules', () => {
  it('lists schedules with the 2024-06-11 version', async () => {
    const client = createTestClient();
    const schedules = await client.schedules.list();
    expect(schedules[0]).toEqual(WORKING_HOURS);
    expect(schedules.every((schedule) => schedule.ownerId === 1001)).toBe(true);
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/schedules', query: {}, version: '2024-06-11', body: undefined },
    ]);
  });

  it('gets the default schedule', async () => {
    const client = createTestClient();
    expect(await client.schedules.getDefault()).toEqual(WORKING_HOURS);
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/schedules/default', query: {}, version: '2024-06-11', body: undefined },
    ]);
  });

  it('returns null when the user has no default schedule', async () => {
    server.use(respondOnce('GET', '/v2/schedules/default', 200, success(null)));
    const client = createTestClient();
    expect(await client.schedules.getDefault()).toEqual(null);
  });
});
