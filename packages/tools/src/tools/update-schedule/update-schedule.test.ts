import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { updateSchedule } from './update-schedule';

describe('update_schedule', () => {
  beforeEach(() => useFixedSimulator());

  it('adds a day off as a date override', async () => {
    const result = expectOk(
      await runTool(
        updateSchedule,
        { schedule_id: 2001, date_overrides: [{ date: '2026-12-24', start_time: '09:00', end_time: '12:00' }] },
        createTestContext(),
      ),
    );
    expect(requestsSeen()).toEqual([
      {
        method: 'PATCH',
        path: '/v2/schedules/2001',
        query: {},
        body: { overrides: [{ date: '2026-12-24', startTime: '09:00', endTime: '12:00' }] },
      },
    ]);
    expect(result.text).toBe(
      'Updated schedule_id 2001 | "Working hours" | Europe/Berlin | default\n  Monday, Tuesday, Wednesday, Thursday, Friday 09:00-17:00\n  on 2026-12-24 09:00-12:00',
    );
  });

  it('refuses an update without changes and an impossible date', async () => {
    const empty = expectFailure(await runTool(updateSchedule, { schedule_id: 2001 }, createTestContext()));
    expect(empty.error.issues).toEqual([
      { field: '(input)', message: 'no changes given. Pass at least one field to change.' },
    ]);
    const badDate = expectFailure(
      await runTool(
        updateSchedule,
        { schedule_id: 2001, date_overrides: [{ date: '2026-02-30', start_time: '09:00', end_time: '10:00' }] },
        createTestContext(),
      ),
    );
    expect(badDate.error.issues).toEqual([
      { field: 'date_overrides.0.date', message: '"2026-02-30" is not a real date. Check the day of the month.' },
    ]);
    expect(simulator().requests).toEqual([]);
  });

  it('reports another user’s schedule as not found', async () => {
    const result = expectFailure(await runTool(updateSchedule, { schedule_id: 2002, name: 'x' }, createTestContext()));
    expect(result.error.kind).toBe('not_found');
  });
});
