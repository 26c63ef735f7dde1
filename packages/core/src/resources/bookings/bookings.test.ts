import { badRequest, success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server, simulator, useSimulator } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { clientAtFixedTime, TEST_NOW } from '../../../test/support/fixed-clock';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComNotFoundError, CalComServerError, CalComSlotUnavailableError } from '../../errors/api-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';
import { manageUrlFor } from './booking-result';

const V = '2024-08-13';
const ATTENDEE = { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' };

/**
 * Finds a seeded booking of the current simulator.
 *
 * @param eventTypeId The event type.
 * @param start The UTC start.
 * @returns The booking uid.
 */
function seeded(eventTypeId: number, start: string): string {
  const booking = simulator().state.bookings.find(
    (candidate) => candidate.eventTypeId === eventTypeId && candidate.start === start,
  );
  if (booking === undefined) throw new Error(`no seeded booking ${eventTypeId} at ${start}`);
  return booking.uid;
}

describe('bookings.list', () => {
  it('lists one page with take/skip on the wire and the pagination mapped', async () => {
    const client = clientAtFixedTime();
    const page = await client.bookings.list();
    expect(page.items.map((booking) => [booking.eventTypeId, booking.start, booking.status])).toEqual([
      [3001, '2026-05-25T07:00:00.000Z', 'accepted'],
      [3002, '2026-06-02T08:00:00.000Z', 'accepted'],
      [3003, '2026-06-02T12:00:00.000Z', 'pending'],
      [3002, '2026-06-03T07:00:00.000Z', 'cancelled'],
      [3002, '2026-06-03T09:00:00.000Z', 'cancelled'],
      [3002, '2026-06-04T09:00:00.000Z', 'accepted'],
    ]);
    expect(page.pagination).toEqual({
      totalItems: 6,
      remainingItems: 0,
      returnedItems: 6,
      itemsPerPage: 100,
      currentPage: 1,
      totalPages: 1,
      hasNextPage: false,
      hasPreviousPage: false,
    });
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/bookings', query: { take: '100', skip: '0' }, version: V, body: undefined },
    ]);
  });

  it('sends every filter', async () => {
    const client = clientAtFixedTime();
    const page = await client.bookings.list({
      limit: 2,
      skip: 0,
      status: ['upcoming', 'unconfirmed'],
      afterStart: '2026-06-02T00:00:00+02:00',
      beforeEnd: new Date('2026-06-05T00:00:00Z'),
      eventTypeId: 3002,
      attendeeEmail: 'grace@example.com',
    });
    expect(page.items.map((booking) => booking.attendees[0]?.email)).toEqual(['grace@example.com']);
    expect(sentRequests()[0]).toEqual({
      method: 'GET',
      path: '/v2/bookings',
      query: {
        take: '2',
        skip: '0',
        status: 'upcoming,unconfirmed',
        afterStart: '2026-06-01T22:00:00.000Z',
        beforeEnd: '2026-06-05T00:00:00.000Z',
        eventTypeId: '3002',
        attendeeEmail: 'grace@example.com',
      },
      version: V,
      body: undefined,
    });
    await client.bookings.list({ status: 'cancelled' });
    expect(sentRequests()[1]?.query).toEqual({ take: '100', skip: '0', status: 'cancelled' });
  });

  it('pages through 256 bookings', async () => {
    const client = clientAtFixedTime({ bookings: 250 });
    const first = await client.bookings.list({ limit: 100 });
    expect(first.items).toHaveLength(100);
    expect(first.pagination).toMatchObject({ totalItems: 256, returnedItems: 100, hasNextPage: true, totalPages: 3 });
    const last = await client.bookings.list({ limit: 100, skip: 200 });
    expect(last.items).toHaveLength(56);
    expect(last.pagination).toMatchObject({ hasNextPage: false, hasPreviousPage: true, currentPage: 3 });
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ skip: -1 }, 'skip'],
    [{ status: 'open' }, 'status'],
    [{ status: ['past', 'open'] }, 'status.1'],
    [{ afterStart: '2026-06-01' }, 'afterStart'],
    [{ beforeEnd: 'later' }, 'beforeEnd'],
    [{ eventTypeId: '3002' }, 'eventTypeId'],
    [{ attendeeEmail: 'grace' }, 'attendeeEmail'],
  ])('refuses %j without sending', async (filters, path) => {
    const client = createTestClient();
    const error = await client.bookings.list(filters as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect(sentRequests()).toEqual([]);
  });

  it('tells a caller asking for more than one page to page with skip or iterate()', async () => {
    const error = await createTestClient()
      .bookings.list({ limit: 101 })
      .catch((caught: unknown) => caught);
    expect((error as CalComValidationError).issues).toEqual([
      {
        path: 'limit',
        message:
          'expected a whole number from 1 to 100, got 101. Use at most 100 and page with skip, or walk every page with cal.bookings.iterate().',
      },
    ]);
    expect(sentRequests()).toEqual([]);
  });

  it('refuses non-object filters', async () => {
    await expect(createTestClient().bookings.list(7 as never)).rejects.toThrow('Invalid filters');
  });
});

