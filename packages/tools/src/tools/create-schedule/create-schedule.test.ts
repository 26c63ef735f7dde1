import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { createSchedule } from './create-schedule';

describe('create_schedule', () => {
  beforeEach(() => useFixedSimulator());

  it('creates a schedule with weekly hours and a date override', async () => {
    const result = expectOk(
      await runTool(
        createSchedule,
        {
          name: 'Mornings',
          time_zone: 'europe/rome',
          weekly_hours: [{ days: ['Monday', 'Tuesday'], start_time: '08:00', end_time: '12:00' }],
          date_overrides: [{ date: '2026-12-24', start_time: '09:00', end_time: '10:00' }],
        },
        createTestContext(),
      ),
    );
    expect(result.text).toBe(
      'Created schedule_id 2100 | "Mornings" | Europe/Rome\n  Monday, Tuesday 08:00-12:00\n  on 2026-12-24 09:00-10:00',
    );
    expect(requestsSeen()[1]).toEqual({
      method: 'POST',
      path: '/v2/schedules',
      query: {},
      body: {
        name: 'Mornings',
        timeZone: 'Europe/Rome',
        isDefault: false,
        availability: [{ days: ['Monday', 'Tuesday'], startTime: '08:00', endTime: '12:00' }],
        overrides: [{ date: '2026-12-24', startTime: '09:00', endTime: '10:00' }],
      },
    });
  });

  it('refuses reversed hours and unknown days, naming the nested field, before any request', async () => {
    const result = expectFailure(
      await runTool(
        createSchedule,
        {
          name: 'Bad',
          time_zone: 'UTC',
          weekly_hours: [
            { days: ['Mon'], start_time: '09:00', end_time: '10:00' },
            { days: ['Monday'], start_time: '12:00', end_time: '10:00' },
          ],
        },
        createTestContext(),
      ),
    );
    expect(result.error.issues).toEqual([
      {
        field: 'weekly_hours.0.days.0',
        message: '"Mon" is not a day name. Use one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday.',
      },
      {
        field: 'weekly_hours.1.end_time',
        message: 'must be after the start time. Swap them, or split a range that crosses midnight.',
      },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
