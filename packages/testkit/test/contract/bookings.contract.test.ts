import { describe, expect, it } from 'vitest';
import type { BookingOutput, PaginationMeta } from '../../src/index';
import { createContractHarness, dataOf, expectGroupCovered, VERSIONS } from './simulator-harness';

describe('simulator /v2/bookings against the contract', () => {
  const harness = createContractHarness({ seed: { bookings: 30 } });
  const version = VERSIONS.bookings;
  const seeded = harness.simulator.state.bookings;
  const pending = seeded.find((booking) => booking.status === 'pending' && booking.eventTypeId === 3003);

  it('GET /v2/bookings pages through the bookings with pagination', async () => {
    const body = (await harness.expectValid(
      { method: 'GET', path: '/v2/bookings?take=5&skip=5&sortStart=desc', version },
      200,
    )) as { data: BookingOutput[]; pagination: PaginationMeta };
    expect(body.data).toHaveLength(5);
    expect(body.pagination).toMatchObject({ returnedItems: 5, itemsPerPage: 5, currentPage: 2, hasPreviousPage: true });
  });

  it('GET /v2/bookings filters by status, attendee, event type and time', async () => {
    const body = (await harness.expectValid(
      {
        method: 'GET',
        path: '/v2/bookings?status=upcoming,unconfirmed&attendeeEmail=alan%40example.com&eventTypeIds=3002,3003&afterStart=2030-09-02T00:00:00Z&beforeEnd=2030-09-10T00:00:00Z&sortCreated=asc',
        version,
      },
      200,
    )) as { data: BookingOutput[] };
    expect(body.data.map((booking) => booking.uid)).toEqual([pending?.uid]);
  });

  it('GET /v2/bookings/{uid} returns one booking', async () => {
    const booking = dataOf<BookingOutput>(
      await harness.expectValid({ method: 'GET', path: `/v2/bookings/${pending?.uid}`, version }, 200),
    );
    expect(booking).toMatchObject({ uid: pending?.uid, status: 'pending' });
  });

  let createdUid = '';
  it('POST /v2/bookings books a free slot', async () => {
    const booking = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/bookings',
          version,
          key: null,
          body: {
            start: '2030-09-04T11:00:00.000Z',
            eventTypeId: 3002,
            attendee: { name: 'Mary Somerville', email: 'mary@example.com', timeZone: 'Europe/London', language: 'en' },
            guests: ['guest@example.com'],
            metadata: { source: 'contract-test' },
          },
        },
        201,
      ),
    );
    expect(booking).toMatchObject({
      start: '2030-09-04T11:00:00.000Z',
      end: '2030-09-04T11:30:00.000Z',
      status: 'accepted',
      eventTypeId: 3002,
    });
    createdUid = booking.uid;
  });

  let rescheduledUid = '';
  it('POST /v2/bookings/{uid}/reschedule moves it to a new booking', async () => {
    const booking = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: `/v2/bookings/${createdUid}/reschedule`,
          version,
          body: { start: '2030-09-04T12:00:00.000Z', reschedulingReason: 'Clash' },
        },
        201,
      ),
    );
    expect(booking).toMatchObject({ start: '2030-09-04T12:00:00.000Z', rescheduledFromUid: createdUid });
    rescheduledUid = booking.uid;
  });

  it('POST /v2/bookings/{uid}/cancel cancels it', async () => {
    const booking = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: `/v2/bookings/${rescheduledUid}/cancel`,
          version,
          body: { cancellationReason: 'No longer needed' },
        },
        200,
      ),
    );
    expect(booking).toMatchObject({ uid: rescheduledUid, status: 'cancelled', cancellationReason: 'No longer needed' });
  });

  it('POST /v2/bookings/{uid}/confirm confirms a pending booking', async () => {
    const booking = dataOf<BookingOutput>(
      await harness.expectValid({ method: 'POST', path: `/v2/bookings/${pending?.uid}/confirm`, version }, 200),
    );
    expect(booking.status).toBe('accepted');
  });

  it('POST /v2/bookings/{uid}/decline declines a pending booking', async () => {
    const created = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/bookings',
          version,
          body: {
            start: '2030-09-05T13:00:00.000Z',
            eventTypeId: 3003,
            attendee: { name: 'Mary Somerville', email: 'mary@example.com', timeZone: 'Europe/London' },
          },
        },
        201,
      ),
    );
    expect(created.status).toBe('pending');
    const booking = dataOf<BookingOutput>(
      await harness.expectValid(
        { method: 'POST', path: `/v2/bookings/${created.uid}/decline`, version, body: { reason: 'Fully booked' } },
        200,
      ),
    );
    expect(booking).toMatchObject({ status: 'rejected', cancellationReason: 'Fully booked' });
  });

  it('covers every /v2/bookings route', () => {
    expectGroupCovered(harness, 'bookings');
  });
});
