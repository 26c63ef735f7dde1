import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { confirmBooking } from './confirm-booking';

describe('confirm_booking', () => {
  beforeEach(() => useFixedSimulator());

  it('confirms a pending booking', async () => {
    const pending = simulator().state.bookings.find((booking) => booking.status === 'pending');
    const uid = pending?.uid ?? '';
    const result = expectOk(await runTool(confirmBooking, { booking_id: uid }, createTestContext()));
    expect(simulator().requests.map(({ method, path, body }) => ({ method, path, body }))).toContainEqual({
      method: 'POST',
      path: `/v2/bookings/${uid}/confirm`,
      body: undefined,
    });
    expect(result.structured).toMatchObject({ booking: { uid, status: 'accepted' } });
    expect(result.text).toMatchInlineSnapshot(`
      "Confirmed booking uid CakxSMohvLscv9OuJUZPJt, status accepted.
      uid CakxSMohvLscv9OuJUZPJt | accepted | 2026-11-26T13:00:00Z–14:00:00Z (Thu 2026-11-26 14:00+01:00–15:00 Europe/Berlin) | "Consultation between Ada Lovelace and Alan Turing" | event_type_id 3003 | with "Alan Turing" <alan@example.com> (13:00+00:00–14:00 Europe/London) | at "https://app.cal.com/video/CakxSMohvLscv9OuJUZPJt""
    `);
  });

  it('requires booking_id without a request', async () => {
    const result = expectFailure(await runTool(confirmBooking, {}, createTestContext()));
    expect(result.error.issues).toEqual([
      { field: 'booking_id', message: 'is required: The uid of the pending booking.' },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
