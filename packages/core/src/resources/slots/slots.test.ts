import { describe, expect, it } from 'vitest';
import { clientAtFixedTime } from '../../../test/support/fixed-clock';
import { sentRequests } from '../../../test/support/test-client';
import { CalComValidationError } from '../../errors/validation-error';

describe('slots.list', () => {
  it('asks for range slots in the given zone and returns UTC slots', async () => {
    const client = clientAtFixedTime();
    const slots = await client.slots.list({
      eventTypeId: 3002,
      start: '2026-06-02T00:00:00+02:00',
      end: new Date('2026-06-02T22:00:00Z'),
      timeZone: 'Europe/Berlin',
    });
    // Tuesday 09:00–17:00 Berlin, minus the 10:00 booking and the pending 14:00 consultation with its 10 min buffers.
    const starts = ['07:00', '07:30', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '13:30', '14:00', '14:30'];
    expect(slots).toEqual(
      starts.map((time) => ({
        start: `2026-06-02T${time}:00.000Z`,
        end: new Date(Date.parse(`2026-06-02T${time}:00.000Z`) + 30 * 60_000).toISOString(),
      })),
    );
    expect(sentRequests()).toEqual([
      {
        method: 'GET',
        path: '/v2/slots',
        query: {
          eventTypeId: '3002',
          start: '2026-06-01T22:00:00.000Z',
          end: '2026-06-02T22:00:00.000Z',
          timeZone: 'Europe/Berlin',
          format: 'range',
        },
        version: '2024-09-04',
        body: undefined,
      },
    ]);
  });

  it('defaults the zone to UTC and passes duration and the booking being rescheduled', async () => {
    const client = clientAtFixedTime();
    await client.slots.list({
      eventTypeId: 3002,
      start: '2026-06-02T00:00:00Z',
      end: '2026-06-03T00:00:00Z',
      duration: 30,
      bookingUidToReschedule: 'abc',
    });
    expect(sentRequests()[0]?.query).toEqual({
      eventTypeId: '3002',
      start: '2026-06-02T00:00:00.000Z',
      end: '2026-06-03T00:00:00.000Z',
      timeZone: 'UTC',
      format: 'range',
      duration: '30',
      bookingUidToReschedule: 'abc',
    });
  });

  it.each([
    [{ eventTypeId: 0, start: '2026-06-02T00:00:00Z', end: '2026-06-03T00:00:00Z' }, 'eventTypeId'],
    [{ eventTypeId: 1, start: '2026-06-02', end: '2026-06-03T00:00:00Z' }, 'start'],
    [{ eventTypeId: 1, start: 1_780_000_000_000, end: '2026-06-03T00:00:00Z' }, 'start'],
    [{ eventTypeId: 1, start: '2026-06-02T00:00:00Z', end: '2026-06-02T09:00:00' }, 'end'],
    [{ eventTypeId: 1, start: '2026-06-03T00:00:00Z', end: '2026-06-02T00:00:00Z' }, 'end'],
    [{ eventTypeId: 1, start: '2026-06-02T00:00:00Z', end: '2026-06-03T00:00:00Z', timeZone: 'CET+1' }, 'timeZone'],
    [{ eventTypeId: 1, start: '2026-06-02T00:00:00Z', end: '2026-06-03T00:00:00Z', duration: 0 }, 'duration'],
    [
      { eventTypeId: 1, start: '2026-06-02T00:00:00Z', end: '2026-06-03T00:00:00Z', bookingUidToReschedule: '' },
      'bookingUidToReschedule',
    ],
  ])('refuses bad input %j without sending', async (input, path) => {
    const client = clientAtFixedTime();
    const error = await client.slots.list(input as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect(sentRequests()).toEqual([]);
  });
});
