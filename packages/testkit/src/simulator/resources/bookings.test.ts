import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import type { BookingOutput } from '../../dto/booking';
import type { PaginationMeta } from '../../dto/envelope';
import { createCalComSimulator } from '../create-simulator';
import { SECOND_API_KEY } from '../seed';
import {
  ALREADY_CANCELLED_MESSAGE,
  NOT_AVAILABLE_MESSAGE,
  OUT_OF_BOUNDS_MESSAGE,
  PAST_BOOKING_MESSAGE,
} from './bookings';

const NOW = new Date('2026-03-25T06:00:00.000Z');
const V = { version: '2024-08-13' };
const attendee = { name: 'Lin Wei', email: 'lin@example.com', timeZone: 'Asia/Taipei' };

function setup() {
  const simulator = createCalComSimulator({ now: () => NOW });
  const uidOf = (id: number) => simulator.state.bookings.find((booking) => booking.id === id)?.uid ?? '';
  const call = (method: string, path: string, body?: unknown, key?: string | null) =>
    callSimulator(simulator, method, path, {
      ...V,
      ...(body === undefined ? {} : { body }),
      ...(key === undefined ? {} : { key }),
    });
  const list = async (query = '') => {
    const result = await call('GET', `/v2/bookings${query}`);
    return { ...result, body: result.json as { data: BookingOutput[]; pagination: PaginationMeta } };
  };
  return { simulator, uidOf, call, list };
}

const data = (json: unknown) => (json as { data: BookingOutput }).data;

