import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { createBooking } from '../create-booking/create-booking';
import { getBooking } from './get-booking';

describe('get_booking', () => {
  beforeEach(() => useFixedSimulator());

  it('gets a booking by uid, pointing at its replacement when rescheduled', async () => {
    const rescheduled = simulator().state.bookings.find((booking) => booking.rescheduledToUid !== undefined);
    const uid = rescheduled?.uid ?? '';
    const result = expectOk(await runTool(getBooking, { booking_id: uid }, createTestContext()));
    expect(requestsSeen()).toEqual([{ method: 'GET', path: `/v2/bookings/${uid}`, query: {}, body: undefined }]);
    expect(result.text).toContain(`rescheduled to uid ${rescheduled?.rescheduledToUid}`);
    expect(result.text).toMatchInlineSnapshot(
      `"uid S3RIoiUHIESpoHfgNxP971 | cancelled | 2026-11-27T10:00:00Z–10:30:00Z (Fri 2026-11-27 11:00+01:00–11:30 Europe/Berlin) | "30 min meeting between Ada Lovelace and Tu Youyou" | event_type_id 3002 | with "Tu Youyou" <tu@example.com> (18:00+08:00–18:30 Asia/Shanghai) | at "https://app.cal.com/video/S3RIoiUHIESpoHfgNxP971" | rescheduled to uid ALB9Us1FP1xxNFJZhR2T41"`,
    );
    expect(result.structured).toMatchSnapshot();
  });

  it('gets a seated booking by one of its seats', async () => {
    const booked = expectOk(
      await runTool(
        createBooking,
        {
          event_type_id: 3006,
          start_time: '2026-12-03T10:00:00Z',
          attendee_name: 'Ann Lee',
          attendee_email: 'ann@example.com',
          attendee_timezone: 'Europe/Rome',
        },
        createTestContext(),
      ),
    );
    const { uid, seatUid } = (booked.structured as { booking: { uid: string; seatUid: string } }).booking;
    const before = requestsSeen().length;
    const result = expectOk(await runTool(getBooking, { seat_uid: seatUid }, createTestContext()));
    expect(requestsSeen().slice(before)).toEqual([
      { method: 'GET', path: `/v2/bookings/by-seat/${seatUid}`, query: {}, body: undefined },
    ]);
    expect(result.text).toMatch(new RegExp(`^uid ${uid} \\| accepted \\| 2026-12-03T10:00:00Z–11:00:00Z `));
    expect(result.text).toContain(`seat_uid ${seatUid}`);
    expect(result.structured).toMatchObject({ booking: { uid, seatUid } });
  });

  it.each([
    [{}, 'booking_id', 'missing: give booking_id (or seat_uid for one seat of a seated booking)'],
    [{ booking_id: 'abc', seat_uid: 'def' }, 'seat_uid', 'give booking_id or seat_uid, not both'],
  ])('names the field to fix for %j, without a request', async (input, field, message) => {
    const result = expectFailure(await runTool(getBooking, input, createTestContext()));
    expect(result.error.issues).toEqual([{ field, message }]);
    expect(simulator().requests).toEqual([]);
  });

  it('refuses an id that is not a uid without a request', async () => {
    const result = expectFailure(await runTool(getBooking, { booking_id: 'booking 12' }, createTestContext()));
    expect(result.error.issues).toEqual([
      {
        field: 'booking_id',
        message:
          '"booking 12" is not a Cal.com uid: only letters, digits, "-" and "_" are allowed. Pass the uid exactly as Cal.com returned it (list the resources first to get one); never invent one.',
      },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
