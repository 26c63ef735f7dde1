import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import type { BookingOutput } from '../../dto/booking';
import {
  FOREIGN_SEAT_MESSAGE,
  occurrenceStarts,
  RECURRENCE_COUNT_TOO_HIGH_MESSAGE,
  SEATS_FULL_MESSAGE,
  UNKNOWN_SEAT_MESSAGE,
} from '../booking-series';
import { createCalComSimulator } from '../create-simulator';
import { keepSeatedStarts } from '../seat-availability';
import { SECOND_API_KEY } from '../seed';

const NOW = new Date('2026-03-25T06:00:00.000Z');
const attendee = { name: 'Lin Wei', email: 'lin@example.com', timeZone: 'Asia/Taipei' };

interface Occurrence {
  uid: string;
  start: string;
  status: string;
  recurringBookingUid: string;
  cancellationReason?: string;
}

interface Seated {
  uid: string;
  seatUid?: string;
  status: string;
  attendees: { email: string; seatUid: string }[];
}

function setup(version = '2024-08-13') {
  const simulator = createCalComSimulator({ now: () => NOW });
  const call = (method: string, path: string, body?: unknown, key?: string | null) =>
    callSimulator(simulator, method, path, {
      version,
      ...(body === undefined ? {} : { body }),
      ...(key === undefined ? {} : { key }),
    });
  const book = (body: Record<string, unknown>, key?: string | null) =>
    call('POST', '/v2/bookings', { attendee, ...body }, key);
  return { simulator, call, book };
}

const dataOf = <T>(json: unknown) => (json as { data: T }).data;
const messageOf = (json: unknown) => (json as { error: { message: string } }).error.message;