describe('POST /v2/bookings', () => {
  it('creates an accepted booking on a free slot and drops unknown fields', async () => {
    const { call } = setup();
    const result = await call('POST', '/v2/bookings', {
      eventTypeId: 3002,
      start: '2026-03-26T10:00:00Z',
      attendee: { ...attendee, shoeSize: 42 },
      guests: ['guest@example.com'],
      metadata: { source: 'test' },
      unknownField: true,
    });
    expect(result.status).toBe(201);
    const booking = data(result.json);
    expect(booking).toMatchObject({
      id: 9008,
      status: 'accepted',
      start: '2026-03-26T10:00:00.000Z',
      end: '2026-03-26T10:30:00.000Z',
      duration: 30,
      eventTypeId: 3002,
      eventType: { id: 3002, slug: 'thirty-minutes' },
      hosts: [{ id: 1001, email: 'ada@example.com', timeZone: 'Europe/Berlin' }],
      attendees: [
        {
          name: 'Lin Wei',
          email: 'lin@example.com',
          displayEmail: 'lin@example.com',
          timeZone: 'Asia/Taipei',
          absent: false,
        },
      ],
      guests: ['guest@example.com'],
      metadata: { source: 'test' },
      createdAt: '2026-03-25T06:00:00.000Z',
      bookingFieldsResponses: { name: 'Lin Wei', email: 'lin@example.com' },
    });
    expect(booking.uid).toMatch(/^[A-Za-z0-9]{22}$/);
    expect(booking.attendees[0]).not.toHaveProperty('shoeSize');
    expect(booking).not.toHaveProperty('unknownField');
  });

  it('merges the submitted bookingFieldsResponses into the stored ones, returns them and keeps them on reschedule', async () => {
    const { call } = setup();
    const created = await call('POST', '/v2/bookings', {
      eventTypeId: 3002,
      start: '2026-03-26T10:00:00Z',
      attendee,
      bookingFieldsResponses: { notes: 'Bring the Q3 slides', topics: ['budget', 'hiring'] },
    });
    expect(created.status).toBe(201);
    const expected = {
      name: 'Lin Wei',
      email: 'lin@example.com',
      notes: 'Bring the Q3 slides',
      topics: ['budget', 'hiring'],
    };
    const booking = data(created.json);
    expect(booking.bookingFieldsResponses).toEqual(expected);
    expect(data((await call('GET', `/v2/bookings/${booking.uid}`)).json).bookingFieldsResponses).toEqual(expected);
    const moved = await call('POST', `/v2/bookings/${booking.uid}/reschedule`, { start: '2026-03-26T11:00:00Z' });
    expect(moved.status).toBe(201);
    expect(data(moved.json)).toMatchObject({ rescheduledFromUid: booking.uid, bookingFieldsResponses: expected });
  });

  it('books anonymously, by slug and username, and as pending when the event type requires confirmation', async () => {
    const { call } = setup();
    const bySlug = await call(
      'POST',
      '/v2/bookings',
      { eventTypeSlug: 'consultation', username: 'ada-lovelace', start: '2026-03-26T10:00:00Z', attendee },
      null,
    );
    expect(bySlug.status).toBe(201);
    expect(data(bySlug.json)).toMatchObject({ status: 'pending', eventTypeId: 3003, duration: 60 });
  });

  it.each([
    ['an occupied slot', '2026-03-26T09:00:00Z', NOT_AVAILABLE_MESSAGE],
    ['a time off the slot grid', '2026-03-26T10:10:00Z', NOT_AVAILABLE_MESSAGE],
    ['a Saturday', '2026-03-28T10:00:00Z', NOT_AVAILABLE_MESSAGE],
    ['the past', '2026-03-24T09:00:00Z', PAST_BOOKING_MESSAGE],
    ['a time inside the minimum notice', '2026-03-25T07:00:00Z', OUT_OF_BOUNDS_MESSAGE],
  ])('refuses %s with 400', async (_name, start, message) => {
    const { call, simulator } = setup();
    const result = await call('POST', '/v2/bookings', { eventTypeId: 3002, start, attendee });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({
      status: 'error',
      path: '/v2/bookings',
      error: { code: 'BadRequestException', message, details: { message, error: 'Bad Request', statusCode: 400 } },
    });
    expect(simulator.state.bookings).toHaveLength(7);
  });

  it('answers the validation envelope with nested attendee errors', async () => {
    const { call } = setup();
    const result = await call('POST', '/v2/bookings', {
      eventTypeId: 3002,
      start: 'tomorrow',
      attendee: { name: 'X', email: 'nope' },
    });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({
      error: {
        code: 'BadRequestException',
        message: 'Bad Request Exception',
        details: {
          errors: [
            {
              property: 'start',
              value: 'tomorrow',
              constraints: { isDateString: 'start must be a valid ISO 8601 date string' },
            },
            {
              property: 'attendee',
              children: [
                { property: 'timeZone', constraints: { isDefined: 'timeZone should not be null or undefined' } },
                { property: 'email', value: 'nope', constraints: { isEmail: 'email must be an email' } },
              ],
            },
          ],
        },
      },
    });
  });

  it('answers 404 for an unknown event type and 400 without one or with a wrong length', async () => {
    const { call } = setup();
    const unknown = await call('POST', '/v2/bookings', { eventTypeId: 42, start: '2026-03-26T10:00:00Z', attendee });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({
      error: { code: 'NotFoundException', message: 'Event type with id=42 not found' },
    });
    const unknownSlug = await call('POST', '/v2/bookings', {
      eventTypeSlug: 'x',
      username: 'ada-lovelace',
      start: '2026-03-26T10:00:00Z',
      attendee,
    });
    expect(unknownSlug.status).toBe(404);
    expect((await call('POST', '/v2/bookings', { start: '2026-03-26T10:00:00Z', attendee })).status).toBe(400);
    const length = await call('POST', '/v2/bookings', {
      eventTypeId: 3002,
      lengthInMinutes: 45,
      start: '2026-03-26T10:00:00Z',
      attendee,
    });
    expect(length.json).toMatchObject({
      error: { message: "lengthInMinutes 45 is not one of the event type's lengths: 30" },
    });
  });
});

