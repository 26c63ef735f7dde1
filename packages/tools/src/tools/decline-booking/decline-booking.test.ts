import { MAX_NOTE_LENGTH } from '@calcom-int/core/schemas';
import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { declineBooking } from './decline-booking';

describe('decline_booking', () => {
  beforeEach(() => useFixedSimulator());

  it('declines a pending booking with a reason', async () => {
    const pending = simulator().state.bookings.find((booking) => booking.status === 'pending');
    const uid = pending?.uid ?? '';
    const result = expectOk(
      await runTool(declineBooking, { booking_id: uid, reason: 'Fully booked that day' }, createTestContext()),
    );
    expect(simulator().requests.map(({ method, path, body }) => ({ method, path, body }))).toContainEqual({
      method: 'POST',
      path: `/v2/bookings/${uid}/decline`,
      body: { reason: 'Fully booked that day' },
    });
    expect(result.structured).toMatchObject({ booking: { uid, status: 'rejected' } });
    expect(result.text).toMatchInlineSnapshot(`
      "Declined booking uid CakxSMohvLscv9OuJUZPJt, status rejected.
      uid CakxSMohvLscv9OuJUZPJt | rejected | 2026-11-26T13:00:00Z–14:00:00Z (Thu 2026-11-26 14:00+01:00–15:00 Europe/Berlin) | "Consultation between Ada Lovelace and Alan Turing" | event_type_id 3003 | with "Alan Turing" <alan@example.com> (13:00+00:00–14:00 Europe/London) | at "https://app.cal.com/video/CakxSMohvLscv9OuJUZPJt" | declined: "Fully booked that day""
    `);
  });

  it('refuses a reason that is too long without a request', async () => {
    const result = expectFailure(
      await runTool(
        declineBooking,
        { booking_id: 'abc', reason: 'x'.repeat(MAX_NOTE_LENGTH + 1) },
        createTestContext(),
      ),
    );
    expect(result.error.issues).toEqual([
      { field: 'reason', message: 'is 5001 characters long. Shorten it to at most 5000 characters.' },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
