import { describe, expect, it } from 'vitest';
import type { BookingOutput } from '../../src/index';
import { createContractHarness, dataOf } from './simulator-harness';

// docs/CALCOM-API.md §3.3: the bookings controller 2026-02-25 serves the 2024-08-13 paths with the same shapes.
describe('simulator bookings with cal-api-version 2026-02-25 against the contract', () => {
  const harness = createContractHarness();
  const version = '2026-02-25';
  let uid = '';

  it('POST /v2/bookings creates a booking', async () => {
    const booking = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/bookings',
          version,
          key: null,
          body: {
            start: '2030-09-04T11:00:00.000Z',
            eventTypeId: 3002,
            attendee: { name: 'Mary Somerville', email: 'mary@example.com', timeZone: 'Europe/London' },
          },
        },
        201,
      ),
    );
    expect(booking).toMatchObject({ status: 'accepted', start: '2030-09-04T11:00:00.000Z' });
    uid = booking.uid;
  });

  it('GET /v2/bookings and GET /v2/bookings/{uid} answer in the same shapes', async () => {
    const list = dataOf<BookingOutput[]>(
      await harness.expectValid(
        { method: 'GET', path: '/v2/bookings?take=5&afterStart=2030-09-04T00:00:00.000Z', version },
        200,
      ),
    );
    expect(list.some((booking) => booking.uid === uid)).toBe(true);
    const one = dataOf<BookingOutput>(
      await harness.expectValid({ method: 'GET', path: `/v2/bookings/${uid}`, version }, 200),
    );
    expect(one.uid).toBe(uid);
  });

  it('POST /v2/bookings/{uid}/cancel cancels it', async () => {
    const cancelled = dataOf<BookingOutput>(
      await harness.expectValid({ method: 'POST', path: `/v2/bookings/${uid}/cancel`, version, body: {} }, 200),
    );
    expect(cancelled.status).toBe('cancelled');
  });

  it('is refused on another resource: /v2/slots needs 2024-09-04', async () => {
    const exchange = await harness.send({
      method: 'GET',
      path: '/v2/slots?eventTypeId=3002&start=2030-09-04&end=2030-09-04',
      version,
    });
    expect(exchange.status).toBe(404);
    expect(exchange.request.errors).toEqual([
      'header cal-api-version is "2026-02-25" but SlotsController_2024_09_04_getAvailableSlots needs "2024-09-04" (another value routes the call to a different controller version, docs/CALCOM-API.md §3.1)',
    ]);
  });
});