describe('multi-length event types', () => {
  it('books any of the lengths of an event type created with lengthInMinutesOptions, and slots use that duration', async () => {
    const { simulator, call } = setup();
    const created = await callSimulator(simulator, 'POST', '/v2/event-types', {
      version: '2024-06-14',
      body: { title: 'Flexible', slug: 'flexible', lengthInMinutes: 30, lengthInMinutesOptions: [30, 60] },
    });
    const eventTypeId = (created.json as { data: { id: number } }).data.id;
    const slots = await callSimulator(
      simulator,
      'GET',
      `/v2/slots?eventTypeId=${eventTypeId}&start=2026-03-26T10:00:00Z&end=2026-03-26T10:00:00Z&duration=60&format=range`,
      { version: '2024-09-04' },
    );
    expect(slots.json).toEqual({
      status: 'success',
      data: { '2026-03-26': [{ start: '2026-03-26T10:00:00.000+00:00', end: '2026-03-26T11:00:00.000+00:00' }] },
    });
    const booked = await call('POST', '/v2/bookings', {
      eventTypeId,
      lengthInMinutes: 60,
      start: '2026-03-26T10:00:00Z',
      attendee,
    });
    expect(booked.status).toBe(201);
    expect(data(booked.json)).toMatchObject({
      eventTypeId,
      start: '2026-03-26T10:00:00.000Z',
      end: '2026-03-26T11:00:00.000Z',
      duration: 60,
    });
    const refused = await call('POST', '/v2/bookings', {
      eventTypeId,
      lengthInMinutes: 45,
      start: '2026-03-26T12:00:00Z',
      attendee,
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      error: { message: "lengthInMinutes 45 is not one of the event type's lengths: 30, 60" },
    });
  });
});

describe('GET /v2/bookings/{uid}', () => {
  it('returns the booking to its host and anonymously, 404 to another user and for unknown uids', async () => {
    const { call, uidOf } = setup();
    const uid = uidOf(9001);
    expect(data((await call('GET', `/v2/bookings/${uid}`)).json).id).toBe(9001);
    expect((await call('GET', `/v2/bookings/${uid}`, undefined, null)).status).toBe(200);
    const other = await call('GET', `/v2/bookings/${uid}`, undefined, SECOND_API_KEY);
    expect(other.status).toBe(404);
    expect(other.json).toMatchObject({ error: { message: `Booking with uid=${uid} not found` } });
    expect((await call('GET', '/v2/bookings/nope')).status).toBe(404);
  });
});

