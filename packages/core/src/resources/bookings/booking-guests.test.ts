import { server, simulator, TEST_BASE_URL } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { calls, refusal, seeded, UPCOMING_START } from '../../../test/support/booking-people';
import { createTestClient } from '../../../test/support/test-client';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';

describe('bookings.addGuests', () => {
  it('adds guests as attendees and returns the booking', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    const { booking, verifiedByReadBack } = await client.bookings.addGuests(uid, {
      guests: [{ email: 'cy@example.com', name: 'Cy', timeZone: 'Europe/Rome' }, { email: 'di@example.com' }],
    });
    expect(verifiedByReadBack).toBe(false);
    expect(booking.attendees.slice(1)).toEqual([
      { name: 'Cy', email: 'cy@example.com', timeZone: 'Europe/Rome', absent: false },
      { name: '', email: 'di@example.com', timeZone: 'Europe/Berlin', absent: false },
    ]);
  });

  it('reads the booking back after a lost answer', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/guests`,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = await client.bookings.addGuests(uid, { guests: [{ email: 'cy@example.com' }] });
    expect(result.verifiedByReadBack).toBe(true);
    expect(calls()).toEqual([`GET /v2/bookings/${uid}`, `POST /v2/bookings/${uid}/guests`, `GET /v2/bookings/${uid}`]);
  });

  it('says how to check when the guests are not there after a lost answer', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    server.use(http.post(`${TEST_BASE_URL}/bookings/${uid}/guests`, () => HttpResponse.json({}, { status: 503 })));
    const error = await client.bookings
      .addGuests(uid, { guests: [{ email: 'cy@example.com' }] }, { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
  });

  it.each([
    [{ guests: [] }, 'guests: expected 1 to 10 guests, got 0'],
    [{ guests: 'cy@example.com' }, 'guests: expected an array of guests'],
    [{ guests: Array.from({ length: 11 }, (_, index) => ({ email: `g${index}@example.com` })) }, 'got 11'],
    [{ guests: ['cy@example.com'] }, 'guests.0'],
    [
      { guests: [{ email: 'cy@example.com' }, { email: 'CY@example.com' }] },
      'guests.1.email: CY@example.com is listed twice',
    ],
    [{ guests: [{ email: 'x' }] }, 'guests.0.email'],
    [{ guests: [{ email: 'cy@example.com', name: ' ' }] }, 'guests.0.name'],
    [{ guests: [{ email: 'cy@example.com', timeZone: 'Nowhere' }] }, 'guests.0.timeZone'],
    [{ guests: [{ email: 'cy@example.com', phoneNumber: '1' }] }, 'guests.0.phoneNumber'],
    [{ guests: [{ email: 'cy@example.com', language: 'zz' }] }, 'guests.0.language'],
    [{ guests: [{ mail: 'cy@example.com' }] }, 'guests.0.mail'],
    [{ emails: [] }, 'emails'],
  ])('refuses %j before sending', async (input, expected) => {
    const client = createTestClient();
    expect(await refusal(client.bookings.addGuests(seeded(UPCOMING_START).uid, input as never))).toContain(expected);
  });

  it('refuses a guest who already attends, a cancelled booking and more than 30 attendees', async () => {
    const client = createTestClient();
    const booking = seeded(UPCOMING_START);
    const email = booking.attendees[0]?.email ?? '';
    expect(await refusal(client.bookings.addGuests(booking.uid, { guests: [{ email }] }))).toContain(
      `guests.0.email: ${email} is already an attendee of booking ${booking.uid}. Leave it out.`,
    );
    const cancelled = simulator().state.bookings.find((candidate) => candidate.status === 'cancelled');
    expect(
      await refusal(client.bookings.addGuests(cancelled?.uid ?? '', { guests: [{ email: 'a@example.com' }] })),
    ).toContain('is cancelled. Add guests to an active booking.');
    for (const batch of [0, 1, 2]) {
      await client.bookings.addGuests(booking.uid, {
        guests: Array.from({ length: batch === 2 ? 9 : 10 }, (_, index) => ({
          email: `g${batch}-${index}@example.com`,
        })),
      });
    }
    expect(
      await refusal(client.bookings.addGuests(booking.uid, { guests: [{ email: 'one-more@example.com' }] })),
    ).toContain('has 30 attendees and a booking holds at most 30. Add at most 0 guests.');
  });
});
