import { success } from '@calcom-int/testkit/fixtures';
import { server, simulator, TEST_BASE_URL } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { PAST_START, refusal, seeded, UPCOMING_START } from '../../../test/support/booking-people';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';

describe('bookings.markAbsent', () => {
  it('marks the host and an attendee of a past booking, shown in the booking', async () => {
    const client = createTestClient();
    const past = seeded(PAST_START);
    const email = past.attendees[0]?.email ?? '';
    const { booking } = await client.bookings.markAbsent(past.uid, {
      host: true,
      attendees: [{ email: email.toUpperCase(), absent: true }],
    });
    expect(booking.absentHost).toBe(true);
    expect(booking.attendees[0]?.absent).toBe(true);
    expect(sentRequests()[1]?.body).toEqual({ host: true, attendees: [{ email, absent: true }] });
    const cleared = await client.bookings.markAbsent(past.uid, { host: false });
    expect(cleared.booking.absentHost).toBeUndefined();
  });

  it('reads the booking back after a lost answer', async () => {
    const client = createTestClient();
    const past = seeded(PAST_START);
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${past.uid}/mark-absent`,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = await client.bookings.markAbsent(past.uid, { host: true });
    expect(result).toMatchObject({ booking: { absentHost: true }, verifiedByReadBack: true });
  });

  it('says how to check when the absences cannot be confirmed', async () => {
    const client = createTestClient();
    const past = seeded(PAST_START);
    server.use(
      http.post(`${TEST_BASE_URL}/bookings/${past.uid}/mark-absent`, () => HttpResponse.json(success({ nope: 1 }))),
    );
    const error = await client.bookings.markAbsent(past.uid, { host: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).check?.operation).toBe('bookings.get');
  });

  it.each([
    [{}, 'input: names nobody. Pass host: true'],
    [{ host: 'yes' }, 'host: expected true or false, got "yes"'],
    [{ attendees: 'all' }, 'attendees: expected an array'],
    [
      { attendees: [{ email: 'nobody@example.com', absent: true }] },
      'attendees.0.email: nobody@example.com is not an attendee of booking',
    ],
    [{ attendees: [{ email: 'x', absent: true }] }, 'attendees.0.email'],
    [{ attendees: [{ email: 'ATTENDEE', absent: 'yes' }] }, 'attendees.0.absent: expected true or false'],
    [{ attendees: [{ email: 'ATTENDEE', absent: true, note: 'late' }] }, 'attendees.0.note'],
    [{ attendees: [] }, 'names nobody'],
  ])('refuses %j before sending', async (input, expected) => {
    const client = createTestClient();
    const past = seeded(PAST_START);
    const email = past.attendees[0]?.email ?? '';
    const patched = JSON.parse(JSON.stringify(input).replace('ATTENDEE', email));
    expect(await refusal(client.bookings.markAbsent(past.uid, patched))).toContain(expected);
  });

  it('refuses a booking that has not started and a cancelled one', async () => {
    const client = createTestClient();
    const upcoming = seeded(UPCOMING_START);
    expect(await refusal(client.bookings.markAbsent(upcoming.uid, { host: true }))).toContain(
      `uid: booking ${upcoming.uid} starts at ${UPCOMING_START} and has not started yet. Mark no-shows once the meeting has started.`,
    );
    const cancelled = simulator().state.bookings.find((candidate) => candidate.status === 'cancelled');
    expect(await refusal(client.bookings.markAbsent(cancelled?.uid ?? '', { host: true }))).toContain('is cancelled');
  });
});