describe('bookings.iterate', () => {
  it('walks every page (skip += returnedItems) and yields each booking once', async () => {
    const client = clientAtFixedTime({ bookings: 250 });
    const uids: string[] = [];
    for await (const booking of client.bookings.iterate({ limit: 100 })) uids.push(booking.uid);
    expect(uids).toHaveLength(256);
    expect(new Set(uids).size).toBe(256);
    expect(sentRequests().map((request) => request.query)).toEqual([
      { take: '100', skip: '0' },
      { take: '100', skip: '100' },
      { take: '100', skip: '200' },
    ]);
  });

  it('starts at the given skip and keeps the filters on every page', async () => {
    const client = clientAtFixedTime({ bookings: 250 });
    let count = 0;
    for await (const booking of client.bookings.iterate({ limit: 50, skip: 150, eventTypeId: 3002 })) {
      expect(booking.eventTypeId).toBe(3002);
      count += 1;
    }
    expect(count).toBe(254 - 150);
    expect(sentRequests().map((request) => request.query.skip)).toEqual(['150', '200', '250']);
    expect(sentRequests().every((request) => request.query.eventTypeId === '3002')).toBe(true);
  });
});

describe('bookings.get', () => {
  it('gets a booking by uid', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    const booking = await client.bookings.get(uid);
    expect(booking).toMatchObject({
      uid,
      status: 'accepted',
      start: '2026-06-02T08:00:00.000Z',
      end: '2026-06-02T08:30:00.000Z',
      durationMinutes: 30,
      eventTypeId: 3002,
      eventTypeSlug: 'thirty-minutes',
      attendees: [{ name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York', absent: false }],
      hosts: [{ id: 1001, username: 'ada-lovelace', email: 'ada@example.com' }],
    });
    expect(sentRequests()).toEqual([
      { method: 'GET', path: `/v2/bookings/${uid}`, query: {}, version: V, body: undefined },
    ]);
  });

  it('throws CalComNotFoundError for an unknown uid', async () => {
    const client = createTestClient();
    const error = await client.bookings.get('does-not-exist').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComNotFoundError);
    expect((error as CalComNotFoundError).status).toBe(404);
  });
});

