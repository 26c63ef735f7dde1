import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { getEventType } from './get-event-type';

describe('get_event_type', () => {
  beforeEach(() => useFixedSimulator());

  it('gets one event type', async () => {
    const result = expectOk(await runTool(getEventType, { event_type_id: 3003 }, createTestContext()));
    expect(requestsSeen()).toEqual([{ method: 'GET', path: '/v2/event-types/3003', query: {}, body: undefined }]);
    expect(simulator().requests[0]?.headers['cal-api-version']).toBe('2024-06-14');
    expect(result.text).toMatchInlineSnapshot(`
      "event_type_id 3003 | "Consultation" | slug consultation | 60 min | owner_id 1001
      description: A short call to get to know each other.
      minimum notice 120 min | buffers 10 min before, 10 min after
      booking page https://cal.com/ada-lovelace/consultation
      locations (create_booking location.type): integration cal-video"
    `);
    expect(result.structured).toMatchSnapshot();
  });

  it('requires event_type_id', async () => {
    const result = expectFailure(await runTool(getEventType, {}, createTestContext()));
    expect(result.error.issues).toEqual([
      { field: 'event_type_id', message: 'is required: The event type id, from list_event_types.' },
    ]);
    expect(simulator().requests).toEqual([]);
  });

  it('refuses a negative id', async () => {
    const result = expectFailure(await runTool(getEventType, { event_type_id: -3 }, createTestContext()));
    expect(result.error.issues).toEqual([
      {
        field: 'event_type_id',
        message:
          'expected a positive whole number (a Cal.com id), got -3. Pass the numeric id as Cal.com returned it, e.g. 123 (list the resources first to get one).',
      },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
