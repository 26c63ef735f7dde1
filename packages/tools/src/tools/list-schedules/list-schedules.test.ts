import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { listSchedules } from './list-schedules';

describe('list_schedules', () => {
  beforeEach(() => useFixedSimulator());

  it('lists the schedules with their hours', async () => {
    const result = expectOk(await runTool(listSchedules, {}, createTestContext()));
    expect(result.text).toBe(
      '1 schedule.\nschedule_id 2001 | "Working hours" | Europe/Berlin | default\n  Monday, Tuesday, Wednesday, Thursday, Friday 09:00-17:00',
    );
    expect(requestsSeen()).toEqual([{ method: 'GET', path: '/v2/schedules', query: {}, body: undefined }]);
  });
});