describe('recurring bookings', () => {
  it('creates every occurrence a week apart with a shared recurringBookingUid', async () => {
    const { book } = setup();
    const result = await book({ eventTypeId: 3005, start: '2026-04-01T10:00:00Z' });
    expect(result.status).toBe(201);
    const occurrences = dataOf<Occurrence[]>(result.json);
    expect(occurrences.map((occurrence) => occurrence.start)).toEqual([
      '2026-04-01T10:00:00.000Z',
      '2026-04-08T10:00:00.000Z',
      '2026-04-15T10:00:00.000Z',
      '2026-04-22T10:00:00.000Z',
    ]);
    const series = occurrences[0]?.recurringBookingUid;
    expect(new Set(occurrences.map((occurrence) => occurrence.recurringBookingUid))).toEqual(new Set([series]));
    expect(new Set(occurrences.map((occurrence) => occurrence.uid)).size).toBe(4);
  });

  it('honours recurrenceCount and refuses it above the maximum or for a non-recurring event type', async () => {
    const { book } = setup();
    const two = await book({ eventTypeId: 3005, start: '2026-04-01T10:00:00Z', recurrenceCount: 2 });
    expect(dataOf<Occurrence[]>(two.json)).toHaveLength(2);
    const tooMany = await book({ eventTypeId: 3005, start: '2026-05-06T10:00:00Z', recurrenceCount: 5 });
    expect([tooMany.status, messageOf(tooMany.json)]).toEqual([400, RECURRENCE_COUNT_TOO_HIGH_MESSAGE]);
    const plain = await book({ eventTypeId: 3002, start: '2026-05-06T10:00:00Z', recurrenceCount: 2 });
    expect([plain.status, messageOf(plain.json)]).toEqual([
      400,
      'recurrenceCount can only be sent for a recurring event type; event type with id=3002 is not recurring. Remove recurrenceCount.',
    ]);
    const zero = await book({ eventTypeId: 3005, start: '2026-05-06T10:00:00Z', recurrenceCount: 0 });
    expect(zero.status).toBe(400);
  });

  it('refuses a series when a later occurrence is taken', async () => {
    const { book } = setup();
    expect((await book({ eventTypeId: 3002, start: '2026-04-15T10:00:00Z' })).status).toBe(201);
    const result = await book({ eventTypeId: 3005, start: '2026-04-01T10:00:00Z' });
    expect([result.status, messageOf(result.json)]).toEqual([
      400,
      'User either already has booking at this time or is not available: occurrence at 2026-04-15T10:00:00.000Z of the recurring booking is not free.',
    ]);
  });

  it('GET by the series uid lists the occurrences; status=recurring lists them too', async () => {
    const { book, call } = setup();
    const occurrences = dataOf<Occurrence[]>((await book({ eventTypeId: 3005, start: '2026-04-01T10:00:00Z' })).json);
    const series = occurrences[0]?.recurringBookingUid ?? '';
    const got = await call('GET', `/v2/bookings/${series}`);
    expect(dataOf<Occurrence[]>(got.json).map((occurrence) => occurrence.uid)).toEqual(
      occurrences.map((occurrence) => occurrence.uid),
    );
    const one = dataOf<Occurrence>((await call('GET', `/v2/bookings/${occurrences[1]?.uid}`)).json);
    expect(one.recurringBookingUid).toBe(series);
    const listed = dataOf<Occurrence[]>((await call('GET', '/v2/bookings?status=recurring')).json);
    expect(listed.map((occurrence) => occurrence.uid)).toEqual(occurrences.map((occurrence) => occurrence.uid));
    expect((await call('GET', `/v2/bookings/${series}`, undefined, SECOND_API_KEY)).status).toBe(404);
  });

  it('cancels one occurrence and the later ones with cancelSubsequentBookings, answering the series', async () => {
    const { book, call } = setup();
    const occurrences = dataOf<Occurrence[]>((await book({ eventTypeId: 3005, start: '2026-04-01T10:00:00Z' })).json);
    const result = await call('POST', `/v2/bookings/${occurrences[2]?.uid}/cancel`, {
      cancelSubsequentBookings: true,
      cancellationReason: 'Course ends early',
    });
    expect(result.status).toBe(200);
    expect(dataOf<Occurrence[]>(result.json).map((occurrence) => occurrence.status)).toEqual([
      'accepted',
      'accepted',
      'cancelled',
      'cancelled',
    ]);
  });

  it('cancels one occurrence alone, and the whole series by its uid', async () => {
    const { book, call } = setup();
    const occurrences = dataOf<Occurrence[]>((await book({ eventTypeId: 3005, start: '2026-04-01T10:00:00Z' })).json);
    const one = await call('POST', `/v2/bookings/${occurrences[1]?.uid}/cancel`, {});
    expect(dataOf<Occurrence>(one.json)).toMatchObject({ uid: occurrences[1]?.uid, status: 'cancelled' });
    const series = occurrences[0]?.recurringBookingUid ?? '';
    const all = await call('POST', `/v2/bookings/${series}/cancel`, { cancellationReason: 'Moved away' });
    expect(
      dataOf<Occurrence[]>(all.json).map((occurrence) => [occurrence.status, occurrence.cancellationReason]),
    ).toEqual([
      ['cancelled', 'Moved away'],
      ['cancelled', undefined],
      ['cancelled', 'Moved away'],
      ['cancelled', 'Moved away'],
    ]);
  });

  it('cancels a plain booking sent cancelSubsequentBookings, then answers 400 like Cal.com', async () => {
    const { book, call } = setup();
    const booking = dataOf<{ uid: string }>((await book({ eventTypeId: 3002, start: '2026-04-01T10:00:00Z' })).json);
    const result = await call('POST', `/v2/bookings/${booking.uid}/cancel`, { cancelSubsequentBookings: true });
    expect([result.status, messageOf(result.json)]).toEqual([
      400,
      `Booking with bookingUid=${booking.uid} is not part of a recurring booking.`,
    ]);
    expect(dataOf<{ status: string }>((await call('GET', `/v2/bookings/${booking.uid}`)).json).status).toBe(
      'cancelled',
    );
  });

  it('spaces monthly occurrences by the interval in the attendee zone', () => {
    // 23:30 in Taipei on 31 January: the later months keep the wall time, Date.UTC rolls 31 March into April.
    const starts = occurrenceStarts(
      { frequency: 'monthly', interval: 2, occurrences: 2 },
      Date.parse('2026-01-31T15:30:00Z'),
      'Asia/Taipei',
      2,
    );
    expect(starts.map((start) => new Date(start).toISOString())).toEqual([
      '2026-01-31T15:30:00.000Z',
      '2026-03-31T15:30:00.000Z',
    ]);
  });

  it('spaces yearly occurrences by the interval', () => {
    const starts = occurrenceStarts(
      { frequency: 'yearly', interval: 1, occurrences: 2 },
      Date.parse('2026-04-01T10:00:00Z'),
      'Asia/Taipei',
      2,
    );
    expect(starts.map((start) => new Date(start).toISOString())).toEqual([
      '2026-04-01T10:00:00.000Z',
      '2027-04-01T10:00:00.000Z',
    ]);
  });
});