describe('bookings.create', () => {
  it('checks the length and the slot, then books once in UTC', async () => {
    const client = clientAtFixedTime();
    const { booking, confirmation, verifiedByReadBack } = await client.bookings.create({
      eventTypeId: 3002,
      start: '2026-06-02T11:00:00+02:00',
      attendee: ATTENDEE,
    });
    expect(verifiedByReadBack).toBe(false);
    expect(booking).toMatchObject({
      status: 'accepted',
      start: '2026-06-02T09:00:00.000Z',
      end: '2026-06-02T09:30:00.000Z',
      eventTypeId: 3002,
      attendees: [{ name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome', absent: false }],
    });
    expect(confirmation).toEqual({
      bookingId: booking.id,
      bookingUid: booking.uid,
      status: 'accepted',
      confirmedAt: booking.createdAt,
      start: '2026-06-02T09:00:00.000Z',
      end: '2026-06-02T09:30:00.000Z',
      requiresHostConfirmation: false,
      manageUrl: `https://app.cal.com/booking/${booking.uid}`,
    });
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/event-types/3002', query: {}, version: '2024-06-14', body: undefined },
      {
        method: 'GET',
        path: '/v2/slots',
        query: {
          eventTypeId: '3002',
          start: '2026-06-01T09:00:00.000Z',
          end: '2026-06-03T09:00:00.000Z',
          timeZone: 'Europe/Rome',
          format: 'range',
        },
        version: '2024-09-04',
        body: undefined,
      },
      {
        method: 'POST',
        path: '/v2/bookings',
        query: {},
        version: V,
        body: { start: '2026-06-02T09:00:00.000Z', eventTypeId: 3002, attendee: ATTENDEE },
      },
    ]);
  });

  it('sends guests, notes, metadata, language, phone and an explicit end', async () => {
    const client = clientAtFixedTime();
    const { booking, confirmation } = await client.bookings.create({
      eventTypeId: 3003,
      start: new Date('2026-06-02T09:00:00Z'),
      end: '2026-06-02T10:00:00Z',
      attendee: { ...ATTENDEE, language: 'it', phoneNumber: '+393331234567' },
      guests: ['bob@example.com'],
      notes: 'Please call first',
      metadata: { source: 'agent', attempt: 1, urgent: false },
    });
    expect(confirmation.status).toBe('pending');
    expect(confirmation.requiresHostConfirmation).toBe(true);
    expect(sentRequests().at(-1)?.body).toEqual({
      start: '2026-06-02T09:00:00.000Z',
      eventTypeId: 3003,
      attendee: { ...ATTENDEE, language: 'it', phoneNumber: '+393331234567' },
      guests: ['bob@example.com'],
      bookingFieldsResponses: { notes: 'Please call first' },
      metadata: { source: 'agent', attempt: 1, urgent: false },
    });
    // Cal.com merges the submitted responses into the booking's own (name, email) and returns them.
    const responses = { name: ATTENDEE.name, email: ATTENDEE.email, notes: 'Please call first' };
    expect(booking).toMatchObject({ notes: 'Please call first', responses });
    expect(await client.bookings.get(booking.uid)).toMatchObject({ notes: 'Please call first', responses });
  });

  it('refuses a taken slot with the nearest free starts and books nothing', async () => {
    const client = clientAtFixedTime();
    const before = simulator().state.bookings.length;
    const error = await client.bookings
      .create({ eventTypeId: 3002, start: '2026-06-02T08:00:00Z', attendee: ATTENDEE })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComSlotUnavailableError);
    expect((error as CalComSlotUnavailableError).nearestAvailableStarts).toEqual([
      '2026-06-02T07:30:00.000Z',
      '2026-06-02T08:30:00.000Z',
      '2026-06-02T07:00:00.000Z',
    ]);
    expect((error as Error).message).toBe(
      '2026-06-02T08:00:00.000Z is not a free slot of event type 3002; nothing was booked. Nearest free starts: 2026-06-02T07:30:00.000Z, 2026-06-02T08:30:00.000Z, 2026-06-02T07:00:00.000Z. Pick one of them and try again.',
    );
    expect(sentRequests().map((request) => request.method)).toEqual(['GET', 'GET']);
    expect(simulator().state.bookings).toHaveLength(before);
  });

  it('says when no slot is free near the wanted start', async () => {
    server.use(respondOnce('GET', '/v2/slots', 200, success({})));
    const client = clientAtFixedTime();
    const error = await client.bookings
      .create({ eventTypeId: 3002, start: '2026-06-06T10:00:00Z', attendee: ATTENDEE })
      .catch((caught: unknown) => caught);
    expect((error as CalComSlotUnavailableError).nearestAvailableStarts).toEqual([]);
    expect((error as Error).message).toContain('No free slot within 24 hours');
  });

  it('refuses a length the event type does not allow', async () => {
    const client = clientAtFixedTime();
    await expect(
      client.bookings.create({
        eventTypeId: 3002,
        start: '2026-06-02T09:00:00Z',
        end: '2026-06-02T09:45:00Z',
        attendee: ATTENDEE,
      }),
    ).rejects.toThrow(
      'Invalid end: 45 minutes is not a length of event type 3002 ("30 min meeting"). Use one of 30 minutes.',
    );
    await expect(
      client.bookings.create({
        eventTypeId: 3002,
        start: '2026-06-02T09:00:00Z',
        lengthInMinutes: 60,
        attendee: ATTENDEE,
      }),
    ).rejects.toThrow('Invalid lengthInMinutes: 60 minutes is not a length of event type 3002');
    expect(sentRequests().map((request) => request.path)).toEqual(['/v2/event-types/3002', '/v2/event-types/3002']);
  });

  it('judges "in the past" by the clock it was given, not the system clock', async () => {
    // The simulator (and with it the client, through TEST_CLIENT_OPTIONS.now) lives in 2031; the system clock does not.
    useSimulator({ now: () => new Date('2031-03-03T06:00:00Z'), rateLimit: { enabled: false } });
    const client = createTestClient();
    await expect(
      client.bookings.create({ eventTypeId: 3002, start: '2031-03-03T05:30:00Z', attendee: ATTENDEE }),
    ).rejects.toThrow('Invalid start: 2031-03-03T05:30:00.000Z is in the past');
    expect(sentRequests()).toEqual([]);
    const { booking } = await client.bookings.create({
      eventTypeId: 3002,
      start: '2031-03-04T08:30:00Z',
      attendee: ATTENDEE,
    });
    expect(booking.start).toBe('2031-03-04T08:30:00.000Z');
  });

  it('throws CalComNotFoundError for an unknown event type', async () => {
    const client = clientAtFixedTime();
    await expect(
      client.bookings.create({ eventTypeId: 999, start: '2026-06-02T09:00:00Z', attendee: ATTENDEE }),
    ).rejects.toBeInstanceOf(CalComNotFoundError);
  });

  const start = '2026-06-02T09:00:00Z';
  it.each([
    [{ eventTypeId: 'x', start, attendee: ATTENDEE }, 'eventTypeId'],
    [{ eventTypeId: 3002, start: '2026-06-02 09:00', attendee: ATTENDEE }, 'start'],
    [{ eventTypeId: 3002, start: '2026-05-01T09:00:00Z', attendee: ATTENDEE }, 'start'],
    [{ eventTypeId: 3002, start, end: '2026-06-02T08:00:00Z', attendee: ATTENDEE }, 'end'],
    [{ eventTypeId: 3002, start, end: '2026-06-02T09:30:00Z', lengthInMinutes: 60, attendee: ATTENDEE }, 'end'],
    [{ eventTypeId: 3002, start, attendee: null }, 'attendee'],
    [{ eventTypeId: 3002, start, attendee: { ...ATTENDEE, name: '' } }, 'attendee.name'],
    [{ eventTypeId: 3002, start, attendee: { ...ATTENDEE, email: 'ann' } }, 'attendee.email'],
    [{ eventTypeId: 3002, start, attendee: { ...ATTENDEE, timeZone: 'GMT+2' } }, 'attendee.timeZone'],
    [{ eventTypeId: 3002, start, attendee: { ...ATTENDEE, language: 'klingon' } }, 'attendee.language'],
    [{ eventTypeId: 3002, start, attendee: { ...ATTENDEE, phoneNumber: '333 123' } }, 'attendee.phoneNumber'],
    [{ eventTypeId: 3002, start, attendee: ATTENDEE, guests: 'bob@example.com' }, 'guests'],
    [{ eventTypeId: 3002, start, attendee: ATTENDEE, guests: ['bob'] }, 'guests.0'],
    [{ eventTypeId: 3002, start, attendee: ATTENDEE, notes: '' }, 'notes'],
    [{ eventTypeId: 3002, start, attendee: ATTENDEE, metadata: [] }, 'metadata'],
    [
      {
        eventTypeId: 3002,
        start,
        attendee: ATTENDEE,
        metadata: Object.fromEntries([...Array(51).keys()].map((key) => [`k${key}`, 'v'])),
      },
      'metadata',
    ],
    [
      { eventTypeId: 3002, start, attendee: ATTENDEE, metadata: { ['k'.repeat(41)]: 'v' } },
      `metadata.${'k'.repeat(41)}`,
    ],
    [{ eventTypeId: 3002, start, attendee: ATTENDEE, metadata: { note: 'v'.repeat(501) } }, 'metadata.note'],
    [{ eventTypeId: 3002, start, attendee: ATTENDEE, metadata: { nested: {} } }, 'metadata.nested'],
    [{ eventTypeId: 3002, start, attendee: ATTENDEE, lengthInMinutes: 0 }, 'lengthInMinutes'],
  ])('refuses invalid input (%#) without sending', async (input, path) => {
    const client = clientAtFixedTime();
    const error = await client.bookings.create(input as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect(sentRequests()).toEqual([]);
  });

  it('refuses a non-object input', async () => {
    await expect(createTestClient().bookings.create(null as never)).rejects.toThrow('Invalid input');
  });
});

