import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import { createCalComSimulator } from '../create-simulator';
import { SECOND_API_KEY } from '../seed';

const NOW = new Date('2026-03-25T06:00:00.000Z');
const V = { version: '2024-09-04' };

async function slots(query: string, simulator = createCalComSimulator({ now: () => NOW })) {
  return callSimulator(simulator, 'GET', `/v2/slots?${query}`, { ...V, key: null });
}

describe('GET /v2/slots', () => {
  it("lists free slots in the requested zone minus bookings (with the booked type's buffers)", async () => {
    const result = await slots('eventTypeId=3002&start=2026-03-26&end=2026-03-26&timeZone=Europe/Berlin');
    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      status: 'success',
      data: {
        '2026-03-26': [
          '09:00',
          '09:30',
          '10:30',
          '11:00',
          '11:30',
          '12:00',
          '12:30',
          '13:00',
          '15:30',
          '16:00',
          '16:30',
        ].map((time) => ({ start: `2026-03-26T${time}:00.000+01:00` })),
      },
    });
  });

  it('defaults to UTC, keys dates in the requested zone and returns ranges with format=range', async () => {
    const utc = await slots('eventTypeId=3001&start=2026-03-26T15:00:00Z&end=2026-03-26T16:00:00Z');
    expect(utc.json).toEqual({
      status: 'success',
      data: {
        '2026-03-26': [
          { start: '2026-03-26T15:00:00.000+00:00' },
          { start: '2026-03-26T15:15:00.000+00:00' },
          { start: '2026-03-26T15:30:00.000+00:00' },
          { start: '2026-03-26T15:45:00.000+00:00' },
        ],
      },
    });
    const tokyo = await slots(
      'eventTypeId=3002&start=2026-03-26T15:00:00Z&end=2026-03-26T15:30:00Z&timeZone=Asia/Tokyo&format=range',
    );
    expect(tokyo.json).toEqual({
      status: 'success',
      data: {
        '2026-03-27': [
          { start: '2026-03-27T00:00:00.000+09:00', end: '2026-03-27T00:30:00.000+09:00' },
          { start: '2026-03-27T00:30:00.000+09:00', end: '2026-03-27T01:00:00.000+09:00' },
        ],
      },
    });
  });

  it('keeps the Berlin 09:00 start across the DST switch and shows New York offsets', async () => {
    const result = await slots(
      'eventTypeId=3002&start=2026-03-27T08:00:00Z&end=2026-03-30T07:30:00Z&timeZone=America/New_York',
    );
    const data = (result.json as { data: Record<string, { start: string }[]> }).data;
    expect(data['2026-03-27']?.[0]).toEqual({ start: '2026-03-27T04:00:00.000-04:00' });
    expect(data['2026-03-30']).toEqual([
      { start: '2026-03-30T03:00:00.000-04:00' },
      { start: '2026-03-30T03:30:00.000-04:00' },
    ]);
  });

  it('applies minimum notice, duration and bookingUidToReschedule', async () => {
    let now = NOW;
    const simulator = createCalComSimulator({ now: () => now });
    now = new Date('2026-03-26T06:50:00.000Z');
    const soon = await slots('eventTypeId=3002&start=2026-03-26T08:00:00Z&end=2026-03-26T09:30:00Z', simulator);
    expect(soon.json).toEqual({
      status: 'success',
      data: { '2026-03-26': [{ start: '2026-03-26T09:30:00.000+00:00' }] },
    });
    const booked = simulator.state.bookings[0];
    const freed = await slots(
      `eventTypeId=3002&start=2026-03-26T09:00:00Z&end=2026-03-26T09:00:00Z&bookingUidToReschedule=${booked?.uid}`,
      simulator,
    );
    expect(freed.json).toEqual({
      status: 'success',
      data: { '2026-03-26': [{ start: '2026-03-26T09:00:00.000+00:00' }] },
    });
    // 60-minute slots step by 60 from 09:00 local; 14:00Z collides with the pending booking's 10-minute buffer.
    const longer = await slots(
      'eventTypeId=3002&start=2026-03-26T14:30:00Z&end=2026-03-26T15:30:00Z&duration=60',
      simulator,
    );
    expect(longer.json).toEqual({
      status: 'success',
      data: { '2026-03-26': [{ start: '2026-03-26T15:00:00.000+00:00' }] },
    });
  });

  it('finds the event type by slug and username, and answers 404 and 400 like Cal.com', async () => {
    const bySlug = await slots(
      'eventTypeSlug=intro&username=charles-babbage&start=2026-03-26T13:00:00Z&end=2026-03-26T13:30:00Z',
    );
    expect(bySlug.json).toEqual({
      status: 'success',
      data: { '2026-03-26': [{ start: '2026-03-26T13:00:00.000+00:00' }, { start: '2026-03-26T13:30:00.000+00:00' }] },
    });
    const missing = await slots('eventTypeId=999&start=2026-03-26&end=2026-03-26');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: { message: 'Event type with id 999 not found.' } });
    const missingSlug = await slots('eventTypeSlug=nope&username=charles-babbage&start=2026-03-26&end=2026-03-26');
    expect(missingSlug.json).toMatchObject({
      error: { message: 'Event type with slug nope belonging to user charles-babbage not found.' },
    });
    expect((await slots('start=2026-03-26&end=2026-03-26')).status).toBe(400);
    expect((await slots('eventTypeId=3002&start=2026-03-27&end=2026-03-26')).status).toBe(400);
    const invalid = await slots('eventTypeId=3002&end=2026-03-26&timeZone=Mars/Base');
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({
      error: {
        code: 'BadRequestException',
        message: 'Bad Request Exception',
        details: {
          errors: [
            { property: 'start', constraints: { isDefined: 'start should not be null or undefined' }, children: [] },
            {
              property: 'timeZone',
              value: 'Mars/Base',
              constraints: { isTimeZone: 'timeZone must be a valid IANA time zone, e.g. Europe/Berlin' },
              children: [],
            },
          ],
        },
      },
    });
  });

  it('reads end as inclusive: a bare end date stops at 23:59:59Z, a date-time includes a slot starting exactly then', async () => {
    const simulator = createCalComSimulator({ now: () => NOW });
    // Evening hours in New York (EDT, UTC-4): 19:00-23:00 local is 23:00-03:00 UTC, across UTC midnight.
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    await callSimulator(simulator, 'PATCH', '/v2/schedules/2002', {
      key: SECOND_API_KEY,
      version: '2024-06-11',
      body: { availability: [{ days, startTime: '19:00', endTime: '23:00' }] },
    });
    const starts = async (query: string) => {
      const result = await slots(`eventTypeId=3501&${query}`, simulator);
      return Object.values((result.json as { data: Record<string, { start: string }[]> }).data)
        .flat()
        .map((slot) => slot.start);
    };
    const bareDay = await starts('start=2026-03-26T22:00:00Z&end=2026-03-26');
    expect(bareDay.at(-1)).toBe('2026-03-26T23:30:00.000+00:00');
    expect(bareDay).not.toContain('2026-03-27T00:00:00.000+00:00');
    const toMidnight = await starts('start=2026-03-26T22:00:00Z&end=2026-03-27T00:00:00Z');
    expect(toMidnight.at(-1)).toBe('2026-03-27T00:00:00.000+00:00');
  });

  it('accepts a zone as Cal.com does, by Intl (an abbreviation too), and refuses an unknown one', async () => {
    const accepted = await slots('eventTypeId=3002&start=2026-03-26&end=2026-03-26&timeZone=CET');
    expect(accepted.status).toBe(200);
    expect(
      Object.values((accepted.json as { data: Record<string, { start: string }[]> }).data).flat()[0]?.start,
    ).toMatch(/\+01:00$/);
    const refused = await slots('eventTypeId=3002&start=2026-03-26&end=2026-03-26&timeZone=Mars/Olympus');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('timeZone must be a valid IANA time zone, e.g. Europe/Berlin');
  });

  it('returns no slots for an owner without a schedule', async () => {
    const simulator = createCalComSimulator({ now: () => NOW });
    await callSimulator(simulator, 'PATCH', '/v2/schedules/2002', {
      key: SECOND_API_KEY,
      version: '2024-06-11',
      body: { availability: [] },
    });
    const result = await slots('eventTypeId=3501&start=2026-03-26&end=2026-03-27', simulator);
    expect(result.json).toEqual({ status: 'success', data: {} });
  });
});

