import { server, simulator, TEST_BASE_URL } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { clientAtFixedTime } from '../../../test/support/fixed-clock';
import { sentRequests } from '../../../test/support/test-client';
import { CalComServerError } from '../../errors/api-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';

const V = '2024-08-13';
const COMMIT_THEN_FAIL = [
  ['server-error', {}],
  ['bare-server-error', {}],
  ['reset', {}],
  ['hang', { timeoutMs: 300 }],
] as const;

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
 * Reads a booking's status from the simulator's state.
 *
 * @param uid The booking UID.
 * @returns Its status.
 */
const statusOf = (uid: string) => simulator().state.bookings.find((booking) => booking.uid === uid)?.status;

/** The requests sent, as `METHOD path`. */
const calls = () => sentRequests().map((request) => `${request.method} ${request.path}`);

describe('bookings.cancel after an ambiguous failure', () => {
  const active = () => seeded(3002, '2026-06-02T08:00:00.000Z');

  it.each(COMMIT_THEN_FAIL)(
    'reports a cancel Cal.com made before failing (%s) as done by this call, verified by reading back',
    async (outcome, options) => {
      const client = clientAtFixedTime();
      const uid = active();
      simulator().faults.add({
        method: 'POST',
        path: `/v2/bookings/${uid}/cancel`,
        fault: { type: 'commit-then-fail', outcome },
      });
      const result = await client.bookings.cancel(uid, { reason: 'Sick' }, options);
      expect(result).toMatchObject({
        uid,
        status: 'cancelled',
        reason: 'Sick',
        alreadyCancelled: false,
        verifiedByReadBack: true,
      });
      expect(result.booking.status).toBe('cancelled');
      expect(statusOf(uid)).toBe('cancelled');
      expect(sentRequests()).toEqual([
        { method: 'GET', path: `/v2/bookings/${uid}`, query: {}, version: V, body: undefined },
        {
          method: 'POST',
          path: `/v2/bookings/${uid}/cancel`,
          query: {},
          version: V,
          body: { cancellationReason: 'Sick' },
        },
        { method: 'GET', path: `/v2/bookings/${uid}`, query: {}, version: V, body: undefined },
      ]);
    },
  );

  it('sends the cancel again once reading back shows the failed one changed nothing', async () => {
    const client = clientAtFixedTime();
    const uid = active();
    simulator().faults.add({ method: 'POST', path: `/v2/bookings/${uid}/cancel`, times: 1, fault: { type: 'reset' } });
    const result = await client.bookings.cancel(uid);
    expect(result).toMatchObject({ alreadyCancelled: false, verifiedByReadBack: false, reason: null });
    expect(calls()).toEqual([
      `GET /v2/bookings/${uid}`,
      `POST /v2/bookings/${uid}/cancel`,
      `GET /v2/bookings/${uid}`,
      `POST /v2/bookings/${uid}/cancel`,
    ]);
  });

  it('takes a 400 to the second cancel as our first one landing late, not as "already cancelled"', async () => {
    const client = clientAtFixedTime();
    const uid = active();
    let posts = 0;
    server.use(
      http.post(`${TEST_BASE_URL}/bookings/${uid}/cancel`, async ({ request }) => {
        posts += 1;
        if (posts === 1)
          return HttpResponse.json({ statusCode: 500, message: 'Internal server error' }, { status: 500 });
        // The first cancel is applied only now, just before the second one arrives, which Cal.com refuses with 400.
        await simulator().handle(request.clone());
        const result = await simulator().handle(request);
        return result instanceof Response ? result : HttpResponse.error();
      }),
    );
    const result = await client.bookings.cancel(uid, {}, { maxRetries: 0 });
    expect(result).toMatchObject({ alreadyCancelled: false, verifiedByReadBack: true });
    expect(posts).toBe(2);
    expect(calls()).toEqual([
      `GET /v2/bookings/${uid}`,
      `GET /v2/bookings/${uid}`,
      `POST /v2/bookings/${uid}/cancel`,
      `POST /v2/bookings/${uid}/cancel`,
      `GET /v2/bookings/${uid}`,
    ]);
  });

  it('never answers "already cancelled" once a cancel of its own was ambiguous', async () => {
    const client = clientAtFixedTime();
    const uid = active();
    let posts = 0;
    let reads = 0;
    server.use(
      http.post(`${TEST_BASE_URL}/bookings/${uid}/cancel`, () => {
        posts += 1;
        return posts === 1
          ? HttpResponse.json({ statusCode: 500, message: 'Internal server error' }, { status: 500 })
          : HttpResponse.json({ statusCode: 400, message: 'Cannot cancel', error: 'Bad Request' }, { status: 400 });
      }),
      http.get(`${TEST_BASE_URL}/bookings/${uid}`, async ({ request }) => {
        reads += 1;
        // After the refused repeat had been read back as still active, someone else cancels the booking.
        if (reads === 4) await simulator().handle(new Request(`${TEST_BASE_URL}/bookings/${uid}/cancel`, request));
        const result = await simulator().handle(request);
        return result instanceof Response ? result : HttpResponse.error();
      }),
    );
    const error = await client.bookings.cancel(uid, {}, { maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect(posts).toBe(2);
    expect(reads).toBe(3);
  });

  it('throws CalComUnknownOutcomeError with how to check when the booking cannot be read back', async () => {
    const client = clientAtFixedTime();
    const uid = active();
    let reads = 0;
    server.use(
      http.get(`${TEST_BASE_URL}/bookings/${uid}`, async ({ request }) => {
        reads += 1;
        if (reads > 1) return HttpResponse.json({ statusCode: 500, message: 'Internal server error' }, { status: 500 });
        const result = await simulator().handle(request);
        return result instanceof Response ? result : HttpResponse.error();
      }),
    );
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/cancel`,
      times: 1,
      fault: { type: 'commit-then-fail', outcome: 'reset' },
    });
    const error = await client.bookings.cancel(uid, {}, { maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      `Check with bookings.get("${uid}"): status "cancelled" means it happened; otherwise cancel it again.`,
    );
    expect(statusOf(uid)).toBe('cancelled');
    // Read-back failed, so the cancel was sent again (a second cancel cannot cancel twice); Cal.com refused it.
    expect(calls().filter((call) => call.startsWith('POST'))).toHaveLength(2);
  });

  it('throws the server error when Cal.com keeps failing and the booking is still active', async () => {
    const client = clientAtFixedTime();
    const uid = active();
    simulator().faults.add({ method: 'POST', path: `/v2/bookings/${uid}/cancel`, fault: { type: 'server-error' } });
    await expect(client.bookings.cancel(uid, {}, { maxRetries: 0 })).rejects.toBeInstanceOf(CalComServerError);
    expect(statusOf(uid)).toBe('accepted');
  });
});

describe('bookings.confirm and bookings.decline after an ambiguous failure', () => {
  const pending = () => seeded(3003, '2026-06-02T12:00:00.000Z');

  it.each(COMMIT_THEN_FAIL)(
    'returns a confirm Cal.com made before failing (%s) instead of "rejected, fix the fields"',
    async (outcome, options) => {
      const client = clientAtFixedTime();
      const uid = pending();
      simulator().faults.add({
        method: 'POST',
        path: `/v2/bookings/${uid}/confirm`,
        fault: { type: 'commit-then-fail', outcome },
      });
      const booking = await client.bookings.confirm(uid, options);
      expect(booking).toMatchObject({ uid, status: 'accepted' });
      expect(statusOf(uid)).toBe('accepted');
      expect(sentRequests()).toEqual([
        { method: 'POST', path: `/v2/bookings/${uid}/confirm`, query: {}, version: V, body: undefined },
        { method: 'GET', path: `/v2/bookings/${uid}`, query: {}, version: V, body: undefined },
      ]);
    },
  );

  it.each(COMMIT_THEN_FAIL)('returns a decline Cal.com made before failing (%s)', async (outcome, options) => {
    const client = clientAtFixedTime();
    const uid = pending();
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/decline`,
      fault: { type: 'commit-then-fail', outcome },
    });
    const booking = await client.bookings.decline(uid, { reason: 'Fully booked' }, options);
    expect(booking).toMatchObject({ uid, status: 'rejected', cancellationReason: 'Fully booked' });
    expect(sentRequests()).toEqual([
      {
        method: 'POST',
        path: `/v2/bookings/${uid}/decline`,
        query: {},
        version: V,
        body: { reason: 'Fully booked' },
      },
      { method: 'GET', path: `/v2/bookings/${uid}`, query: {}, version: V, body: undefined },
    ]);
  });

  it('confirms with a second request once reading back shows the failed one changed nothing', async () => {
    const client = clientAtFixedTime();
    const uid = pending();
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/confirm`,
      times: 1,
      fault: { type: 'server-error', status: 503 },
    });
    expect((await client.bookings.confirm(uid)).status).toBe('accepted');
    expect(calls()).toEqual([
      `POST /v2/bookings/${uid}/confirm`,
      `GET /v2/bookings/${uid}`,
      `POST /v2/bookings/${uid}/confirm`,
    ]);
  });

  it('rethrows a clear refusal of the first confirm without reading back', async () => {
    const client = clientAtFixedTime();
    const uid = seeded(3002, '2026-06-02T08:00:00.000Z');
    await expect(client.bookings.confirm(uid)).rejects.toBeInstanceOf(CalComValidationError);
    expect(calls()).toEqual([`POST /v2/bookings/${uid}/confirm`]);
  });

  it('says the outcome is unknown when every decline breaks off and the booking still reads pending', async () => {
    const client = clientAtFixedTime();
    const uid = pending();
    simulator().faults.add({ method: 'POST', path: `/v2/bookings/${uid}/decline`, fault: { type: 'reset' } });
    const error = await client.bookings.decline(uid, {}, { maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      `Check with bookings.get("${uid}"): status "rejected" means it happened; otherwise decline it again.`,
    );
    expect(statusOf(uid)).toBe('pending');
  });
});
