import { CalComClient } from '@calcom-int/core';
import { simulator, TEST_CLIENT_OPTIONS } from '@calcom-int/testkit/vitest';
import { createBooking, rescheduleBooking, runTool } from '@calcom-int/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { RECONCILED_NOTE, reconcileWrite } from './reconcile';

const BOOKING = {
  event_type_id: 3002,
  start_time: '2026-06-02T10:00:00Z',
  end_time: '2026-06-02T10:30:00Z',
  attendee_name: 'Grace Hopper',
  attendee_email: 'Grace@Example.com',
  attendee_timezone: 'America/New_York',
};

let client: CalComClient;

afterEach(async () => {
  await client.close();
});

describe('reconcileWrite', () => {
  it('finds the booking an earlier create_booking made, and describes it as get_booking would', async () => {
    client = new CalComClient({ ...TEST_CLIENT_OPTIONS, maxRetries: 0 });
    expect(await reconcileWrite(client, 'create_booking', BOOKING, undefined)).toBeUndefined();
    const made = await runTool(createBooking, BOOKING, { client });
    expect(made.ok).toBe(true);
    const found = await reconcileWrite(
      client,
      'create_booking',
      { ...BOOKING, attendee_email: 'grace@example.com' },
      undefined,
    );
    expect(found?.ok).toBe(true);
    expect(found?.text.startsWith(`${RECONCILED_NOTE}\n`)).toBe(true);
    expect(found?.text).toContain('2026-06-02T10:00:00Z');
  });

  it("uses the caller's own email when the input has none, and ignores malformed input", async () => {
    client = new CalComClient({ ...TEST_CLIENT_OPTIONS, maxRetries: 0 });
    const own = { ...BOOKING, attendee_email: undefined, attendee_name: undefined };
    expect(await reconcileWrite(client, 'create_booking', own, AbortSignal.timeout(10_000))).toBeUndefined();
    await runTool(createBooking, own, { client });
    expect((await reconcileWrite(client, 'create_booking', own, undefined))?.ok).toBe(true);
    expect(await reconcileWrite(client, 'create_booking', { event_type_id: 'x' }, undefined)).toBeUndefined();
    expect(await reconcileWrite(client, 'cancel_booking', { booking_id: 'abc' }, undefined)).toBeUndefined();
  });

  it('finds the new booking of an earlier reschedule_booking', async () => {
    client = new CalComClient({ ...TEST_CLIENT_OPTIONS, maxRetries: 0 });
    expect((await runTool(createBooking, BOOKING, { client })).ok).toBe(true);
    const input = {
      booking_id: simulator().state.bookings.at(-1)?.uid,
      new_start_time: '2026-06-02T11:00:00Z',
      new_end_time: '2026-06-02T11:30:00Z',
    };
    expect(await reconcileWrite(client, 'reschedule_booking', input, undefined)).toBeUndefined();
    const moved = await runTool(rescheduleBooking, input, { client });
    expect(moved.ok).toBe(true);
    const found = await reconcileWrite(client, 'reschedule_booking', input, undefined);
    expect(found?.text).toContain('2026-06-02T11:00:00Z');
  });
});
