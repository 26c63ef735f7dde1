import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { createBooking } from '../create-booking/create-booking';
import { cancelBooking } from './cancel-booking';

const ATTENDEE = { attendee_name: 'Ann Lee', attendee_email: 'ann@example.com', attendee_timezone: 'Europe/Rome' };

/** Books event type 3005 (weekly, at most 4) from Wednesday 2026-12-02 10:00Z and returns the occurrence uids. */
async function bookSeries(count?: number): Promise<string[]> {
  const result = expectOk(
    await runTool(
      createBooking,
      {
        event_type_id: 3005,
        start_time: '2026-12-02T10:00:00Z',
        ...ATTENDEE,
        ...(count === undefined ? {} : { recurrence_count: count }),
      },
      createTestContext(),
    ),
  );
  return (result.structured as { occurrences: { uid: string }[] }).occurrences.map((occurrence) => occurrence.uid);
}

/** Books a seat of event type 3006 (3 seats) on Thursday 2026-12-03 10:00Z and returns the booking and seat uids. */
async function bookSeat(email: string): Promise<{ uid: string; seatUid: string }> {
  const result = expectOk(
    await runTool(
      createBooking,
      { event_type_id: 3006, start_time: '2026-12-03T10:00:00Z', ...ATTENDEE, attendee_email: email },
      createTestContext(),
    ),
  );
  const booking = (result.structured as { booking: { uid: string; seatUid: string } }).booking;
  return { uid: booking.uid, seatUid: booking.seatUid };
}

