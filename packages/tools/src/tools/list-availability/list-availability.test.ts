import { success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server, simulator } from '@calcom-int/testkit/vitest';
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
        // A bare end date is the whole UTC day as Cal.com reads it: starts up to 23:59:59Z, not the next 00:00.
        end: '2026-11-26T23:59:59.000Z',
        timeZone: 'Europe/Rome',
      },
    });
    expect(result.text).toMatchInlineSnapshot(`
      "11 free starts for event_type_id 3002, 30 min each. Local times in Europe/Rome, each day with its UTC offset. Use a time with its day's date and offset, e.g. 2026-11-26T09:00:00+01:00 = 2026-11-26T08:00:00Z.
      Thu 2026-11-26 (UTC+01:00): 09:00 09:30 10:30 11:00 11:30 12:00 12:30 13:00 15:30 16:00 16:30"
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
      "3 free periods (working hours minus bookings). Local times in Europe/Berlin, each day with its UTC offset. Use a time with its day's date and offset, e.g. 2026-11-26T09:00:00+01:00 = 2026-11-26T08:00:00Z.
      Thu 2026-11-26 (UTC+01:00): 09:00–10:00, 10:30–14:00, 15:00–17:00"
    `);
  });

  describe('end_date is inclusive, as Cal.com documents it', () => {
    // Cal.com answers a slot at 23:30 on the 26th, one at the next day's 00:00, and (as a server may) one before start.
    const answer = () =>
      server.use(
        respondOnce(
          'GET',
          '/v2/slots',
          200,
          success({
            '2026-11-26': [
              { start: '2026-11-25T23:30:00.000Z', end: '2026-11-26T00:00:00.000Z' },
              { start: '2026-11-26T23:30:00.000Z', end: '2026-11-27T00:00:00.000Z' },
            ],
            '2026-11-27': [{ start: '2026-11-27T00:00:00.000Z', end: '2026-11-27T00:30:00.000Z' }],
          }),
        ),
      );
    const input = { start_date: '2026-11-26', event_type_id: 3002, time_zone: 'UTC' };

    it("a bare end date covers its UTC day up to 23:59:59Z: the next day's 00:00 is not listed", async () => {
      answer();
      const result = expectOk(
        await runTool(listAvailability, { ...input, end_date: '2026-11-26' }, createTestContext()),
      );
      expect(result.structured).toMatchObject({
        end: '2026-11-26T23:59:59Z',
        slots: [{ start: '2026-11-26T23:30:00Z', end: '2026-11-27T00:00:00Z' }],
      });
      expect(result.text.split('\n').at(-1)).toBe('Thu 2026-11-26 (UTC+00:00): 23:30');
    });

    it('a date-time end lists a start exactly at it', async () => {
      answer();
      const result = expectOk(
        await runTool(listAvailability, { ...input, end_date: '2026-11-27T00:00:00Z' }, createTestContext()),
      );
      expect(result.structured.slots).toEqual([
        { start: '2026-11-26T23:30:00Z', end: '2026-11-27T00:00:00Z' },
        { start: '2026-11-27T00:00:00Z', end: '2026-11-27T00:30:00Z' },
      ]);
    });

    it('free periods without an event type cover the whole day of a bare end date', async () => {
      const result = expectOk(
        await runTool(listAvailability, { start_date: '2026-11-26', end_date: '2026-11-26' }, createTestContext()),
      );
      expect(result.structured).toMatchObject({ start: '2026-11-26T00:00:00Z', end: '2026-11-27T00:00:00Z' });
    });
  });

  it("reports in the profile's zone when time_zone is left out, with or without event_type_id", async () => {
    const withType = expectOk(
      await runTool(
        listAvailability,
        { start_date: '2026-11-26', end_date: '2026-11-26', event_type_id: 3002 },
        createTestContext(),
      ),
    );
    const periods = expectOk(
      await runTool(listAvailability, { start_date: '2026-11-26', end_date: '2026-11-26' }, createTestContext()),
    );
    expect([withType.structured.timeZone, periods.structured.timeZone]).toEqual(['Europe/Berlin', 'Europe/Berlin']);
    expect(withType.text).toContain('Local times in Europe/Berlin');
    expect(periods.text).toContain('Europe/Berlin');
    const slotsRequest = requestsSeen().find((request) => request.path === '/v2/slots');
    expect(slotsRequest?.query.timeZone).toBe('Europe/Berlin');
  });

  it('canonicalises time_zone: america/new_york is America/New_York', async () => {
    const result = expectOk(
      await runTool(
        listAvailability,
        { start_date: '2026-11-26', end_date: '2026-11-26', event_type_id: 3002, time_zone: 'america/new_york' },
        createTestContext(),
      ),
    );
    expect(result.structured.timeZone).toBe('America/New_York');
    expect(result.text).toContain('Local times in America/New_York');
  });

  it("names the tool's fields when core refuses another user's schedule", async () => {
    const result = expectFailure(
      await runTool(
        listAvailability,
        { start_date: '2026-11-26', end_date: '2026-11-26', user_id: 1002 },
        createTestContext(),
      ),
    );
    expect(result.error.issues).toEqual([
      {
        field: 'user_id',
        message:
          "1002 is not the authenticated user (1001); Cal.com only shows your own schedule. Ask for the free slots of one of that user's event types instead.",
      },
    ]);
    expect(result.text).not.toMatch(/userId|eventTypeId|listSlots|listAvailability/);
  });

  it("lists a user's event type named by slug and username, with the same starts as by id", async () => {
    const input = { start_date: '2026-11-26', end_date: '2026-11-26', time_zone: 'Europe/Rome' };
    const byId = expectOk(await runTool(listAvailability, { ...input, event_type_id: 3002 }, createTestContext()));
    const bySlug = expectOk(
      await runTool(
        listAvailability,
        { ...input, event_type_slug: 'thirty-minutes', username: 'ada-lovelace' },
        createTestContext(),
      ),
    );
    expect(
      requestsSeen()
        .filter((request) => request.path === '/v2/slots')
        .map((request) => request.query),
    ).toEqual([
      expect.objectContaining({ eventTypeId: '3002' }),
      {
        eventTypeSlug: 'thirty-minutes',
        username: 'ada-lovelace',
        start: '2026-11-26T00:00:00.000Z',
        end: '2026-11-26T23:59:59.000Z',
        timeZone: 'Europe/Rome',
        format: 'range',
      },
    ]);
    expect(bySlug.text.split('\n')[0]).toBe(
      "11 free starts for event_type_slug thirty-minutes of username ada-lovelace, 30 min each. Local times in Europe/Rome, each day with its UTC offset. Use a time with its day's date and offset, e.g. 2026-11-26T09:00:00+01:00 = 2026-11-26T08:00:00Z.",
    );
    expect(bySlug.structured).toEqual({
      ...byId.structured,
      eventTypeId: undefined,
      eventTypeSlug: 'thirty-minutes',
    });
    expect(bySlug.structured).not.toHaveProperty('eventTypeId');
  });

  it("lists a team's event type named by slug and team_slug", async () => {
    const result = expectOk(
      await runTool(
        listAvailability,
        {
          start_date: '2026-11-26',
          end_date: '2026-11-26',
          event_type_slug: 'team-demo',
          team_slug: 'analytical-engines',
        },
        createTestContext(),
      ),
    );
    expect(requestsSeen().find((request) => request.path === '/v2/slots')?.query).toMatchObject({
      eventTypeSlug: 'team-demo',
      teamSlug: 'analytical-engines',
    });
    expect(result.text).toMatch(/^\d+ free starts for event_type_slug team-demo of team_slug analytical-engines, /);
    expect(result.structured).toMatchObject({ eventTypeSlug: 'team-demo' });
  });

  it.each([
    [
      { event_type_slug: 'thirty-minutes' },
      'event_type_slug',
      'add username (a user’s event type) or team_slug (a team’s)',
    ],
    [
      { username: 'ada-lovelace' },
      'username',
      'missing: give event_type_id, or event_type_slug with username or team_slug',
    ],
    [
      { event_type_id: 3002, event_type_slug: 'thirty-minutes' },
      'event_type_slug',
      'drop it or event_type_id: give event_type_id, or event_type_slug with username or team_slug, not both',
    ],
  ])('refuses an incomplete event type %j without a request', async (reference, field, message) => {
    const result = expectFailure(
      await runTool(
        listAvailability,
        { start_date: '2026-11-26', end_date: '2026-11-26', ...reference },
        createTestContext(),
      ),
    );
    expect(result.error.issues).toEqual([{ field, message }]);
    expect(simulator().requests).toEqual([]);
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
      `"No free times between 2026-11-28T00:00:00Z and 2026-11-29T23:59:59Z. Try a later or longer range."`,
    );
  });

  it.each([
    [
      { start_date: '2026-11-27', end_date: '2026-11-26' },
      {
        field: 'end_date',
        message:
          '2026-11-26 is not after the start 2026-11-27. Pass an end later than the start (swap them or fix the date).',
      },
    ],
    [
      { start_date: '2026-11-01', end_date: '2027-02-01' },
      {
        field: 'end_date',
        message: '2026-11-01 to 2027-02-01 is longer than 62 days. Ask for a shorter range and page through it.',
      },
    ],
    [
      { start_date: 'next monday', end_date: '2026-11-26' },
      {
        field: 'start_date',
        message:
          '"next monday" is not an ISO 8601 date or time with an offset. Use a date like "2026-11-26" (a whole UTC day) or a time like "2026-11-26T09:00:00Z".',
      },
    ],
    [
      { start_date: '2026-11-26', end_date: '2026-11-27', time_zone: 'CET' },
      {
        field: 'time_zone',
        message:
          '"CET" is an abbreviation, not an IANA time zone (it does not say which place\'s daylight-saving rules apply). Pass the zone of the place, e.g. Europe/Berlin, Europe/Paris or Europe/Rome.',
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
