import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { cancelBooking } from './cancel-booking';

describe('cancel_booking', () => {
  beforeEach(() => useFixedSimulator());

  it('cancels a booking with a reason and reports the email flag honestly', async () => {
    const booking = simulator().state.bookings.find(
      (candidate) => candidate.status === 'accepted' && candidate.start > '2026-11-25',
    );
    const uid = booking?.uid ?? '';
    const result = expectOk(
      await runTool(
        cancelBooking,
        { booking_id: uid, cancellation_reason: 'Host is ill', send_notification: false },
        createTestContext(),
      ),
    );
    const post = simulator().requests.find((request) => request.path === `/v2/bookings/${uid}/cancel`);
    expect(post).toMatchObject({ method: 'POST', body: { cancellationReason: 'Host is ill' } });
    expect(result.structured).toMatchObject({
      uid,
      status: 'cancelled',
      reason: 'Host is ill',
      alreadyCancelled: false,
      sendNotification: { requested: false, honoured: false },
    });
    expect(result.text).toMatchInlineSnapshot(`
      "Cancelled booking uid mAg88Rlsa9ceIZPJeEYvRL (reason: Host is ill).
      uid mAg88Rlsa9ceIZPJeEYvRL | cancelled | 2026-11-26T09:00:00Z–09:30:00Z (Thu 2026-11-26 10:00+01:00–10:30 Europe/Berlin) | "30 min meeting between Ada Lovelace and Grace Hopper" | event_type_id 3002 | with "Grace Hopper" <grace@example.com> (04:00-05:00–04:30 America/New_York) | at "https://app.cal.com/video/mAg88Rlsa9ceIZPJeEYvRL" | cancelled: "Host is ill"
      You asked not to send the cancellation emails, but Cal.com sends the cancellation emails on its own; its API has no switch to turn that off."
    `);
  });

  it('says when the booking was already cancelled', async () => {
    const booking = simulator().state.bookings.find((candidate) => candidate.status === 'cancelled');
    const result = expectOk(await runTool(cancelBooking, { booking_id: booking?.uid ?? '' }, createTestContext()));
    expect(result.text).toContain('was already cancelled; nothing changed and no emails were sent.');
  });

  it('refuses an empty reason without a request', async () => {
    const result = expectFailure(
      await runTool(cancelBooking, { booking_id: 'abc', cancellation_reason: '' }, createTestContext()),
    );
    expect(result.error.issues).toEqual([
      {
        field: 'cancellation_reason',
        message: 'is empty or blank (only spaces). Pass some text, or leave the field out where it is optional.',
      },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