describe('reschedule and cancel', () => {
  it('reschedules to a new uid and links both bookings; the old one cannot be rescheduled again', async () => {
    const { call, uidOf, simulator } = setup();
    const oldUid = uidOf(9001);
    const result = await call('POST', `/v2/bookings/${oldUid}/reschedule`, {
      start: '2026-03-26T10:30:00Z',
      reschedulingReason: 'Clash',
      rescheduledBy: 'lin@example.com',
    });
    expect(result.status).toBe(201);
    const next = data(result.json);
    expect(next).toMatchObject({
      status: 'accepted',
      start: '2026-03-26T10:30:00.000Z',
      rescheduledFromUid: oldUid,
      reschedulingReason: 'Clash',
      rescheduledByEmail: 'lin@example.com',
      attendees: [{ name: 'Grace Hopper' }],
    });
    expect(next.uid).not.toBe(oldUid);
    const old = simulator.state.bookings.find((booking) => booking.uid === oldUid);
    expect(old).toMatchObject({
      status: 'cancelled',
      rescheduledToUid: next.uid,
      reschedulingReason: 'Clash',
      rescheduledByEmail: 'lin@example.com',
    });
    const again = await call('POST', `/v2/bookings/${oldUid}/reschedule`, { start: '2026-03-26T11:00:00Z' });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({
      error: {
        message: `Can't reschedule booking with uid=${oldUid} because it has been rescheduled to ${next.uid}. Reschedule the latest booking instead.`,
      },
    });
    const cancelled = await call('POST', `/v2/bookings/${uidOf(9004)}/reschedule`, { start: '2026-03-26T11:00:00Z' });
    expect(cancelled.json).toMatchObject({
      error: {
        message: `Can't reschedule booking with uid=${uidOf(9004)} because it has been cancelled. Reschedule the latest booking instead.`,
      },
    });
    const latest = await call('POST', `/v2/bookings/${next.uid}/reschedule`, { start: '2026-03-26T09:00:00Z' });
    expect(data(latest.json)).toMatchObject({ start: '2026-03-26T09:00:00.000Z', rescheduledFromUid: next.uid });
  });

  it("keeps the booking's own time free, refuses occupied times and needs confirmation unless the host reschedules", async () => {
    const { call, uidOf } = setup();
    const same = await call('POST', `/v2/bookings/${uidOf(9001)}/reschedule`, { start: '2026-03-26T09:00:00Z' });
    expect(same.status).toBe(201);
    const busy = await call('POST', `/v2/bookings/${uidOf(9006)}/reschedule`, { start: '2026-03-26T09:00:00Z' });
    expect(busy.json).toMatchObject({ error: { message: NOT_AVAILABLE_MESSAGE } });
    const byAttendee = await call('POST', `/v2/bookings/${uidOf(9002)}/reschedule`, { start: '2026-03-27T12:00:00Z' });
    expect(data(byAttendee.json).status).toBe('pending');
    const byHost = await call('POST', `/v2/bookings/${data(byAttendee.json).uid}/reschedule`, {
      start: '2026-03-27T14:00:00Z',
      rescheduledBy: 'ada@example.com',
    });
    expect(data(byHost.json).status).toBe('accepted');
    expect((await call('POST', `/v2/bookings/${uidOf(9006)}/reschedule`, {})).status).toBe(400);
  });

  it('cancels with a reason, frees the slot, and answers 400 for a second cancel', async () => {
    const { call, uidOf } = setup();
    const uid = uidOf(9001);
    const result = await call('POST', `/v2/bookings/${uid}/cancel`, { cancellationReason: 'Sick' });
    expect(result.status).toBe(200);
    expect(data(result.json)).toMatchObject({
      uid,
      status: 'cancelled',
      cancellationReason: 'Sick',
      cancelledByEmail: 'ada@example.com',
    });
    const second = await call('POST', `/v2/bookings/${uid}/cancel`, {});
    expect(second.status).toBe(400);
    expect(second.json).toMatchObject({ error: { code: 'BadRequestException', message: ALREADY_CANCELLED_MESSAGE } });
    const rebook = await call('POST', '/v2/bookings', { eventTypeId: 3002, start: '2026-03-26T09:00:00Z', attendee });
    expect(rebook.status).toBe(201);
    const anonymous = await call('POST', `/v2/bookings/${uidOf(9006)}/cancel`, undefined, null);
    expect(data(anonymous.json).cancelledByEmail).toBe('tu@example.com');
  });

  it('confirms and declines pending bookings as the host only', async () => {
    const { call, uidOf } = setup();
    const pending = uidOf(9002);
    const forbidden = await call('POST', `/v2/bookings/${pending}/confirm`, undefined, SECOND_API_KEY);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toMatchObject({ error: { code: 'ForbiddenException' } });
    expect((await call('POST', `/v2/bookings/${pending}/confirm`, undefined, null)).status).toBe(401);
    expect((await call('POST', '/v2/bookings/nope/confirm')).status).toBe(404);
    expect(data((await call('POST', `/v2/bookings/${pending}/confirm`)).json).status).toBe('accepted');
    const twice = await call('POST', `/v2/bookings/${pending}/confirm`);
    expect(twice.json).toMatchObject({
      error: { message: `Booking with uid=${pending} is accepted; only pending bookings can be confirmed.` },
    });
    const created = await call('POST', '/v2/bookings', { eventTypeId: 3003, start: '2026-03-26T10:00:00Z', attendee });
    const declined = await call('POST', `/v2/bookings/${data(created.json).uid}/decline`, { reason: 'Fully booked' });
    expect(data(declined.json)).toMatchObject({ status: 'rejected', cancellationReason: 'Fully booked' });
  });
});