describe('slot reservations', () => {
  it('reserves, reads, moves and deletes a reservation', async () => {
    const simulator = createCalComSimulator({ now: () => NOW });
    const created = await callSimulator(simulator, 'POST', '/v2/slots/reservations', {
      ...V,
      body: { eventTypeId: 3002, slotStart: '2026-03-26T10:00:00Z', reservationDuration: 10, extra: 'dropped' },
    });
    expect(created.status).toBe(201);
    const data = (created.json as { data: { reservationUid: string } }).data;
    expect(created.json).toEqual({
      status: 'success',
      data: {
        eventTypeId: 3002,
        slotStart: '2026-03-26T10:00:00.000Z',
        slotEnd: '2026-03-26T10:30:00.000Z',
        slotDuration: 30,
        reservationUid: data.reservationUid,
        reservationDuration: 10,
        reservationUntil: '2026-03-25T06:10:00.000Z',
      },
    });
    const path = `/v2/slots/reservations/${data.reservationUid}`;
    expect((await callSimulator(simulator, 'GET', path, V)).json).toEqual(created.json);
    const moved = await callSimulator(simulator, 'PATCH', path, {
      ...V,
      body: { eventTypeId: 3002, slotStart: '2026-03-26T11:00:00Z', slotDuration: 60 },
    });
    expect(moved.json).toMatchObject({
      data: {
        slotStart: '2026-03-26T11:00:00.000Z',
        slotEnd: '2026-03-26T12:00:00.000Z',
        slotDuration: 60,
        reservationDuration: 10,
      },
    });
    expect((await callSimulator(simulator, 'DELETE', path, V)).json).toEqual({ status: 'success' });
    expect((await callSimulator(simulator, 'GET', path, V)).status).toBe(404);
  });

  it('refuses a slot that is not free with 422', async () => {
    const result = await callSimulator(createCalComSimulator({ now: () => NOW }), 'POST', '/v2/slots/reservations', {
      ...V,
      body: { eventTypeId: 3002, slotStart: '2026-03-26T09:00:00Z' },
    });
    expect(result.status).toBe(422);
    expect(result.json).toMatchObject({ error: { code: 'UnprocessableEntityException' } });
  });
});