describe('create_booking and cancel_booking for recurring and seated bookings', () => {
  beforeEach(() => useFixedSimulator());

  it('books every occurrence of a recurring event type and lists them', async () => {
    const result = expectOk(
      await runTool(
        createBooking,
        { event_type_id: 3005, start_time: '2026-12-02T10:00:00Z', ...ATTENDEE, recurrence_count: 2 },
        createTestContext(),
      ),
    );
    expect(result.text).toMatchInlineSnapshot(`
      "Booked uid qVPhvxDMnoBUa2oWVlA5hj (id 9008), status accepted.
      uid qVPhvxDMnoBUa2oWVlA5hj | accepted | 2026-12-02T10:00:00Z–10:30:00Z (Wed 2026-12-02 11:00+01:00–11:30 Europe/Berlin) | "Weekly coaching between Ada Lovelace and Ann Lee" | event_type_id 3005 | with "Ann Lee" <ann@example.com> (11:00+01:00–11:30 Europe/Rome) | at "https://app.cal.com/video/qVPhvxDMnoBUa2oWVlA5hj" | recurring series nHEyIsRnSh5EGKqCgXwQF9
      Recurring series nHEyIsRnSh5EGKqCgXwQF9: 2 occurrences.
      occurrence 1 of 2: uid qVPhvxDMnoBUa2oWVlA5hj | accepted | 2026-12-02T10:00:00Z–10:30:00Z (Wed 2026-12-02 11:00+01:00–11:30 Europe/Berlin)
      occurrence 2 of 2: uid 8A1GYlgXsIR7mhCKmOJnlB | accepted | 2026-12-09T10:00:00Z–10:30:00Z (Wed 2026-12-09 11:00+01:00–11:30 Europe/Berlin)
      Cal.com sends the confirmation email on its own. To change it, call reschedule_booking or cancel_booking with booking_id qVPhvxDMnoBUa2oWVlA5hj."
    `);
    expect(simulator().requests.at(-1)?.body).toMatchObject({ recurrenceCount: 2 });
  });

  it('refuses recurrence_count for an event type that does not repeat, naming the field', async () => {
    const result = expectFailure(
      await runTool(
        createBooking,
        { event_type_id: 3002, start_time: '2026-12-02T10:00:00Z', ...ATTENDEE, recurrence_count: 2 },
        createTestContext(),
      ),
    );
    expect(result.error.issues).toEqual([
      {
        field: 'recurrence_count',
        message: 'event type 3002 ("30 min meeting") does not repeat. Leave it out, or book a recurring event type.',
      },
    ]);
    expect(simulator().requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('cancels an occurrence and the following ones with cancel_following', async () => {
    const uids = await bookSeries();
    const result = expectOk(
      await runTool(cancelBooking, { booking_id: uids[2] ?? '', cancel_following: true }, createTestContext()),
    );
    expect(result.text).toMatchInlineSnapshot(`
      "Cancelled booking uid EBYpoxnp7B15BzhjXGFqXA.
      Recurring series nHEyIsRnSh5EGKqCgXwQF9: 4 occurrences.
      occurrence 1 of 4: uid qVPhvxDMnoBUa2oWVlA5hj | accepted | 2026-12-02T10:00:00Z–10:30:00Z (Wed 2026-12-02 11:00+01:00–11:30 Europe/Berlin)
      occurrence 2 of 4: uid 8A1GYlgXsIR7mhCKmOJnlB | accepted | 2026-12-09T10:00:00Z–10:30:00Z (Wed 2026-12-09 11:00+01:00–11:30 Europe/Berlin)
      occurrence 3 of 4: uid EBYpoxnp7B15BzhjXGFqXA | cancelled | 2026-12-16T10:00:00Z–10:30:00Z (Wed 2026-12-16 11:00+01:00–11:30 Europe/Berlin)
      occurrence 4 of 4: uid fiq1evEYtM2wFLrCx7U40m | cancelled | 2026-12-23T10:00:00Z–10:30:00Z (Wed 2026-12-23 11:00+01:00–11:30 Europe/Berlin)
      Cal.com sends the cancellation emails on its own."
    `);
    expect(result.structured).toMatchObject({ uid: uids[2], alreadyCancelled: false });
  });

  it('cancels every occurrence by the series uid', async () => {
    await bookSeries(2);
    const series = simulator().state.bookings.find((booking) => booking.eventTypeId === 3005) as
      | { recurringBookingUid?: string }
      | undefined;
    const result = expectOk(
      await runTool(cancelBooking, { booking_id: series?.recurringBookingUid ?? '' }, createTestContext()),
    );
    expect((result.structured as { occurrences: { status: string }[] }).occurrences.map((o) => o.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
  });

  it('refuses cancel_following for a booking that does not repeat, before sending', async () => {
    const booking = simulator().state.bookings.find(
      (candidate) => candidate.status === 'accepted' && candidate.start > '2026-11-25',
    );
    const result = expectFailure(
      await runTool(cancelBooking, { booking_id: booking?.uid ?? '', cancel_following: true }, createTestContext()),
    );
    expect(result.error.issues).toEqual([
      {
        field: 'cancel_following',
        message: `booking ${booking?.uid} is not an occurrence of a recurring booking. Leave it out to cancel just this booking.`,
      },
    ]);
    expect(simulator().requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('books seats of one slot and cancels one seat with seat_uid', async () => {
    const first = await bookSeat('ann@example.com');
    const second = await bookSeat('bo@example.com');
    expect(second.uid).toBe(first.uid);
    const result = expectOk(
      await runTool(cancelBooking, { booking_id: first.uid, seat_uid: first.seatUid }, createTestContext()),
    );
    expect(result.text).toMatchInlineSnapshot(`
      "Cancelled seat nHEyIsRnSh5EGKqCgXwQF9 of booking uid qVPhvxDMnoBUa2oWVlA5hj.
      uid qVPhvxDMnoBUa2oWVlA5hj | accepted | 2026-12-03T10:00:00Z–11:00:00Z (Thu 2026-12-03 11:00+01:00–12:00 Europe/Berlin) | "Group workshop between Ada Lovelace and Ann Lee" | event_type_id 3006 | with "Ann Lee" <bo@example.com> seat_uid 8A1GYlgXsIR7mhCKmOJnlB (11:00+01:00–12:00 Europe/Rome) | at "https://app.cal.com/video/qVPhvxDMnoBUa2oWVlA5hj"
      Cal.com sends the cancellation emails on its own."
    `);
    expect(result.structured).toMatchObject({ seatUid: first.seatUid, booking: { status: 'accepted' } });
  });

  it('answers an unknown seat with Cal.com’s refusal', async () => {
    const first = await bookSeat('ann@example.com');
    const result = expectFailure(
      await runTool(cancelBooking, { booking_id: first.uid, seat_uid: 'nope' }, createTestContext()),
    );
    expect(result.text).toContain('Invalid seatUid: this seat does not exist or has already been cancelled.');
  });
});