describe('GET /v2/bookings', () => {
  it("lists the user's bookings sorted by start with the pagination block", async () => {
    const { list } = setup();
    const result = await list();
    expect(result.status).toBe(200);
    expect(result.body.data.map((booking) => booking.id)).toEqual([9003, 9001, 9002, 9004, 9005, 9006]);
    expect(result.body.pagination).toEqual({
      totalItems: 6,
      remainingItems: 0,
      returnedItems: 6,
      itemsPerPage: 100,
      currentPage: 1,
      totalPages: 1,
      hasNextPage: false,
      hasPreviousPage: false,
    });
  });

  it.each([
    ['?status=upcoming', [9001, 9002, 9006]],
    ['?status=past', [9003]],
    ['?status=cancelled', [9004, 9005]],
    ['?status=unconfirmed', [9002]],
    ['?status=upcoming,cancelled', [9001, 9002, 9004, 9005, 9006]],
    ['?status=recurring', []],
    ['?attendeeEmail=GRACE@example.com', [9001]],
    ['?attendeeName=YouYou', [9005, 9006]],
    ['?eventTypeId=3003', [9002]],
    ['?eventTypeIds=3001,3003', [9003, 9002]],
    ['?afterStart=2026-03-26T12:00:00Z&beforeEnd=2026-03-27T09:00:00Z', [9002, 9004]],
    ['?afterCreatedAt=2026-03-01T00:00:00Z&beforeCreatedAt=2026-03-12T00:00:00Z', [9003, 9001, 9002, 9004, 9005, 9006]],
    ['?afterCreatedAt=2026-03-12T00:00:00Z', []],
    ['?beforeCreatedAt=2026-03-01T00:00:00Z', []],
    ['?sortStart=desc', [9006, 9005, 9004, 9002, 9001, 9003]],
    ['?sortEnd=asc&status=upcoming', [9001, 9002, 9006]],
    ['?sortCreated=desc&status=past', [9003]],
    ['?sortUpdatedAt=asc&status=past', [9003]],
  ])('filters and sorts %s', async (query, ids) => {
    const { list } = setup();
    expect((await list(query)).body.data.map((booking) => booking.id)).toEqual(ids);
  });

  it('filters by bookingUid and shows each user only their own bookings', async () => {
    const { list, uidOf, simulator } = setup();
    expect((await list(`?bookingUid=${uidOf(9004)}`)).body.data.map((booking) => booking.id)).toEqual([9004]);
    const other = await callSimulator(simulator, 'GET', '/v2/bookings', { ...V, key: SECOND_API_KEY });
    expect((other.json as { data: BookingOutput[] }).data.map((booking) => booking.id)).toEqual([9007]);
    expect((await callSimulator(simulator, 'GET', '/v2/bookings', { ...V, key: null })).status).toBe(401);
  });

  it('pages with take and skip, including skip past the end', async () => {
    const { list } = setup();
    const first = await list('?take=1');
    expect(first.body.data.map((booking) => booking.id)).toEqual([9003]);
    expect(first.body.pagination).toEqual({
      totalItems: 6,
      remainingItems: 5,
      returnedItems: 1,
      itemsPerPage: 1,
      currentPage: 1,
      totalPages: 6,
      hasNextPage: true,
      hasPreviousPage: false,
    });
    const last = await list('?take=4&skip=4');
    expect(last.body.data.map((booking) => booking.id)).toEqual([9005, 9006]);
    expect(last.body.pagination).toMatchObject({
      returnedItems: 2,
      remainingItems: 0,
      currentPage: 2,
      totalPages: 2,
      hasNextPage: false,
      hasPreviousPage: true,
    });
    const past = await list('?take=10&skip=50');
    expect(past.body.data).toEqual([]);
    expect(past.body.pagination).toMatchObject({
      totalItems: 6,
      returnedItems: 0,
      remainingItems: 0,
      hasNextPage: false,
      hasPreviousPage: true,
    });
  });

  it.each(['?take=0', '?take=251', '?take=abc', '?skip=-1', '?status=soon', '?sortStart=up', '?afterStart=yesterday'])(
    'refuses %s with the validation envelope',
    async (query) => {
      const { list } = setup();
      const result = await list(query);
      expect(result.status).toBe(400);
      expect(result.json).toMatchObject({ error: { code: 'BadRequestException', message: 'Bad Request Exception' } });
    },
  );

  it('pages through a large generated seed', async () => {
    const simulator = createCalComSimulator({ now: () => NOW, seed: { bookings: 600 } });
    const result = await callSimulator(simulator, 'GET', '/v2/bookings?take=250&skip=500', V);
    expect((result.json as { pagination: PaginationMeta }).pagination).toEqual({
      totalItems: 606,
      remainingItems: 0,
      returnedItems: 106,
      itemsPerPage: 250,
      currentPage: 3,
      totalPages: 3,
      hasNextPage: false,
      hasPreviousPage: true,
    });
  });
});
