import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { listAvailability } from './list-availability';

describe('list_availability', () => {
  beforeEach(() => useFixedSimulator());

  it('lists the bookable starts of an event type in UTC and the given zone', async () => {
    const result = expectOk(
      await runTool(
        listAvailability,
        { start_date: '2026-11-26', end_date: '2026-11-26', event_type_id: 3002, time_zone: 'Europe/Rome' },
        createTestContext(),
      ),
    );
    const slotsRequest = requestsSeen().find((request) => request.path === '/v2/slots');
    expect(slotsRequest).toMatchObject({
      method: 'GET',
      query: {
        eventTypeId: '3002',
        start: '2026-11-26T00:00:00.000Z',
        end: '2026-11-27T00:00:00.000Z',
        timeZone: 'Europe/Rome',
      },
    });
    expect(result.text).toMatchInlineSnapshot(`
      "11 free starts for event_type_id 3002 (UTC, then Europe/Rome):
      2026-11-26T08:00:00Z–08:30:00Z (Thu 2026-11-26 09:00–09:30 Europe/Rome)
      2026-11-26T08:30:00Z–09:00:00Z (Thu 2026-11-26 09:30–10:00 Europe/Rome)
      2026-11-26T09:30:00Z–10:00:00Z (Thu 2026-11-26 10:30–11:00 Europe/Rome)
      2026-11-26T10:00:00Z–10:30:00Z (Thu 2026-11-26 11:00–11:30 Europe/Rome)
      2026-11-26T10:30:00Z–11:00:00Z (Thu 2026-11-26 11:30–12:00 Europe/Rome)
      2026-11-26T11:00:00Z–11:30:00Z (Thu 2026-11-26 12:00–12:30 Europe/Rome)
      2026-11-26T11:30:00Z–12:00:00Z (Thu 2026-11-26 12:30–13:00 Europe/Rome)
      2026-11-26T12:00:00Z–12:30:00Z (Thu 2026-11-26 13:00–13:30 Europe/Rome)
      2026-11-26T14:30:00Z–15:00:00Z (Thu 2026-11-26 15:30–16:00 Europe/Rome)
      2026-11-26T15:00:00Z–15:30:00Z (Thu 2026-11-26 16:00–16:30 Europe/Rome)
      2026-11-26T15:30:00Z–16:00:00Z (Thu 2026-11-26 16:30–17:00 Europe/Rome)"
    `);
    expect(result.structured).toMatchSnapshot();
    const slots = (result.structured.slots as { start: string; end: string }[]).map((slot) => slot.start);
    // Thursday 09:00–17:00 Berlin in 30-minute steps, minus the seeded 10:00 booking and the 14:00–15:00 one with its 10-minute buffers (in UTC).
    expect(slots).toEqual([
      '2026-11-26T08:00:00Z',
      '2026-11-26T08:30:00Z',
      '2026-11-26T09:30:00Z',
      '2026-11-26T10:00:00Z',
      '2026-11-26T10:30:00Z',
      '2026-11-26T11:00:00Z',
      '2026-11-26T11:30:00Z',
      '2026-11-26T12:00:00Z',
      '2026-11-26T14:30:00Z',
      '2026-11-26T15:00:00Z',
      '2026-11-26T15:30:00Z',
    ]);
  });

  it('lists free periods of the working hours without an event type', async () => {
    const result = expectOk(
      await runTool(
        listAvailability,
        { start_date: '2026-11-26T00:00:00Z', end_date: '2026-11-27T00:00:00Z' },
        createTestContext(),
      ),
    );
    expect(result.text).toMatchInlineSnapshot(`
      "3 free periods (UTC, then Europe/Berlin):
      2026-11-26T08:00:00Z–09:00:00Z (Thu 2026-11-26 09:00–10:00 Europe/Berlin)
      2026-11-26T09:30:00Z–13:00:00Z (Thu 2026-11-26 10:30–14:00 Europe/Berlin)
      2026-11-26T14:00:00Z–16:00:00Z (Thu 2026-11-26 15:00–17:00 Europe/Berlin)"
    `);
  });

  it('says when nothing is free', async () => {
    const result = expectOk(
      await runTool(
        listAvailability,
        { start_date: '2026-11-28', end_date: '2026-11-29', event_type_id: 3002 },
        createTestContext(),
      ),
    );
    expect(result.text).toMatchInlineSnapshot(
      `"No free times between 2026-11-28T00:00:00Z and 2026-11-30T00:00:00Z. Try a later or longer range."`,
    );
  });

  it.each([
    [
      { start_date: '2026-11-27', end_date: '2026-11-26' },
      { field: 'end_date', message: 'must be after start_date (2026-11-27T00:00:00Z); swap them or fix the date' },
    ],
    [
      { start_date: '2026-11-01', end_date: '2027-02-01' },
      {
        field: 'end_date',
        message: 'must be at most 62 days after start_date; ask for a shorter range and page through it',
      },
    ],
    [
      { start_date: 'next monday', end_date: '2026-11-26' },
      {
        field: 'start_date',
        message:
          'must be an ISO 8601 date such as 2026-11-26 or a date-time with an explicit offset or Z such as 2026-11-26T09:00:00Z',
      },
    ],
    [
      { start_date: '2026-11-26', end_date: '2026-11-27', time_zone: 'CET' },
      {
        field: 'time_zone',
        message:
          'must be an IANA time zone name such as Europe/Rome, America/New_York or UTC (not an abbreviation like CET or an offset like +01:00)',
      },
    ],
    [
      { end_date: '2026-11-27' },
      { field: 'start_date', message: 'is required: Range start: 2026-11-26 or 2026-11-26T09:00:00Z.' },
    ],
  ])('refuses %j without a request', async (input, issue) => {
    const result = expectFailure(await runTool(listAvailability, input, createTestContext()));
    expect(result.error.kind).toBe('invalid_input');
    expect(result.error.issues).toEqual([issue]);
    expect(simulator().requests).toEqual([]);
  });
});
