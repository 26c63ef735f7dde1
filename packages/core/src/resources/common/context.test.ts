import { describe, expect, it } from 'vitest';
import { clientAtFixedTime } from '../../../test/support/fixed-clock';
import { sentRequests } from '../../../test/support/test-client';
import type { CalComClient } from '../../client';
import { CalComNotFoundError } from '../../errors/api-error';
import { CalComValidationError } from '../../errors/validation-error';
import { idParam, pathParam, uidParam } from './context';

/** Values that must never reach a uid or string-id path segment. */
const BAD_UIDS: readonly unknown[] = [
  '',
  '   ',
  '.',
  '..',
  ' .. ',
  '../me',
  '..%2F',
  '%2e%2e',
  'a/b',
  '/',
  'a\\b',
  'a?b=1',
  'a#b',
  'a b',
  'a.b',
  'u\nid',
  'ü-uid',
  'x'.repeat(256),
  42,
  null,
  undefined,
  { uid: 'abc' },
];

/** Values that must never reach a numeric-id path segment. */
const BAD_NUMBERS: readonly unknown[] = [
  0,
  -1,
  -0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  2 ** 53,
  Number.MAX_VALUE,
];

/** Non-numbers that must never reach a numeric-id path segment (the API types these ids as numbers). */
const NOT_NUMBERS: readonly unknown[] = ['42', '..', '', null, undefined, [7]];

/**
 * Names a test value readably: `-0`, `NaN`, `Infinity` and `1e+308` as themselves, strings quoted.
 *
 * @param value The value.
 * @returns The label.
 */
function label(value: unknown): string {
  if (Object.is(value, -0)) return '-0';
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

type Call = (client: CalComClient, value: never) => Promise<unknown>;

/** Every client method that puts a booking uid into the path. */
const UID_METHODS: readonly [string, Call][] = [
  ['bookings.get', (client, uid) => client.bookings.get(uid)],
  ['bookings.cancel', (client, uid) => client.bookings.cancel(uid, { reason: 'Sick' })],
  ['bookings.confirm', (client, uid) => client.bookings.confirm(uid)],
  ['bookings.decline', (client, uid) => client.bookings.decline(uid, { reason: 'Fully booked' })],
  ['bookings.reschedule', (client, uid) => client.bookings.reschedule(uid, { start: '2026-06-05T10:00:00Z' })],
];

/** Every client method that puts a numeric id into the path, with the caller's name for it. */
const ID_METHODS: readonly [string, string, Call][] = [
  ['eventTypes.get', 'id', (client, id) => client.eventTypes.get(id)],
  ['eventTypes.update', 'id', (client, id) => client.eventTypes.update(id, { title: 'Renamed' })],
  ['eventTypes.delete', 'id', (client, id) => client.eventTypes.delete(id)],
  ['eventTypes.list', 'teamId', (client, teamId) => client.eventTypes.list({ teamId })],
  ['teams.get', 'id', (client, id) => client.teams.get(id)],
  ['teams.listMembers', 'teamId', (client, teamId) => client.teams.listMembers(teamId)],
];

/**
 * Calls a method with a bad id and checks that it failed before sending, naming the field.
 *
 * @param call The call.
 * @param value The bad value.
 * @param field The caller's name for the value.
 */
async function expectRefusedBeforeSending(call: Call, value: unknown, field: string): Promise<void> {
  const client = clientAtFixedTime();
  const error = await call(client, value as never).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(CalComValidationError);
  const validation = error as CalComValidationError;
  expect(validation.issues).toHaveLength(1);
  expect(validation.issues[0]?.path).toBe(field);
  expect(validation.message).toMatch(new RegExp(`^Invalid ${field}: .+ Nothing was sent to Cal\\.com\\.$`, 's'));
  expect(validation.status).toBeUndefined();
  expect(sentRequests()).toEqual([]);
}

describe('path parameters', () => {
  describe.each(UID_METHODS)('%s', (_name, call) => {
    it.each(BAD_UIDS.map((value) => [label(value), value]))(
      'refuses the uid %s before sending anything',
      async (_label, value) => {
        await expectRefusedBeforeSending(call, value, 'uid');
      },
    );
  });

  describe.each(ID_METHODS)('%s', (name, field, call) => {
    // `listEventTypes({ teamId: undefined })` is a valid call: without a team it lists your own event types.
    const values = [...BAD_NUMBERS, ...NOT_NUMBERS].filter(
      (value) => name !== 'eventTypes.list' || value !== undefined,
    );
    it.each(values.map((value) => [label(value), value]))(
      `refuses the id %s before sending anything`,
      async (_label, value) => {
        await expectRefusedBeforeSending(call, value, field);
      },
    );
  });

  describe('webhooks.delete', () => {
    const call: Call = (client, id) => client.webhooks.delete(id);
    it.each(
      // A webhook id is a string (docs/CALCOM-API.md §7.7) or a positive safe integer, so 42 is valid here.
      [...BAD_NUMBERS, ...BAD_UIDS.filter((value) => value !== 42)].map((value) => [label(value), value]),
    )('refuses the id %s before sending anything', async (_label, value) => {
      await expectRefusedBeforeSending(call, value, 'id');
    });
  });

  it('sends well-formed uids and ids unchanged: letters, digits, "-" and "_", and the largest safe integer', async () => {
    const client = clientAtFixedTime();
    await expect(client.bookings.get(' no_such-Booking-9 ')).rejects.toBeInstanceOf(CalComNotFoundError);
    await expect(client.webhooks.delete('no_such-Webhook-9')).rejects.toBeInstanceOf(CalComNotFoundError);
    await expect(client.eventTypes.get(Number.MAX_SAFE_INTEGER)).rejects.toBeInstanceOf(CalComNotFoundError);
    expect(sentRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v2/bookings/no_such-Booking-9',
      'DELETE /v2/webhooks/no_such-Webhook-9',
      `GET /v2/event-types/${Number.MAX_SAFE_INTEGER}`,
    ]);
  });

  it('checks and encodes one parameter in one place, naming the caller’s field', () => {
    expect(pathParam(7)).toBe('7');
    expect(pathParam(' abc_DEF-1 ')).toBe('abc_DEF-1');
    expect(idParam(5001, 'teamId')).toBe(5001);
    expect(uidParam('\tabc\n', 'seatUid')).toBe('abc');
    const refused = (run: () => unknown): CalComValidationError => {
      try {
        run();
      } catch (error) {
        if (error instanceof CalComValidationError) return error;
        throw error;
      }
      throw new Error('expected a CalComValidationError');
    };
    expect(refused(() => pathParam('..')).message).toBe(
      'Invalid uid: ".." is not a Cal.com uid: only letters, digits, "-" and "_" are allowed. Pass the uid exactly as Cal.com returned it (list the resources first to get one); never invent one. Nothing was sent to Cal.com.',
    );
    expect(refused(() => pathParam(1e308, 'eventTypeId')).message).toBe(
      'Invalid eventTypeId: expected a positive whole number (a Cal.com id), got 1e+308. Pass the numeric id as Cal.com returned it, e.g. 123 (list the resources first to get one). Nothing was sent to Cal.com.',
    );
    expect(refused(() => pathParam('', 'id')).issues).toEqual([
      {
        path: 'id',
        message:
          'is empty. Pass the uid exactly as Cal.com returned it (list the resources first to get one); never invent one.',
      },
    ]);
    expect(refused(() => uidParam('y'.repeat(256), 'uid')).message).toContain(
      'is 256 characters long, more than any Cal.com uid (255)',
    );
    expect(refused(() => idParam(-0, 'id')).message).toContain('got 0');
  });
});
