import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { createSchedule } from '../create-schedule/create-schedule';
import { deleteSchedule } from './delete-schedule';

describe('delete_schedule', () => {
  beforeEach(() => useFixedSimulator());

  it('deletes a schedule and is gated as destructive', async () => {
    expect(deleteSchedule.annotations.destructiveHint).toBe(true);
    expect(deleteSchedule.needsApproval).toBe(true);
    const context = createTestContext();
    expectOk(await runTool(createSchedule, { name: 'Temp', time_zone: 'UTC' }, context));
    const result = expectOk(await runTool(deleteSchedule, { schedule_id: 2100 }, context));
    expect(result.text).toBe('Deleted schedule_id 2100.');
    expect(simulator().state.schedules.map((schedule) => schedule.id)).toEqual([2001, 2002]);
  });

  it('reports an unknown schedule as not found', async () => {
    const result = expectFailure(await runTool(deleteSchedule, { schedule_id: 777 }, createTestContext()));
    expect(result.error.kind).toBe('not_found');
  });
});
