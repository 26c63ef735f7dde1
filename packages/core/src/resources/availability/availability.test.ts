import { buildMe, buildSchedule, success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { clientAtFixedTime } from '../../../test/support/fixed-clock';
import { sentRequests } from '../../../test/support/test-client';
import { CalComValidationError } from '../../errors/validation-error';

const TUESDAY = { start: '2026-06-02T00:00:00+02:00', end: '2026-06-03T00:00:00+02:00' };
const block = (start: string, end: string, isAvailable: boolean) => ({
  start: `2026-06-02T${start}:00.000Z`,
  end: `2026-06-02T${end}:00.000Z`,
  isAvailable,
});

describe('availability.list without an event type', () => {
  it('expands the default schedule in its zone and marks bookings busy', async () => {
    const client = clientAtFixedTime();
    const availability = await client.availability.list(TUESDAY);
    expect(availability).toEqual({
      timeZone: 'Europe/Berlin',
      start: '2026-06-01T22:00:00.000Z',
      end: '2026-06-02T22:00:00.000Z',
      slots: [
        block('07:00', '08:00', true),
        block('08:00', '08:30', false),
        block('08:30', '12:00', true),
        block('12:00', '13:00', false),
        block('13:00', '15:00', true),
      ],
    });
    expect(sentRequests()).toEqual([
      // The answer is reported in the profile's zone (GET /v2/me) when no timeZone is given.
      { method: 'GET', path: '/v2/me', query: {}, version: undefined, body: undefined },
      { method: 'GET', path: '/v2/schedules/default', query: {}, version: '2024-06-11', body: undefined },
      {
        method: 'GET',
        path: '/v2/bookings',
        query: {
          take: '100',
          skip: '0',
          afterStart: '2026-05-31T22:00:00.000Z',
          beforeEnd: '2026-06-03T22:00:00.000Z',
        },
        version: '2024-08-13',
        body: undefined,
      },
    ]);
  });

  it('marks bookings busy that began before the range or end after it, and only those that overlap', async () => {
    const client = clientAtFixedTime();
    // Seeded: 08:00–08:30 (accepted) and 12:00–13:00 (pending) UTC on Tuesday 2026-06-02.
    const edges = await client.availability.list({ start: '2026-06-02T08:15:00Z', end: '2026-06-02T12:30:00Z' });
    expect(edges.slots).toEqual([
      block('08:15', '08:30', false),
      block('08:30', '12:00', true),
      block('12:00', '12:30', false),
    ]);
    expect(sentRequests()[2]).toEqual({
      method: 'GET',
      path: '/v2/bookings',
      query: { take: '100', skip: '0', afterStart: '2026-06-01T08:15:00.000Z', beforeEnd: '2026-06-03T12:30:00.000Z' },
      version: '2024-08-13',
      body: undefined,
    });
    // Both bookings are fetched again (they lie in the widened window) but neither overlaps this range.
    const between = await client.availability.list({ start: '2026-06-02T08:40:00Z', end: '2026-06-02T11:00:00Z' });
    expect(between.slots).toEqual([block('08:40', '11:00', true)]);
  });

  it('is DST-correct across the October change in Berlin', async () => {
    const client = clientAtFixedTime();
    const availability = await client.availability.list({
      userId: 1001,
      start: '2026-10-23T00:00:00+02:00',
      end: '2026-10-27T00:00:00+01:00',
    });
    expect(availability.slots).toEqual([
      { start: '2026-10-23T07:00:00.000Z', end: '2026-10-23T15:00:00.000Z', isAvailable: true },
      { start: '2026-10-26T08:00:00.000Z', end: '2026-10-26T16:00:00.000Z', isAvailable: true },
    ]);
    expect(sentRequests().map((request) => request.path)).toEqual(['/v2/me', '/v2/schedules/default', '/v2/bookings']);
  });

  it('applies date overrides instead of the weekly hours', async () => {
    server.use(
      respondOnce(
        'GET',
        '/v2/schedules/default',
        200,
        success(
          buildSchedule({
            timeZone: 'America/New_York',
            overrides: [
              { date: '2026-06-02', startTime: '10:00', endTime: '12:00' },
              { date: '2026-06-03', startTime: '00:00', endTime: '00:00' },
            ],
          }),
        ),
      ),
    );
    const client = clientAtFixedTime();
    const availability = await client.availability.list({
      start: '2026-06-02T00:00:00-04:00',
      end: '2026-06-04T00:00:00-04:00',
    });
    // Expanded in the schedule's zone (America/New_York), reported in the profile's zone.
    expect(availability.timeZone).toBe('Europe/Berlin');
    // The override replaces Tuesday's hours; Wednesday's 00:00–00:00 override closes the day. Ada's Tuesday
    // bookings stay busy blocks.
    expect(availability.slots).toEqual([
      block('08:00', '08:30', false),
      block('12:00', '13:00', false),
      block('14:00', '16:00', true),
    ]);
  });

  it('refuses a user other than the authenticated one', async () => {
    const client = clientAtFixedTime();
    const error = await client.availability.list({ ...TUESDAY, userId: 1002 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as Error).message).toContain("Ask for the free slots of one of that user's event types instead.");
    expect(sentRequests().map((request) => request.path)).toEqual(['/v2/me']);
  });

  it('lists nothing that starts at end: a free period is cut there, and an empty one is dropped', async () => {
    const client = clientAtFixedTime();
    // Working hours start at 07:00Z on Tuesday; a range ending exactly then holds no free time.
    const before = await client.availability.list({ start: '2026-06-02T05:00:00Z', end: '2026-06-02T07:00:00Z' });
    expect(before.slots).toEqual([]);
    const cut = await client.availability.list({ start: '2026-06-02T06:00:00Z', end: '2026-06-02T07:45:00Z' });
    expect(cut.slots).toEqual([block('07:00', '07:45', true)]);
  });

  it('says what to do when there is no default schedule', async () => {
    server.use(respondOnce('GET', '/v2/schedules/default', 200, success(null)));
    const client = clientAtFixedTime();
    await expect(client.availability.list(TUESDAY)).rejects.toThrow('the user has no default schedule');
  });
});

describe('availability.list with an event type', () => {
  it('returns the slots as available blocks, asking in the given zone', async () => {
    const client = clientAtFixedTime();
    const availability = await client.availability.list({ ...TUESDAY, eventTypeId: 3001, timeZone: 'Europe/Berlin' });
    expect(availability).toMatchObject({ timeZone: 'Europe/Berlin', eventTypeId: 3001 });
    expect(availability.slots[0]).toEqual({
      start: '2026-06-02T07:00:00.000Z',
      end: '2026-06-02T07:15:00.000Z',
      isAvailable: true,
    });
    expect(availability.slots.every((slot) => slot.isAvailable)).toBe(true);
    expect(sentRequests()).toEqual([
      {
        method: 'GET',
        path: '/v2/slots',
        query: {
          eventTypeId: '3001',
          start: '2026-06-01T22:00:00.000Z',
          end: '2026-06-02T22:00:00.000Z',
          timeZone: 'Europe/Berlin',
          format: 'range',
        },
        version: '2024-09-04',
        body: undefined,
      },
    ]);
  });

  it("defaults the zone to the user's profile zone, as without an event type", async () => {
    const client = clientAtFixedTime();
    expect((await client.availability.list({ ...TUESDAY, eventTypeId: 3001 })).timeZone).toBe('Europe/Berlin');
    expect(sentRequests().map((request) => [request.path, request.query.timeZone])).toEqual([
      ['/v2/me', undefined],
      ['/v2/slots', 'Europe/Berlin'],
    ]);
  });

  it("reports a profile zone the rule refuses (Cal.com's legacy CET) as stored, and asks Cal.com in UTC", async () => {
    server.use(respondOnce('GET', '/v2/me', 200, success(buildMe({ timeZone: 'CET' }))));
    const client = clientAtFixedTime();
    const availability = await client.availability.list({ ...TUESDAY, eventTypeId: 3001 });
    expect(availability.timeZone).toBe('CET');
    expect(availability.slots[0]?.start).toBe('2026-06-02T07:00:00.000Z');
    // The answered /v2/me is not in the simulator's log; the slots request is.
    expect(sentRequests().map((request) => [request.path, request.query.timeZone])).toEqual([['/v2/slots', 'UTC']]);
  });

  it('sends the canonical name of a zone given in another case or as a link', async () => {
    const client = clientAtFixedTime();
    const availability = await client.availability.list({ ...TUESDAY, eventTypeId: 3001, timeZone: 'us/eastern' });
    expect(availability.timeZone).toBe('America/New_York');
    expect(sentRequests().map((request) => [request.path, request.query.timeZone])).toEqual([
      ['/v2/slots', 'America/New_York'],
    ]);
  });

  it('includes a slot starting exactly at end (inclusive, as Cal.com documents) and nothing after it', async () => {
    const client = clientAtFixedTime();
    const range = { start: '2026-06-02T07:00:00Z', end: '2026-06-02T07:30:00Z', eventTypeId: 3001, timeZone: 'UTC' };
    const availability = await client.availability.list(range);
    expect(availability.slots.map((slot) => slot.start)).toEqual([
      '2026-06-02T07:00:00.000Z',
      '2026-06-02T07:15:00.000Z',
      '2026-06-02T07:30:00.000Z',
    ]);
  });

  it("drops slots Cal.com returns outside [start, end], such as the next day's 00:00", async () => {
    server.use(
      respondOnce(
        'GET',
        '/v2/slots',
        200,
        success({
          '2026-06-02': [
            { start: '2026-06-01T23:45:00.000Z', end: '2026-06-02T00:00:00.000Z' },
            { start: '2026-06-02T23:45:00.000Z', end: '2026-06-03T00:00:00.000Z' },
          ],
          '2026-06-03': [{ start: '2026-06-03T00:00:00.000Z', end: '2026-06-03T00:15:00.000Z' }],
        }),
      ),
    );
    const client = clientAtFixedTime();
    const availability = await client.availability.list({
      start: '2026-06-02T00:00:00Z',
      end: '2026-06-02T23:59:59Z',
      eventTypeId: 3001,
      timeZone: 'UTC',
    });
    expect(availability.slots).toEqual([
      { start: '2026-06-02T23:45:00.000Z', end: '2026-06-03T00:00:00.000Z', isAvailable: true },
    ]);
  });
});

describe('availability.list with an event type named by slug', () => {
  it("reads a user's event type by slug and username, and says which slug it was", async () => {
    const client = clientAtFixedTime();
    const availability = await client.availability.list({
      ...TUESDAY,
      eventTypeSlug: 'fifteen-minutes',
      username: 'ada-lovelace',
      timeZone: 'UTC',
    });
    expect(availability).toMatchObject({ timeZone: 'UTC', eventTypeSlug: 'fifteen-minutes' });
    expect(availability.eventTypeId).toBeUndefined();
    expect(availability.slots[0]).toEqual({
      start: '2026-06-02T07:00:00.000Z',
      end: '2026-06-02T07:15:00.000Z',
      isAvailable: true,
    });
    expect(sentRequests()).toEqual([
      {
        method: 'GET',
        path: '/v2/slots',
        query: {
          eventTypeSlug: 'fifteen-minutes',
          username: 'ada-lovelace',
          start: '2026-06-01T22:00:00.000Z',
          end: '2026-06-02T22:00:00.000Z',
          timeZone: 'UTC',
          format: 'range',
        },
        version: '2024-09-04',
        body: undefined,
      },
    ]);
  });

  it("reads a team's event type by slug and team slug", async () => {
    const client = clientAtFixedTime();
    const availability = await client.availability.list({
      ...TUESDAY,
      eventTypeSlug: 'team-demo',
      teamSlug: 'analytical-engines',
      timeZone: 'UTC',
    });
    expect(availability.eventTypeSlug).toBe('team-demo');
    expect(availability.slots.length).toBeGreaterThan(0);
    expect(sentRequests().map((request) => request.query)).toEqual([
      {
        eventTypeSlug: 'team-demo',
        teamSlug: 'analytical-engines',
        start: '2026-06-01T22:00:00.000Z',
        end: '2026-06-02T22:00:00.000Z',
        timeZone: 'UTC',
        format: 'range',
      },
    ]);
  });

  it('refuses userId with an event type, before sending', async () => {
    const client = clientAtFixedTime();
    await expect(client.availability.list({ ...TUESDAY, userId: 1001, eventTypeId: 3001 })).rejects.toThrow(
      "Invalid userId: cannot be combined with an event type: the event type's slots are its hosts'. Drop userId to read the event type’s slots, or drop the event type to read your working hours. Nothing was sent to Cal.com.",
    );
    expect(sentRequests()).toEqual([]);
  });
});

describe('availability.list input checks', () => {
  it.each([
    [{ start: 'tomorrow', end: '2026-06-03T00:00:00Z' }, 'start'],
    [{ start: '2026-06-03T00:00:00Z', end: '2026-06-02T00:00:00Z' }, 'end'],
    [{ start: '2026-06-01T00:00:00Z', end: '2026-09-01T00:00:00Z' }, 'end'],
    [{ ...TUESDAY, timeZone: 'Berlin' }, 'timeZone'],
    [{ ...TUESDAY, timeZone: 'CET' }, 'timeZone'],
    [{ ...TUESDAY, userId: 'me' }, 'userId'],
    [{ ...TUESDAY, eventTypeId: -1 }, 'eventTypeId'],
    [{ ...TUESDAY, eventTypeSlug: 'intro' }, 'username'],
    [{ ...TUESDAY, username: 'ada-lovelace' }, 'eventTypeSlug'],
    [{ ...TUESDAY, eventTypeSlug: 'intro', username: 'ada', teamSlug: 'x' }, 'teamSlug'],
    [{ ...TUESDAY, eventTypeSlug: 'Not A Slug', teamSlug: 'x' }, 'eventTypeSlug'],
  ])('refuses %j without sending', async (input, path) => {
    const client = clientAtFixedTime();
    const error = await client.availability.list(input as never).catch((caught: unknown) => caught);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect(sentRequests()).toEqual([]);
  });

  it('names the field, the problem and the zone a near miss means', async () => {
    const client = clientAtFixedTime();
    await expect(client.availability.list({ ...TUESDAY, timeZone: 'Berlin' })).rejects.toThrow(
      'Invalid timeZone: "Berlin" is not an IANA time zone. Did you mean Europe/Berlin? Nothing was sent to Cal.com.',
    );
  });

  it('refuses a non-object input', async () => {
    const client = clientAtFixedTime();
    await expect(client.availability.list(undefined as never)).rejects.toThrow('Invalid input');
  });
});