describe('seated bookings', () => {
  it('fills the seats of one slot, each booker with a seat, then answers 409', async () => {
    const { book, simulator } = setup();
    const first = await book({ eventTypeId: 3006, start: '2026-04-01T10:00:00Z' });
    expect(first.status).toBe(201);
    const seated = dataOf<Seated>(first.json);
    expect(seated.seatUid).toMatch(/^[A-Za-z0-9]+$/);
    // Anonymous: the event type hides attendees, so only the booker's own seat is shown.
    expect(seated.attendees).toEqual([expect.objectContaining({ email: 'lin@example.com', seatUid: seated.seatUid })]);
    const second = dataOf<Seated>(
      (
        await book({
          eventTypeId: 3006,
          start: '2026-04-01T10:00:00Z',
          attendee: { ...attendee, email: 'bo@example.com' },
        })
      ).json,
    );
    expect(second.uid).toBe(seated.uid);
    await book({
      eventTypeId: 3006,
      start: '2026-04-01T10:00:00Z',
      attendee: { ...attendee, email: 'cy@example.com' },
    });
    const full = await book({ eventTypeId: 3006, start: '2026-04-01T10:00:00Z' });
    expect([full.status, messageOf(full.json)]).toEqual([409, SEATS_FULL_MESSAGE]);
    expect(simulator.state.bookings.filter((booking) => booking.eventTypeId === 3006)).toHaveLength(1);
  });

  it('keeps the slot offered while seats remain and blocks it for other event types', async () => {
    const { simulator, book } = setup();
    const startsOn = async (eventTypeId: number) => {
      const result = await callSimulator(
        simulator,
        'GET',
        `/v2/slots?eventTypeId=${eventTypeId}&start=2026-04-01&end=2026-04-01`,
        { version: '2024-09-04' },
      );
      return (dataOf<Record<string, { start: string }[]>>(result.json)['2026-04-01'] ?? []).map((slot) => slot.start);
    };
    const seated = dataOf<Seated>((await book({ eventTypeId: 3006, start: '2026-04-01T10:00:00Z' })).json);
    expect(await startsOn(3006)).toContain('2026-04-01T10:00:00.000+00:00');
    const raw = await callSimulator(simulator, 'GET', '/v2/slots?eventTypeId=3006&start=2026-04-01&end=2026-04-01', {
      version: '2024-09-04',
    });
    const day = dataOf<Record<string, Record<string, unknown>[]>>(raw.json)['2026-04-01'] ?? [];
    expect(day.find((slot) => slot.start === '2026-04-01T10:00:00.000+00:00')).toEqual({
      start: '2026-04-01T10:00:00.000+00:00',
      attendeesCount: 1,
      bookingUid: seated.uid,
    });
    expect(day.find((slot) => slot.start === '2026-04-01T11:00:00.000+00:00')).toEqual({
      start: '2026-04-01T11:00:00.000+00:00',
    });
    expect(await startsOn(3002)).not.toContain('2026-04-01T10:30:00.000+00:00');
    for (const email of ['bo@example.com', 'cy@example.com']) {
      await book({ eventTypeId: 3006, start: '2026-04-01T10:00:00Z', attendee: { ...attendee, email } });
    }
    expect(await startsOn(3006)).not.toContain('2026-04-01T10:00:00.000+00:00');
  });

  it('offers only the own start of a seated booking with free seats among overlapping starts', () => {
    const booking = { start: '2026-04-01T10:00:00.000Z', end: '2026-04-01T11:00:00.000Z' } as BookingOutput;
    const at = (time: string) => Date.parse(`2026-04-01T${time}:00Z`);
    const starts = ['09:00', '09:30', '10:00', '10:30', '11:00'].map(at);
    expect(keepSeatedStarts(starts, [booking], 60)).toEqual(['09:00', '10:00', '11:00'].map(at));
    expect(keepSeatedStarts(starts, [], 60)).toEqual(starts);
  });

  it('GET by-seat answers the booking; the host sees every seat', async () => {
    const { book, call } = setup();
    const seated = dataOf<Seated>((await book({ eventTypeId: 3006, start: '2026-04-01T10:00:00Z' }, null)).json);
    await book({
      eventTypeId: 3006,
      start: '2026-04-01T10:00:00Z',
      attendee: { ...attendee, email: 'bo@example.com' },
    });
    const anonymous = await call('GET', `/v2/bookings/by-seat/${seated.seatUid}`, undefined, null);
    expect(dataOf<Seated>(anonymous.json).attendees.map((seat) => seat.email)).toEqual(['lin@example.com']);
    const host = await call('GET', `/v2/bookings/by-seat/${seated.seatUid}`);
    expect(dataOf<Seated>(host.json)).toMatchObject({ uid: seated.uid });
    expect(dataOf<Seated>(host.json).attendees.map((seat) => seat.email)).toEqual([
      'lin@example.com',
      'bo@example.com',
    ]);
    const missing = await call('GET', '/v2/bookings/by-seat/nope');
    expect([missing.status, messageOf(missing.json)]).toEqual([
      404,
      'Booking with seatUid=nope was not found in the database',
    ]);
  });

  it('cancels one seat; unknown and foreign seats are refused; the last seat cancels the booking', async () => {
    const { book, call } = setup();
    const first = dataOf<Seated>((await book({ eventTypeId: 3006, start: '2026-04-01T10:00:00Z' })).json);
    const second = dataOf<Seated>(
      (
        await book({
          eventTypeId: 3006,
          start: '2026-04-01T10:00:00Z',
          attendee: { ...attendee, email: 'bo@example.com' },
        })
      ).json,
    );
    const other = dataOf<Seated>((await book({ eventTypeId: 3006, start: '2026-04-02T10:00:00Z' })).json);
    const foreign = await call('POST', `/v2/bookings/${first.uid}/cancel`, { seatUid: other.seatUid });
    expect([foreign.status, messageOf(foreign.json)]).toEqual([400, FOREIGN_SEAT_MESSAGE]);
    const cancelled = await call('POST', `/v2/bookings/${first.uid}/cancel`, { seatUid: first.seatUid });
    expect(dataOf<Seated>(cancelled.json)).toMatchObject({ status: 'accepted' });
    expect(dataOf<Seated>(cancelled.json).attendees.map((seat) => seat.email)).toEqual(['bo@example.com']);
    const again = await call('POST', `/v2/bookings/${first.uid}/cancel`, { seatUid: first.seatUid });
    expect([again.status, messageOf(again.json)]).toEqual([400, UNKNOWN_SEAT_MESSAGE]);
    const last = await call('POST', `/v2/bookings/${first.uid}/cancel`, { seatUid: second.seatUid });
    expect(dataOf<Seated>(last.json)).toMatchObject({ status: 'cancelled', attendees: [] });
  });

  it('refuses rescheduling one seat, naming seatUid', async () => {
    const { book, call } = setup();
    const seated = dataOf<Seated>((await book({ eventTypeId: 3006, start: '2026-04-01T10:00:00Z' })).json);
    const result = await call('POST', `/v2/bookings/${seated.uid}/reschedule`, {
      start: '2026-04-02T10:00:00Z',
      seatUid: seated.seatUid,
    });
    expect([result.status, messageOf(result.json)]).toEqual([
      400,
      'seatUid: rescheduling one seat of a seated booking is not modelled by the simulator (docs/CALCOM-API.md §7.5.1).',
    ]);
  });

  it('a host cancel lists no attendees in 2024-08-13 and keeps them in 2026-02-25', async () => {
    for (const [version, count] of [
      ['2024-08-13', 0],
      ['2026-02-25', 1],
    ] as const) {
      const { book, call } = setup(version);
      const seated = dataOf<Seated>((await book({ eventTypeId: 3006, start: '2026-04-01T10:00:00Z' })).json);
      const result = await call('POST', `/v2/bookings/${seated.uid}/cancel`, { cancellationReason: 'Room closed' });
      expect(dataOf<Seated>(result.json)).toMatchObject({ status: 'cancelled' });
      expect(dataOf<Seated>(result.json).attendees).toHaveLength(count);
    }
  });
});