describe('bookings.create after an ambiguous failure (D7)', () => {
  const input = { eventTypeId: 3002, start: '2026-06-02T09:00:00Z', attendee: ATTENDEE };
  const annBookings = () =>
    simulator().state.bookings.filter((booking) => booking.attendees[0]?.email === ATTENDEE.email);

  it.each([
    ['server-error', {}],
    ['bare-server-error', {}],
    ['reset', {}],
    ['hang', { timeoutMs: 300 }],
  ] as const)(
    'returns the booking Cal.com made before failing (%s), and exactly one exists',
    async (outcome, options) => {
      const client = clientAtFixedTime();
      simulator().faults.add({
        method: 'POST',
        path: '/v2/bookings',
        times: 1,
        fault: { type: 'commit-then-fail', outcome },
      });
      const { booking, confirmation, verifiedByReadBack } = await client.bookings.create(input, options);
      expect(booking.start).toBe('2026-06-02T09:00:00.000Z');
      expect(confirmation.bookingUid).toBe(booking.uid);
      expect(verifiedByReadBack).toBe(true);
      expect(annBookings()).toHaveLength(1);
      expect(annBookings()[0]?.uid).toBe(booking.uid);
      expect(sentRequests().filter((request) => request.method === 'POST')).toHaveLength(1);
      expect(sentRequests().at(-1)).toEqual({
        method: 'GET',
        path: '/v2/bookings',
        query: {
          take: '100',
          skip: '0',
          afterStart: '2026-06-02T09:00:00.000Z',
          beforeEnd: '2026-06-02T09:30:00.000Z',
          eventTypeId: '3002',
        },
        version: V,
        body: undefined,
      });
    },
  );

  it('raises CalComUnknownOutcomeError with how to check when no booking is found', async () => {
    const client = clientAtFixedTime();
    simulator().faults.add({ method: 'POST', path: '/v2/bookings', times: 1, fault: { type: 'server-error' } });
    const error = await client.bookings.create(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).outcome).toBe('unknown');
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      'Check with bookings.list({ attendeeEmail: "ann@example.com", eventTypeId: 3002, afterStart: "2026-06-02T09:00:00.000Z", beforeEnd: "2026-06-02T09:30:00.000Z" }) before booking again.',
    );
    expect(annBookings()).toHaveLength(0);
    expect(sentRequests().filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('raises CalComUnknownOutcomeError when the lookup fails too', async () => {
    const client = clientAtFixedTime();
    simulator().faults.add({ method: 'POST', path: '/v2/bookings', times: 1, fault: { type: 'server-error' } });
    simulator().faults.add({ method: 'GET', path: '/v2/bookings', fault: { type: 'server-error' } });
    await expect(client.bookings.create(input, { maxRetries: 0 })).rejects.toBeInstanceOf(CalComUnknownOutcomeError);
  });

  it('rethrows a clear refusal without looking anything up', async () => {
    server.use(respondOnce('POST', '/v2/bookings', 400, badRequest('Attempting to book a meeting in the past.')));
    const client = clientAtFixedTime();
    const error = await client.bookings.create(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).status).toBe(400);
    expect(sentRequests().map((request) => request.path)).toEqual(['/v2/event-types/3002', '/v2/slots']);
  });
});

