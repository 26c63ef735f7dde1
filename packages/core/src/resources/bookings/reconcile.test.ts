import { serverErrorEnvelope, toResponse } from '@calcom-int/testkit/fixtures';
import { server, simulator, TEST_API_KEY, TEST_BASE_URL } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { clientAtFixedTime } from '../../../test/support/fixed-clock';
import { sentRequests } from '../../../test/support/test-client';
import { CalComNetworkError } from '../../errors/network-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';

const V = '2024-08-13';

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

/**
 * Sends a request to the simulator as another caller would, outside the client under test.
 *
 * @param method The method.
 * @param path The path under the base URL, e.g. `/bookings`.
 * @param body The JSON body.
 * @returns The simulator's answer.
 */
async function asAnotherCaller(method: string, path: string, body: unknown): Promise<Response> {
  const result = await simulator().handle(
    new Request(`${TEST_BASE_URL}${path}`, {
      method,
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'cal-api-version': V, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  if (!(result instanceof Response)) throw new Error('expected a response');
  return result;
}

/** Cal.com's 500 envelope for a path. */
const failure = (path: string) => toResponse(serverErrorEnvelope(500, { path }));

describe('bookings.create reconciliation (D7) takes only our own booking', () => {
  it.each([
    [
      'cancelled',
      3002,
      '2026-06-03T07:00:00.000Z',
      { name: 'Hedy Lamarr', email: 'hedy@example.com', timeZone: 'Europe/Vienna' },
    ],
    [
      'rejected',
      3003,
      '2026-06-02T12:00:00.000Z',
      { name: 'Alan Turing', email: 'alan@example.com', timeZone: 'Europe/London' },
    ],
  ] as const)(
    'does not take a %s booking of the same attendee in the same slot for ours',
    async (status, eventTypeId, start, attendee) => {
      const client = clientAtFixedTime();
      if (status === 'rejected') await client.bookings.decline(seeded(eventTypeId, start), { reason: 'Fully booked' });
      const closed = simulator().state.bookings.filter((booking) => booking.start === start);
      expect(closed.map((booking) => [booking.status, booking.attendees[0]?.email])).toEqual([
        [status, attendee.email],
      ]);
      simulator().faults.add({ method: 'POST', path: '/v2/bookings', times: 1, fault: { type: 'server-error' } });
      const error = await client.bookings.create({ eventTypeId, start, attendee }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
      // The lookup saw the closed booking (the list is asked for the event type and the slot only) and left it.
      expect(sentRequests().at(-1)).toMatchObject({
        method: 'GET',
        path: '/v2/bookings',
        query: { eventTypeId: String(eventTypeId), afterStart: start },
      });
      expect(simulator().state.bookings.filter((booking) => booking.start === start)).toEqual(closed);
    },
  );

  it('passes over a booking in the slot whose attendee has no email (old bookings) and finds ours', async () => {
    const client = clientAtFixedTime();
    const start = '2026-06-02T09:00:00.000Z';
    simulator().faults.add({
      method: 'POST',
      path: '/v2/bookings',
      times: 1,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    // The lookup's answer starts with a booking in the same slot whose attendee has no email (docs/CALCOM-API.md §9.9).
    server.use(
      http.get(
        `${TEST_BASE_URL}/bookings`,
        async ({ request }) => {
          const answer = await simulator().handle(request);
          if (!(answer instanceof Response)) throw new Error('expected a response');
          const body = (await answer.json()) as { data: { uid: string; attendees: { email?: string }[] }[] };
          const [ours] = body.data;
          if (ours === undefined) throw new Error('expected our committed booking in the list');
          const emailless = {
            ...ours,
            uid: 'emaillessAttendee01',
            attendees: [{ ...ours.attendees[0], email: undefined }],
          };
          return HttpResponse.json({ ...body, data: [emailless, ...body.data] });
        },
        { once: true },
      ),
    );
    const { booking, verifiedByReadBack } = await client.bookings.create({
      eventTypeId: 3002,
      start,
      attendee: { name: 'Ann Lee', email: 'Ann@Example.com', timeZone: 'Europe/Rome' },
    });
    expect(verifiedByReadBack).toBe(true);
    const committed = simulator().state.bookings.filter((candidate) => candidate.start === start);
    expect(committed.map((candidate) => candidate.uid)).toEqual([booking.uid]);
    expect(booking.attendees[0]?.email).toBe('Ann@Example.com');
  });

  it("does not take another attendee's booking at the same start for ours", async () => {
    const client = clientAtFixedTime();
    const start = '2026-06-02T09:00:00.000Z';
    // Another caller books the slot while our request is in flight, and Cal.com fails ours.
    server.use(
      http.post(
        `${TEST_BASE_URL}/bookings`,
        async () => {
          const other = await asAnotherCaller('POST', '/bookings', {
            eventTypeId: 3002,
            start,
            attendee: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' },
          });
          expect(other.status).toBe(201);
          return failure('/v2/bookings');
        },
        { once: true },
      ),
    );
    const error = await client.bookings
      .create({
        eventTypeId: 3002,
        start,
        attendee: { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    const inSlot = simulator().state.bookings.filter((booking) => booking.start === start);
    expect(inSlot.map((booking) => booking.attendees[0]?.email)).toEqual(['grace@example.com']);
    expect(sentRequests().at(-1)).toEqual({
      method: 'GET',
      path: '/v2/bookings',
      query: { take: '100', skip: '0', afterStart: start, beforeEnd: '2026-06-02T09:30:00.000Z', eventTypeId: '3002' },
      version: V,
      body: undefined,
    });
  });

  it("does not take the attendee's booking at another start inside the slot's window for ours", async () => {
    const client = clientAtFixedTime();
    await client.eventTypes.update(3002, { lengthInMinutesOptions: [15, 30] });
    const attendee = { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' };
    server.use(
      http.post(
        `${TEST_BASE_URL}/bookings`,
        async () => {
          const other = await asAnotherCaller('POST', '/bookings', {
            eventTypeId: 3002,
            start: '2026-06-02T09:15:00.000Z',
            lengthInMinutes: 15,
            attendee,
          });
          expect(other.status).toBe(201);
          return failure('/v2/bookings');
        },
        { once: true },
      ),
    );
    const error = await client.bookings
      .create({ eventTypeId: 3002, start: '2026-06-02T09:00:00Z', lengthInMinutes: 30, attendee })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    const anns = simulator().state.bookings.filter((booking) => booking.attendees[0]?.email === attendee.email);
    expect(anns.map((booking) => [booking.start, booking.end])).toEqual([
      ['2026-06-02T09:15:00.000Z', '2026-06-02T09:30:00.000Z'],
    ]);
  });

  it('does not take a booking of another event type for ours when the list ignores the eventTypeId filter', async () => {
    const client = clientAtFixedTime();
    const start = '2026-06-02T09:00:00.000Z';
    const attendee = { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' };
    server.use(
      http.post(
        `${TEST_BASE_URL}/bookings`,
        async () => {
          const other = await asAnotherCaller('POST', '/bookings', { eventTypeId: 3001, start, attendee });
          expect(other.status).toBe(201);
          return failure('/v2/bookings');
        },
        { once: true },
      ),
      http.get(`${TEST_BASE_URL}/bookings`, async ({ request }) => {
        const url = new URL(request.url);
        url.searchParams.delete('eventTypeId');
        const result = await simulator().handle(new Request(url, { headers: request.headers }));
        return result instanceof Response ? result : HttpResponse.error();
      }),
    );
    const error = await client.bookings
      .create({ eventTypeId: 3002, start, attendee })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    const anns = simulator().state.bookings.filter((booking) => booking.attendees[0]?.email === attendee.email);
    expect(anns.map((booking) => [booking.eventTypeId, booking.start, booking.status])).toEqual([
      [3001, start, 'accepted'],
    ]);
  });

  it('treats a refused connection as a plain network error: nothing was sent, nothing is looked up', async () => {
    const refusingFetch: typeof fetch = (input, init) => {
      if (init?.method === 'POST') {
        const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
        return Promise.reject(new TypeError('fetch failed', { cause }));
      }
      return fetch(input, init);
    };
    const client = clientAtFixedTime({}, { fetch: refusingFetch, maxRetries: 0 });
    const error = await client.bookings
      .create({
        eventTypeId: 3002,
        start: '2026-06-02T09:00:00Z',
        attendee: { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComNetworkError);
    expect(error).not.toBeInstanceOf(CalComUnknownOutcomeError);
    expect(error).toMatchObject({ requestSent: false, errorCode: 'ECONNREFUSED', retryable: true });
    expect(sentRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v2/event-types/3002',
      'GET /v2/slots',
    ]);
  });
});

describe('bookings.reschedule reconciliation (D7) takes only the reschedule of our uid', () => {
  /** Answers the old booking without `rescheduledToUid`, as Cal.com did before mid-2025 (docs/CALCOM-API.md §7.5). */
  function hideForwardPointer(uid: string) {
    server.use(
      http.get(`${TEST_BASE_URL}/bookings/${uid}`, async ({ request }) => {
        const result = await simulator().handle(request);
        if (!(result instanceof Response)) return HttpResponse.error();
        const body = (await result.json()) as { data: Record<string, unknown> };
        delete body.data.rescheduledToUid;
        return HttpResponse.json(body);
      }),
    );
  }

  it('skips another booking in the window and returns the one whose rescheduledFromUid is ours', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    // 07:00 holds Hedy's cancelled booking, which the list returns first.
    const start = '2026-06-03T07:00:00.000Z';
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/reschedule`,
      times: 1,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    hideForwardPointer(uid);
    const { booking, verifiedByReadBack } = await client.bookings.reschedule(uid, { start });
    expect(verifiedByReadBack).toBe(true);
    expect(booking).toMatchObject({ rescheduledFromUid: uid, start, status: 'accepted' });
    expect(booking.attendees[0]?.email).toBe('grace@example.com');
    const window = simulator().state.bookings.filter((candidate) => candidate.start === start);
    expect(window.map((candidate) => [candidate.status, candidate.attendees[0]?.email])).toEqual([
      ['cancelled', 'hedy@example.com'],
      ['accepted', 'grace@example.com'],
    ]);
    expect(sentRequests().at(-1)).toEqual({
      method: 'GET',
      path: '/v2/bookings',
      query: { take: '100', skip: '0', afterStart: start, beforeEnd: '2026-06-03T07:30:00.000Z', eventTypeId: '3002' },
      version: V,
      body: undefined,
    });
  });

  it('does not take a reschedule of our uid to another time (made by someone else) for ours', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    server.use(
      http.post(
        `${TEST_BASE_URL}/bookings/${uid}/reschedule`,
        async () => {
          const other = await asAnotherCaller('POST', `/bookings/${uid}/reschedule`, {
            start: '2026-06-04T12:00:00.000Z',
          });
          expect(other.status).toBe(201);
          return failure(`/v2/bookings/${uid}/reschedule`);
        },
        { once: true },
      ),
    );
    const error = await client.bookings
      .reschedule(uid, { start: '2026-06-03T10:00:00Z' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    const moved = simulator().state.bookings.filter((booking) => booking.rescheduledFromUid === uid);
    expect(moved.map((booking) => booking.start)).toEqual(['2026-06-04T12:00:00.000Z']);
    expect(sentRequests().slice(-2)).toEqual([
      { method: 'GET', path: `/v2/bookings/${uid}`, query: {}, version: V, body: undefined },
      { method: 'GET', path: `/v2/bookings/${moved[0]?.uid}`, query: {}, version: V, body: undefined },
    ]);
  });
});
