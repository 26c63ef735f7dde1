import { simulator } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { clientAtFixedTime } from '../../../test/support/fixed-clock';
import { sentRequests } from '../../../test/support/test-client';
import { CalComValidationError } from '../../errors/validation-error';

// TEST_NOW is Monday 2026-06-01; Ada (Berlin, UTC+2) works 07:00–15:00Z on weekdays. Event type 3005 repeats weekly
// (at most 4 occurrences), 3006 has 3 seats per slot.
const ATTENDEE = { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' };
const V = '2024-08-13';

function issueOf(error: unknown): { path: string; message: string } | undefined {
  expect(error).toBeInstanceOf(CalComValidationError);
  return (error as CalComValidationError).issues[0];
}

const calls = () => sentRequests().map((request) => `${request.method} ${request.path}`);
const stateOf = (uid: string) => simulator().state.bookings.find((booking) => booking.uid === uid);

describe('recurring bookings', () => {
  it('creates every occurrence with recurrenceCount and returns them in the result', async () => {
    const client = clientAtFixedTime();
    const result = await client.bookings.create({
      eventTypeId: 3005,
      start: '2026-06-10T09:00:00Z',
      attendee: ATTENDEE,
      recurrenceCount: 3,
    });
    expect(result.occurrences?.map((occurrence) => occurrence.start)).toEqual([
      '2026-06-10T09:00:00.000Z',
      '2026-06-17T09:00:00.000Z',
      '2026-06-24T09:00:00.000Z',
    ]);
    expect(result.booking).toBe(result.occurrences?.[0]);
    const series = result.booking.recurringBookingUid;
    expect(series).toMatch(/^[A-Za-z0-9]+$/);
    expect(result.occurrences?.every((occurrence) => occurrence.recurringBookingUid === series)).toBe(true);
    expect(sentRequests().at(-1)?.body).toEqual({
      start: '2026-06-10T09:00:00.000Z',
      eventTypeId: 3005,
      attendee: ATTENDEE,
      recurrenceCount: 3,
    });
  });

  it.each([
    [{ eventTypeId: 3002, recurrenceCount: 2 }, 'event type 3002 ("30 min meeting") does not repeat'],
    [{ eventTypeId: 3005, recurrenceCount: 5 }, '5 is not a whole number from 1 to 4'],
    [{ eventTypeId: 3005, recurrenceCount: 1.5 }, '1.5 is not a whole number from 1 to 4'],
  ])('refuses a bad recurrenceCount before sending (%o)', async (input, problem) => {
    const client = clientAtFixedTime();
    const error = await client.bookings
      .create({ start: '2026-06-10T09:00:00Z', attendee: ATTENDEE, ...input })
      .catch((caught: unknown) => caught);
    const issue = issueOf(error);
    expect(issue?.path).toBe('recurrenceCount');
    expect(issue?.message).toContain(problem);
    expect(sentRequests().filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('reads back every occurrence after a lost answer, and books them once', async () => {
    const client = clientAtFixedTime();
    simulator().faults.add({
      method: 'POST',
      path: '/v2/bookings',
      times: 1,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = await client.bookings.create({
      eventTypeId: 3005,
      start: '2026-06-10T09:00:00Z',
      attendee: ATTENDEE,
    });
    expect(result.verifiedByReadBack).toBe(true);
    expect(result.occurrences).toHaveLength(4);
    expect(result.booking.uid).toBe(result.occurrences?.[0]?.uid);
    expect(simulator().state.bookings.filter((booking) => booking.eventTypeId === 3005)).toHaveLength(4);
    expect(sentRequests().filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('lists the occurrences by the series uid or by one occurrence, and refuses a plain booking', async () => {
    const client = clientAtFixedTime();
    const { occurrences = [] } = await client.bookings.create({
      eventTypeId: 3005,
      start: '2026-06-10T09:00:00Z',
      attendee: ATTENDEE,
      recurrenceCount: 2,
    });
    const uids = occurrences.map((occurrence) => occurrence.uid);
    const series = occurrences[0]?.recurringBookingUid ?? '';
    expect((await client.bookings.listOccurrences(series)).map((occurrence) => occurrence.uid)).toEqual(uids);
    expect((await client.bookings.listOccurrences(uids[1] ?? '')).map((occurrence) => occurrence.uid)).toEqual(uids);
    const plain = await client.bookings.create({
      eventTypeId: 3002,
      start: '2026-06-10T11:00:00Z',
      attendee: ATTENDEE,
    });
    const error = await client.bookings.listOccurrences(plain.booking.uid).catch((caught: unknown) => caught);
    expect(issueOf(error)).toEqual({
      path: 'uid',
      message: `booking ${plain.booking.uid} is not an occurrence of a recurring booking. Use cal.bookings.get for a single booking.`,
    });
    const got = await client.bookings.get(series).catch((caught: unknown) => caught);
    expect(issueOf(got)?.message).toBe(
      `${series} is the uid of a recurring booking's series (2 occurrences), not of one booking. Read them with cal.bookings.listOccurrences, or pass the uid of one occurrence.`,
    );
  });

  it('cancels an occurrence and the later ones with cancelSubsequent', async () => {
    const client = clientAtFixedTime();
    const { occurrences = [] } = await client.bookings.create({
      eventTypeId: 3005,
      start: '2026-06-10T09:00:00Z',
      attendee: ATTENDEE,
    });
    const second = occurrences[1]?.uid ?? '';
    const result = await client.bookings.cancel(second, { reason: 'Course ends', cancelSubsequent: true });
    expect(result).toMatchObject({ uid: second, status: 'cancelled', reason: 'Course ends', alreadyCancelled: false });
    expect(result.occurrences?.map((occurrence) => occurrence.status)).toEqual([
      'accepted',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(sentRequests().at(-1)).toEqual({
      method: 'POST',
      path: `/v2/bookings/${second}/cancel`,
      query: {},
      version: V,
      body: { cancellationReason: 'Course ends', cancelSubsequentBookings: true },
    });
    const again = await client.bookings.cancel(second, { cancelSubsequent: true });
    expect(again.alreadyCancelled).toBe(true);
  });

  it('cancels every occurrence by the series uid', async () => {
    const client = clientAtFixedTime();
    const { booking } = await client.bookings.create({
      eventTypeId: 3005,
      start: '2026-06-10T09:00:00Z',
      attendee: ATTENDEE,
    });
    const series = booking.recurringBookingUid ?? '';
    const result = await client.bookings.cancel(series);
    expect(result.uid).toBe(series);
    expect(result.occurrences?.map((occurrence) => occurrence.status)).toEqual(Array(4).fill('cancelled'));
  });

  it('reads the series back after a lost cancel answer', async () => {
    const client = clientAtFixedTime();
    const { occurrences = [] } = await client.bookings.create({
      eventTypeId: 3005,
      start: '2026-06-10T09:00:00Z',
      attendee: ATTENDEE,
    });
    const third = occurrences[2]?.uid ?? '';
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${third}/cancel`,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = await client.bookings.cancel(third, { cancelSubsequent: true });
    expect(result.verifiedByReadBack).toBe(true);
    expect(result.occurrences?.map((occurrence) => occurrence.status)).toEqual([
      'accepted',
      'accepted',
      'cancelled',
      'cancelled',
    ]);
    expect(calls().filter((call) => call.startsWith('POST'))).toHaveLength(2);
  });

  it('refuses cancelSubsequent for a booking that does not repeat, before sending', async () => {
    const client = clientAtFixedTime();
    const plain = await client.bookings.create({
      eventTypeId: 3002,
      start: '2026-06-10T11:00:00Z',
      attendee: ATTENDEE,
    });
    const error = await client.bookings
      .cancel(plain.booking.uid, { cancelSubsequent: true })
      .catch((caught: unknown) => caught);
    expect(issueOf(error)?.path).toBe('cancelSubsequent');
    expect(stateOf(plain.booking.uid)?.status).toBe('accepted');
    const bad = await client.bookings
      .cancel(plain.booking.uid, { cancelSubsequent: 'yes' as unknown as boolean })
      .catch((caught: unknown) => caught);
    expect(issueOf(bad)).toEqual({
      path: 'cancelSubsequent',
      message: 'expected true or false, got "yes". Pass true or leave it out.',
    });
  });
});

describe('seated bookings', () => {
  it('gives each booker a seat of the same booking and finds it by seat', async () => {
    const client = clientAtFixedTime();
    const first = await client.bookings.create({
      eventTypeId: 3006,
      start: '2026-06-11T09:00:00Z',
      attendee: ATTENDEE,
    });
    const second = await client.bookings.create({
      eventTypeId: 3006,
      start: '2026-06-11T09:00:00Z',
      attendee: { ...ATTENDEE, email: 'bo@example.com' },
    });
    expect(second.booking.uid).toBe(first.booking.uid);
    expect(first.booking.seatUid).not.toBe(second.booking.seatUid);
    const found = await client.bookings.getBySeat(second.booking.seatUid ?? '');
    expect(found.seatUid).toBe(second.booking.seatUid);
    expect(found.attendees.map((attendee) => [attendee.email, attendee.seatUid])).toEqual([
      ['ann@example.com', first.booking.seatUid],
      ['bo@example.com', second.booking.seatUid],
    ]);
    expect(await client.bookings.getBySeat('../x').catch((caught: unknown) => issueOf(caught)?.path)).toBe('seatUid');
  });

  it('finds a seat booked before a lost answer, with the booker’s seatUid', async () => {
    const client = clientAtFixedTime();
    await client.bookings.create({ eventTypeId: 3006, start: '2026-06-11T09:00:00Z', attendee: ATTENDEE });
    simulator().faults.add({
      method: 'POST',
      path: '/v2/bookings',
      times: 1,
      fault: { type: 'commit-then-fail', outcome: 'reset' },
    });
    const second = await client.bookings.create({
      eventTypeId: 3006,
      start: '2026-06-11T09:00:00Z',
      attendee: { ...ATTENDEE, email: 'bo@example.com' },
    });
    expect(second.verifiedByReadBack).toBe(true);
    const seats = stateOf(second.booking.uid)?.attendees as unknown as { email: string; seatUid: string }[];
    expect(seats.map((seat) => seat.email)).toEqual(['ann@example.com', 'bo@example.com']);
    expect(second.booking.seatUid).toBe(seats[1]?.seatUid);
    expect(second.occurrences).toBeUndefined();
  });

  it('cancels one seat and keeps the booking for the others', async () => {
    const client = clientAtFixedTime();
    const first = await client.bookings.create({
      eventTypeId: 3006,
      start: '2026-06-11T09:00:00Z',
      attendee: ATTENDEE,
    });
    await client.bookings.create({
      eventTypeId: 3006,
      start: '2026-06-11T09:00:00Z',
      attendee: { ...ATTENDEE, email: 'bo@example.com' },
    });
    const seatUid = first.booking.seatUid ?? '';
    const result = await client.bookings.cancel(first.booking.uid, { seatUid, reason: 'Ill' });
    expect(result).toMatchObject({ seatUid, alreadyCancelled: false, verifiedByReadBack: false });
    expect(result.booking.status).toBe('accepted');
    expect(result.booking.attendees.map((attendee) => attendee.email)).toEqual(['bo@example.com']);
    expect(sentRequests().at(-1)?.body).toEqual({ seatUid, cancellationReason: 'Ill' });
    const both = await client.bookings
      .cancel(first.booking.uid, { seatUid, cancelSubsequent: true })
      .catch((caught: unknown) => caught);
    expect(issueOf(both)?.path).toBe('cancelSubsequent');
  });

  it('reads the booking back after a lost seat-cancel answer', async () => {
    const client = clientAtFixedTime();
    const first = await client.bookings.create({
      eventTypeId: 3006,
      start: '2026-06-11T09:00:00Z',
      attendee: ATTENDEE,
    });
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${first.booking.uid}/cancel`,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = await client.bookings.cancel(first.booking.uid, { seatUid: first.booking.seatUid ?? '' });
    expect(result.verifiedByReadBack).toBe(true);
    expect(result.booking.status).toBe('cancelled');
  });

  it('sends a seat cancel again when the read-back shows the seat still held', async () => {
    const client = clientAtFixedTime();
    const first = await client.bookings.create({
      eventTypeId: 3006,
      start: '2026-06-11T09:00:00Z',
      attendee: ATTENDEE,
    });
    const path = `/v2/bookings/${first.booking.uid}/cancel`;
    simulator().faults.add({ method: 'POST', path, times: 1, fault: { type: 'server-error' } });
    const result = await client.bookings.cancel(first.booking.uid, { seatUid: first.booking.seatUid ?? '' });
    expect(result).toMatchObject({ verifiedByReadBack: false, alreadyCancelled: false });
    expect(stateOf(first.booking.uid)?.attendees).toEqual([]);
    expect(calls().filter((call) => call === `POST ${path}`)).toHaveLength(2);
    const again = await client.bookings.cancel(first.booking.uid, { seatUid: first.booking.seatUid ?? '' });
    expect(again).toMatchObject({ alreadyCancelled: true, seatUid: first.booking.seatUid });
  });
});