describe('bookings.reschedule', () => {
  it('checks the slot, moves the booking and returns the new one; the old one points to it', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    const { booking, confirmation, verifiedByReadBack } = await client.bookings.reschedule(uid, {
      start: '2026-06-03T12:00:00+02:00',
      reason: 'Conflict',
    });
    expect(verifiedByReadBack).toBe(false);
    expect(booking).toMatchObject({
      start: '2026-06-03T10:00:00.000Z',
      end: '2026-06-03T10:30:00.000Z',
      rescheduledFromUid: uid,
      status: 'accepted',
    });
    expect(booking.uid).not.toBe(uid);
    expect(confirmation.bookingUid).toBe(booking.uid);
    expect(sentRequests()).toEqual([
      { method: 'GET', path: `/v2/bookings/${uid}`, query: {}, version: V, body: undefined },
      {
        method: 'GET',
        path: '/v2/slots',
        query: {
          eventTypeId: '3002',
          start: '2026-06-02T10:00:00.000Z',
          end: '2026-06-04T10:00:00.000Z',
          timeZone: 'America/New_York',
          format: 'range',
          duration: '30',
          bookingUidToReschedule: uid,
        },
        version: '2024-09-04',
        body: undefined,
      },
      {
        method: 'POST',
        path: `/v2/bookings/${uid}/reschedule`,
        query: {},
        version: V,
        body: { start: '2026-06-03T10:00:00.000Z', reschedulingReason: 'Conflict' },
      },
    ]);
    const old = await client.bookings.get(uid);
    expect(old.rescheduledToUid).toBe(booking.uid);
    expect(old.status).toBe('cancelled');
  });

  it('follows the chain: a rescheduled booking must be moved from its latest uid', async () => {
    const client = clientAtFixedTime();
    const from = seeded(3002, '2026-06-03T09:00:00.000Z');
    const to = seeded(3002, '2026-06-04T09:00:00.000Z');
    await expect(client.bookings.reschedule(from, { start: '2026-06-05T10:00:00Z' })).rejects.toThrow(
      `Invalid uid: booking ${from} was already rescheduled to ${to}. Reschedule the latest booking, ${to}.`,
    );
    const { booking } = await client.bookings.reschedule(to, {
      start: '2026-06-05T10:00:00Z',
      end: '2026-06-05T10:30:00Z',
      rescheduledBy: 'ada@example.com',
    });
    expect(booking.rescheduledFromUid).toBe(to);
    expect(sentRequests().at(-1)?.body).toEqual({
      start: '2026-06-05T10:00:00.000Z',
      rescheduledBy: 'ada@example.com',
    });
  });

  it('refuses cancelled bookings, a changed length, a taken slot and bad input', async () => {
    const client = clientAtFixedTime();
    const cancelled = seeded(3002, '2026-06-03T07:00:00.000Z');
    const active = seeded(3002, '2026-06-02T08:00:00.000Z');
    await expect(client.bookings.reschedule(cancelled, { start: '2026-06-05T10:00:00Z' })).rejects.toThrow(
      'is cancelled',
    );
    await expect(
      client.bookings.reschedule(active, { start: '2026-06-05T10:00:00Z', end: '2026-06-05T11:00:00Z' }),
    ).rejects.toThrow('the start to the end is 60 minutes, but the booking lasts 30');
    await expect(client.bookings.reschedule(active, { start: '2026-06-02T12:00:00Z' })).rejects.toBeInstanceOf(
      CalComSlotUnavailableError,
    );
    await expect(client.bookings.reschedule(active, { start: '2026-05-01T10:00:00Z' })).rejects.toThrow(
      'is in the past',
    );
    await expect(client.bookings.reschedule('', { start: '2026-06-05T10:00:00Z' })).rejects.toThrow('Invalid uid');
    await expect(client.bookings.reschedule(active, { start: 'soon' })).rejects.toThrow('Invalid start');
    await expect(client.bookings.reschedule(active, { start: '2026-06-05T10:00:00Z', end: 'later' })).rejects.toThrow(
      'Invalid end',
    );
    await expect(client.bookings.reschedule(active, { start: '2026-06-05T10:00:00Z', reason: '' })).rejects.toThrow(
      'Invalid reason',
    );
    await expect(
      client.bookings.reschedule(active, { start: '2026-06-05T10:00:00Z', rescheduledBy: 'x' }),
    ).rejects.toThrow('Invalid rescheduledBy');
    expect(sentRequests().some((request) => request.method === 'POST')).toBe(false);
  });

  it.each(['server-error', 'hang'] as const)(
    'reconciles an ambiguous failure (%s) via rescheduledToUid',
    async (outcome) => {
      const client = clientAtFixedTime();
      const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
      simulator().faults.add({
        method: 'POST',
        path: `/v2/bookings/${uid}/reschedule`,
        times: 1,
        fault: { type: 'commit-then-fail', outcome },
      });
      const { booking } = await client.bookings.reschedule(uid, { start: '2026-06-03T10:00:00Z' }, { timeoutMs: 300 });
      expect(booking.rescheduledFromUid).toBe(uid);
      expect(simulator().state.bookings.filter((candidate) => candidate.rescheduledFromUid === uid)).toHaveLength(1);
      expect(
        sentRequests()
          .slice(-2)
          .map((request) => request.path),
      ).toEqual([`/v2/bookings/${uid}`, `/v2/bookings/${booking.uid}`]);
    },
  );

  it('looks for a booking with rescheduledFromUid when the old one does not point forward yet', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/reschedule`,
      times: 1,
      fault: { type: 'server-error' },
    });
    const error = await client.bookings
      .reschedule(uid, { start: '2026-06-03T10:00:00Z' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).howToCheck).toContain(`bookings.get("${uid}")`);
    expect(sentRequests().at(-1)).toEqual({
      method: 'GET',
      path: '/v2/bookings',
      query: {
        take: '100',
        skip: '0',
        afterStart: '2026-06-03T10:00:00.000Z',
        beforeEnd: '2026-06-03T10:30:00.000Z',
        eventTypeId: '3002',
      },
      version: V,
      body: undefined,
    });
  });
});

describe('bookings.cancel', () => {
  it('cancels once and is idempotent afterwards', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    const first = await client.bookings.cancel(uid, { reason: 'Double-booked' });
    expect(first).toMatchObject({ uid, status: 'cancelled', reason: 'Double-booked', alreadyCancelled: false });
    expect(first.booking.status).toBe('cancelled');
    const second = await client.bookings.cancel(uid);
    expect(second).toMatchObject({ uid, status: 'cancelled', reason: 'Double-booked', alreadyCancelled: true });
    expect(sentRequests()).toEqual([
      { method: 'GET', path: `/v2/bookings/${uid}`, query: {}, version: V, body: undefined },
      {
        method: 'POST',
        path: `/v2/bookings/${uid}/cancel`,
        query: {},
        version: V,
        body: { cancellationReason: 'Double-booked' },
      },
      { method: 'GET', path: `/v2/bookings/${uid}`, query: {}, version: V, body: undefined },
    ]);
  });

  it('returns an already cancelled booking with its reason and sends no cancel', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-03T07:00:00.000Z');
    expect(await client.bookings.cancel(uid)).toMatchObject({
      reason: 'Attendee is travelling',
      alreadyCancelled: true,
    });
    expect(sentRequests().map((request) => request.method)).toEqual(['GET']);
  });

  it('treats a 400 from a cancel that raced another one as already cancelled', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-03T07:00:00.000Z');
    const stale = { ...simulator().state.bookings.find((booking) => booking.uid === uid), status: 'accepted' };
    server.use(respondOnce('GET', `/v2/bookings/${uid}`, 200, { status: 'success', data: stale }));
    const result = await client.bookings.cancel(uid, { reason: 'Sick' });
    expect(result).toMatchObject({ alreadyCancelled: true, reason: 'Attendee is travelling' });
    expect(sentRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /v2/bookings/${uid}/cancel`,
      `GET /v2/bookings/${uid}`,
    ]);
  });

  it('rethrows a 400 when the booking is still not cancelled', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    server.use(respondOnce('POST', `/v2/bookings/${uid}/cancel`, 400, badRequest('Cannot cancel')));
    await expect(client.bookings.cancel(uid)).rejects.toBeInstanceOf(CalComValidationError);
  });

  it('throws CalComNotFoundError for an unknown uid and refuses bad input', async () => {
    const client = clientAtFixedTime();
    await expect(client.bookings.cancel('missing')).rejects.toBeInstanceOf(CalComNotFoundError);
    await expect(client.bookings.cancel('')).rejects.toThrow('Invalid uid');
    await expect(client.bookings.cancel('x', { reason: '' })).rejects.toThrow('Invalid reason');
  });

  it('refuses params that are not an object, naming them, before sending anything', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    const refusals = await Promise.all([
      client.bookings.cancel(uid, null as never).catch((caught: unknown) => caught),
      client.bookings.decline(uid, 'Sick' as never).catch((caught: unknown) => caught),
      client.bookings.reschedule(uid, '2026-06-05T10:00:00Z' as never).catch((caught: unknown) => caught),
    ]);
    expect(refusals.map((error) => [error instanceof CalComValidationError, (error as Error).message])).toEqual([
      [true, 'Invalid input: expected an object, got null. Pass { reason } or nothing. Nothing was sent to Cal.com.'],
      [true, 'Invalid input: expected an object, got "Sick". Pass { reason } or nothing. Nothing was sent to Cal.com.'],
      [
        true,
        'Invalid input: expected an object, got "2026-06-05T10:00:00Z". Pass { start }. Nothing was sent to Cal.com.',
      ],
    ]);
    expect(sentRequests()).toEqual([]);
  });
});

