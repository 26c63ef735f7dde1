import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { rescheduleBooking } from './reschedule-booking';

describe('reschedule_booking', () => {
  beforeEach(() => useFixedSimulator());

  it('moves a booking and returns the new uid', async () => {
    const booking = simulator().state.bookings.find(
      (candidate) =>
        candidate.status === 'accepted' && candidate.eventTypeId === 3002 && candidate.start > '2026-11-25',
    );
    const uid = booking?.uid ?? '';
    const result = expectOk(
      await runTool(
        rescheduleBooking,
        {
          booking_id: uid,
          new_start_time: '2026-11-27T13:00:00Z',
          new_end_time: '2026-11-27T13:30:00Z',
          send_notification: true,
        },
        createTestContext(),
      ),
    );
    const post = simulator().requests.find((request) => request.path === `/v2/bookings/${uid}/reschedule`);
    expect(post).toMatchObject({ method: 'POST', body: { start: '2026-11-27T13:00:00.000Z' } });
    expect(result.structured.previousUid).toBe(uid);
    expect(result.text).toContain(`booking uid ${uid} is replaced by the new uid`);
    expect(result.text).toMatchInlineSnapshot(`
      "Rescheduled: booking uid mAg88Rlsa9ceIZPJeEYvRL is replaced by the new uid qVPhvxDMnoBUa2oWVlA5hj (id 9008), status accepted.
      uid qVPhvxDMnoBUa2oWVlA5hj | accepted | 2026-11-27T13:00:00Z–13:30:00Z (Fri 2026-11-27 14:00+01:00–14:30 Europe/Berlin) | "30 min meeting between Ada Lovelace and Grace Hopper" | event_type_id 3002 | with "Grace Hopper" <grace@example.com> (08:00-05:00–08:30 America/New_York) | at "https://app.cal.com/video/qVPhvxDMnoBUa2oWVlA5hj" | rescheduled from uid mAg88Rlsa9ceIZPJeEYvRL
      Cal.com sends the reschedule emails on its own. Use booking_id qVPhvxDMnoBUa2oWVlA5hj from now on."
    `);
  });

  it("refuses a new start in the past naming the tool's fields and tools, not the client's", async () => {
    // The clock of the tests is 2026-11-25T08:00:00Z.
    const result = expectFailure(
      await runTool(
        rescheduleBooking,
        { booking_id: 'abc', new_start_time: '2026-11-24T13:00:00Z', new_end_time: '2026-11-24T13:30:00Z' },
        createTestContext(),
      ),
    );
    expect(result.error).toEqual({
      kind: 'rejected_input',
      retryable: false,
      issues: [
        {
          field: 'new_start_time',
          message: '2026-11-24T13:00:00.000Z is in the past. Pick a future time among the free slots.',
        },
      ],
      message:
        'The input was refused before sending: new_start_time: 2026-11-24T13:00:00.000Z is in the past. Pick a future time among the free slots. Fix the fields named and call reschedule_booking again.',
    });
    expect(result.text).not.toMatch(/newStart|listSlots|rescheduleEvent/);
    expect(simulator().requests).toEqual([]);
  });

  it('names booking_id, not uid, when the booking was already moved', async () => {
    const booking = simulator().state.bookings.find(
      (candidate) =>
        candidate.status === 'accepted' && candidate.eventTypeId === 3002 && candidate.start > '2026-11-25',
    );
    const uid = booking?.uid ?? '';
    const move = { new_start_time: '2026-11-27T13:00:00Z', new_end_time: '2026-11-27T13:30:00Z' };
    const moved = expectOk(await runTool(rescheduleBooking, { booking_id: uid, ...move }, createTestContext()));
    const again = expectFailure(
      await runTool(
        rescheduleBooking,
        { booking_id: uid, new_start_time: '2026-11-27T14:00:00Z', new_end_time: '2026-11-27T14:30:00Z' },
        createTestContext(),
      ),
    );
    const newUid = (moved.structured.booking as { uid: string }).uid;
    expect(again.error.issues).toEqual([
      {
        field: 'booking_id',
        message: `booking ${uid} was already rescheduled to ${newUid}. Reschedule the latest booking, ${newUid}.`,
      },
    ]);
  });

  it('refuses an end before the start without a request', async () => {
    const result = expectFailure(
      await runTool(
        rescheduleBooking,
        { booking_id: 'abc', new_start_time: '2026-11-27T13:00:00Z', new_end_time: '2026-11-27T12:00:00Z' },
        createTestContext(),
      ),
    );
    expect(result.error.issues).toEqual([
      {
        field: 'new_end_time',
        message:
          '2026-11-27T12:00:00Z is not after the start 2026-11-27T13:00:00Z. Pass an end later than the start (swap them or fix the date).',
      },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
