import { describe, expect, it } from 'vitest';
import { createContractHarness, dataOf, expectGroupCovered, VERSIONS } from './simulator-harness';

interface Occurrence {
  uid: string;
  status: string;
  recurringBookingUid: string;
}

interface Seated {
  uid: string;
  seatUid: string;
  status: string;
  attendees: { email: string; seatUid: string }[];
}

const attendee = { name: 'Mary Somerville', email: 'mary@example.com', timeZone: 'Europe/London' };

describe('simulator recurring and seated bookings against the contract', () => {
  const harness = createContractHarness();
  const version = VERSIONS.bookings;

  let occurrences: Occurrence[] = [];
  it('POST /v2/bookings with recurrenceCount answers the occurrences (RecurringBookingOutput[])', async () => {
    occurrences = dataOf<Occurrence[]>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/bookings',
          version,
          key: null,
          body: { start: '2030-09-11T10:00:00.000Z', eventTypeId: 3005, attendee, recurrenceCount: 3 },
        },
        201,
      ),
    );
    expect(occurrences).toHaveLength(3);
  });

  it('GET /v2/bookings/{seriesUid} answers every occurrence', async () => {
    const series = occurrences[0]?.recurringBookingUid;
    const got = dataOf<Occurrence[]>(
      await harness.expectValid({ method: 'GET', path: `/v2/bookings/${series}`, version }, 200),
    );
    expect(got.map((occurrence) => occurrence.uid)).toEqual(occurrences.map((occurrence) => occurrence.uid));
  });

  it('POST /v2/bookings/{uid}/cancel with cancelSubsequentBookings answers the series', async () => {
    const got = dataOf<Occurrence[]>(
      await harness.expectValid(
        {
          method: 'POST',
          path: `/v2/bookings/${occurrences[1]?.uid}/cancel`,
          version,
          body: { cancellationReason: 'Term ends', cancelSubsequentBookings: true },
        },
        200,
      ),
    );
    expect(got.map((occurrence) => occurrence.status)).toEqual(['accepted', 'cancelled', 'cancelled']);
  });

  let seated: Seated | undefined;
  it('POST /v2/bookings on a seated event type answers CreateSeatedBookingOutput', async () => {
    seated = dataOf<Seated>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/bookings',
          version,
          key: null,
          body: { start: '2030-09-12T10:00:00.000Z', eventTypeId: 3006, attendee },
        },
        201,
      ),
    );
    expect(seated.attendees.map((seat) => seat.seatUid)).toEqual([seated.seatUid]);
  });

  it('GET /v2/bookings/by-seat/{seatUid} answers the seated booking', async () => {
    const got = dataOf<Seated>(
      await harness.expectValid({ method: 'GET', path: `/v2/bookings/by-seat/${seated?.seatUid}`, version }, 200),
    );
    expect(got.uid).toBe(seated?.uid);
  });

  it('POST /v2/bookings/{uid}/cancel with seatUid removes the seat', async () => {
    const got = dataOf<Seated>(
      await harness.expectValid(
        {
          method: 'POST',
          path: `/v2/bookings/${seated?.uid}/cancel`,
          version,
          body: { seatUid: seated?.seatUid, cancellationReason: 'Cannot make it' },
        },
        200,
      ),
    );
    expect(got).toMatchObject({ status: 'cancelled', attendees: [] });
  });

  it('covers every by-seat route', () => {
    expectGroupCovered(harness, 'bookingSeats');
  });
});