describe('bookings.confirm and bookings.decline', () => {
  it('confirms a pending booking', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3003, '2026-06-02T12:00:00.000Z');
    expect((await client.bookings.confirm(uid)).status).toBe('accepted');
    expect(sentRequests()).toEqual([
      { method: 'POST', path: `/v2/bookings/${uid}/confirm`, query: {}, version: V, body: undefined },
    ]);
  });

  it('declines a pending booking with a reason', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3003, '2026-06-02T12:00:00.000Z');
    const booking = await client.bookings.decline(uid, { reason: 'Fully booked' });
    expect(booking).toMatchObject({ status: 'rejected', cancellationReason: 'Fully booked' });
    await client.bookings.decline(seeded(3002, '2026-06-02T08:00:00.000Z')).catch(() => undefined);
    expect(sentRequests()[0]).toEqual({
      method: 'POST',
      path: `/v2/bookings/${uid}/decline`,
      query: {},
      version: V,
      body: { reason: 'Fully booked' },
    });
    expect(sentRequests()[1]?.body).toEqual({});
  });

  it('refuses an empty uid', async () => {
    await expect(createTestClient().bookings.confirm('')).rejects.toThrow('Invalid uid');
    expect(TEST_NOW).toBeGreaterThan(0);
  });
});

describe('bookings edge cases', () => {
  it('books a chosen length of an event type with several lengths (simulator stores lengthInMinutesOptions)', async () => {
    const client = clientAtFixedTime();
    const flexible = await client.eventTypes.update(3002, { lengthInMinutesOptions: [30, 60] });
    expect(flexible.lengthInMinutesOptions).toEqual([30, 60]);
    const { booking, confirmation } = await client.bookings.create({
      eventTypeId: 3002,
      start: '2026-06-02T09:00:00Z',
      lengthInMinutes: 60,
      attendee: ATTENDEE,
    });
    expect(booking).toMatchObject({
      eventTypeId: 3002,
      start: '2026-06-02T09:00:00.000Z',
      end: '2026-06-02T10:00:00.000Z',
      durationMinutes: 60,
      status: 'accepted',
    });
    expect(confirmation).toMatchObject({
      bookingUid: booking.uid,
      start: '2026-06-02T09:00:00.000Z',
      end: '2026-06-02T10:00:00.000Z',
    });
    expect(sentRequests()).toEqual([
      {
        method: 'PATCH',
        path: '/v2/event-types/3002',
        query: {},
        version: '2024-06-14',
        body: { lengthInMinutesOptions: [30, 60] },
      },
      { method: 'GET', path: '/v2/event-types/3002', query: {}, version: '2024-06-14', body: undefined },
      {
        method: 'GET',
        path: '/v2/slots',
        query: {
          eventTypeId: '3002',
          start: '2026-06-01T09:00:00.000Z',
          end: '2026-06-03T09:00:00.000Z',
          timeZone: 'Europe/Rome',
          format: 'range',
          duration: '60',
        },
        version: '2024-09-04',
        body: undefined,
      },
      {
        method: 'POST',
        path: '/v2/bookings',
        query: {},
        version: V,
        body: { start: '2026-06-02T09:00:00.000Z', eventTypeId: 3002, attendee: ATTENDEE, lengthInMinutes: 60 },
      },
    ]);
    expect(simulator().state.bookings.filter((candidate) => candidate.uid === booking.uid)).toHaveLength(1);
  });

  it('derives pagination when Cal.com leaves it out', async () => {
    const client = clientAtFixedTime();
    const booking = simulator().state.bookings[0];
    server.use(respondOnce('GET', '/v2/bookings', 200, success([booking])));
    const page = await client.bookings.list({ limit: 10, skip: 20 });
    expect(page.pagination).toEqual({
      totalItems: 21,
      remainingItems: 0,
      returnedItems: 1,
      itemsPerPage: 10,
      currentPage: 3,
      totalPages: 3,
      hasNextPage: false,
      hasPreviousPage: true,
    });
  });

  it('finds a rescheduled booking by rescheduledFromUid when the old one does not point forward yet', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/reschedule`,
      times: 1,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    let reads = 0;
    server.use(
      http.get(`https://api.cal.com/v2/bookings/${uid}`, async ({ request }) => {
        reads += 1;
        const result = await simulator().handle(request);
        if (!(result instanceof Response) || reads === 1) return result instanceof Response ? result : undefined;
        const body = (await result.json()) as { data: Record<string, unknown> };
        delete body.data.rescheduledToUid;
        return HttpResponse.json(body);
      }),
    );
    const { booking } = await client.bookings.reschedule(uid, { start: '2026-06-03T10:00:00Z' });
    expect(booking.rescheduledFromUid).toBe(uid);
    expect(sentRequests().at(-1)?.path).toBe('/v2/bookings');
  });

  it('raises CalComUnknownOutcomeError when the reschedule lookup fails too', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/reschedule`,
      times: 1,
      fault: { type: 'server-error' },
    });
    let reads = 0;
    server.use(
      http.get(`https://api.cal.com/v2/bookings/${uid}`, async ({ request }) => {
        reads += 1;
        if (reads > 1) return HttpResponse.json({ statusCode: 500, message: 'Internal server error' }, { status: 500 });
        const result = await simulator().handle(request);
        return result instanceof Response ? result : undefined;
      }),
    );
    const call = client.bookings.reschedule(uid, { start: '2026-06-03T10:00:00Z' }, { maxRetries: 0 });
    await expect(call).rejects.toBeInstanceOf(CalComUnknownOutcomeError);
    expect(reads).toBe(2);
  });

  it('rethrows a clear reschedule refusal and a server error on cancel', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    server.use(respondOnce('POST', `/v2/bookings/${uid}/reschedule`, 400, badRequest('Not allowed')));
    await expect(client.bookings.reschedule(uid, { start: '2026-06-03T10:00:00Z' })).rejects.toBeInstanceOf(
      CalComValidationError,
    );
    simulator().faults.add({ method: 'POST', path: `/v2/bookings/${uid}/cancel`, fault: { type: 'server-error' } });
    await expect(client.bookings.cancel(uid, {}, { maxRetries: 0 })).rejects.toBeInstanceOf(CalComServerError);
  });

  it('reports a null reason when a booking is cancelled without one', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    expect(await client.bookings.cancel(uid)).toMatchObject({ reason: null, alreadyCancelled: false });
    expect(sentRequests().at(-1)?.body).toEqual({});
  });
});

describe('manageUrlFor', () => {
  it('builds the web URL for the hosted regions only', () => {
    expect(manageUrlFor('https://api.cal.com/v2', 'a b')).toBe('https://app.cal.com/booking/a%20b');
    expect(manageUrlFor('https://api.cal.eu/v2', 'uid')).toBe('https://app.cal.eu/booking/uid');
    expect(manageUrlFor('https://cal.example.com/api/v2', 'uid')).toBeUndefined();
  });
});
