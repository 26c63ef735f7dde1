import { respondOnce } from '@calcom-int/testkit/msw';
import { server, simulator } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { clientAtFixedTime } from '../../../test/support/fixed-clock';
import { sentRequests } from '../../../test/support/test-client';
import { CalComNotFoundError } from '../../errors/api-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError as InputError } from '../../errors/validation-error';

// TEST_NOW is Monday 2026-06-01; on Wednesday 06-03 Ada (Berlin, UTC+2) works 07:00–15:00Z and Charles (New York,
// UTC−4) 13:00–21:00Z: the team's two hosts are both free from 13:00Z to 15:00Z.
const ATTENDEE = { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' };

function issueOf(error: unknown): { path: string; message: string } | undefined {
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).issues[0];
}

describe('bookings.create by slug and for teams', () => {
  it('books a user’s event type by eventTypeSlug + username, sending that form', async () => {
    const client = clientAtFixedTime();
    const { booking } = await client.bookings.create({
      eventTypeSlug: 'thirty-minutes',
      username: 'ada-lovelace',
      start: '2026-06-03T09:00:00Z',
      attendee: ATTENDEE,
    });
    expect([booking.eventTypeId, booking.hosts.map((host) => host.id)]).toEqual([3002, [1001]]);
    const requests = sentRequests();
    expect(requests[0]).toEqual({
      method: 'GET',
      path: '/v2/event-types',
      query: { username: 'ada-lovelace', eventSlug: 'thirty-minutes' },
      version: '2024-06-14',
      body: undefined,
    });
    expect(requests.at(-1)?.body).toEqual({
      start: '2026-06-03T09:00:00.000Z',
      eventTypeSlug: 'thirty-minutes',
      username: 'ada-lovelace',
      attendee: ATTENDEE,
    });
  });

  it('books a collective team event by eventTypeSlug + teamSlug with every host', async () => {
    const client = clientAtFixedTime();
    const { booking } = await client.bookings.create({
      eventTypeSlug: 'team-sync',
      teamSlug: 'analytical-engines',
      start: '2026-06-03T13:00:00Z',
      attendee: ATTENDEE,
    });
    expect([booking.eventTypeId, booking.hosts.map((host) => host.name)]).toEqual([
      4002,
      ['Ada Lovelace', 'Charles Babbage'],
    ]);
    expect(sentRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v2/teams',
      'GET /v2/teams/5001/event-types',
      'GET /v2/slots',
      'POST /v2/bookings',
    ]);
    expect(sentRequests().at(-1)?.body).toMatchObject({ eventTypeSlug: 'team-sync', teamSlug: 'analytical-engines' });
  });

  it('books a round-robin team event type by its id (found among your teams) with the one host Cal.com assigns', async () => {
    const client = clientAtFixedTime();
    const { booking } = await client.bookings.create({
      eventTypeId: 4001,
      start: '2026-06-03T13:45:00Z',
      attendee: ATTENDEE,
    });
    expect(booking.hosts.map((host) => host.id)).toEqual([1001]);
    expect(sentRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v2/event-types/4001',
      'GET /v2/teams',
      'GET /v2/teams/5001/event-types',
      'GET /v2/slots',
      'POST /v2/bookings',
    ]);
  });

  it('keeps the 404 of an id that is neither yours nor your teams’', async () => {
    const client = clientAtFixedTime();
    const error = await client.bookings
      .create({ eventTypeId: 9999, start: '2026-06-03T13:00:00Z', attendee: ATTENDEE })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComNotFoundError);
    expect(sentRequests().filter((request) => request.method === 'POST')).toEqual([]);
  });

  it.each([
    [
      { eventTypeSlug: 'nope', username: 'ada-lovelace' },
      'eventTypeSlug',
      'user ada-lovelace has no public event type "nope". List their event types with eventTypes.list({ username }) and use one of those slugs.',
    ],
    [
      { eventTypeSlug: 'team-sync', teamSlug: 'difference-engines' },
      'teamSlug',
      'none of your teams has the slug "difference-engines". List your teams with teams.list() and use one of their slugs.',
    ],
    [
      { eventTypeSlug: 'nope', teamSlug: 'analytical-engines' },
      'eventTypeSlug',
      'team analytical-engines has no event type "nope". List the team\'s event types with eventTypes.list({ teamId: 5001 }) and use one of those slugs.',
    ],
  ])('names the slug that matches nothing (%j), and books nothing', async (reference, path, message) => {
    const client = clientAtFixedTime();
    const error = await client.bookings
      .create({ ...reference, start: '2026-06-03T13:00:00Z', attendee: ATTENDEE } as never)
      .catch((caught: unknown) => caught);
    expect(issueOf(error)).toEqual({ path, message });
    expect(sentRequests().filter((request) => request.method === 'POST')).toEqual([]);
  });

  it.each([
    [{}, 'eventTypeId', 'no event type was given'],
    [{ username: 'ada-lovelace' }, 'eventTypeSlug', 'no event type was given'],
    [{ eventTypeSlug: 'intro' }, 'username', 'is missing: eventTypeSlug needs the owner'],
    [{ eventTypeId: 3002, eventTypeSlug: 'intro' }, 'eventTypeSlug', 'was given together with eventTypeId'],
    [{ eventTypeId: 3002, organizationSlug: 'acme' }, 'organizationSlug', 'was given together with eventTypeId'],
    [{ eventTypeSlug: 'intro', username: 'ada', teamSlug: 'eng' }, 'teamSlug', 'was given together with username'],
    [
      { eventTypeSlug: 'in tro', username: 'ada' },
      'eventTypeSlug',
      'expected a slug (letters, digits, "-", "_", "."), got "in tro". Pass the slug',
    ],
    [
      { eventTypeSlug: 'intro', teamSlug: 'eng', organizationSlug: 7 },
      'organizationSlug',
      'expected a slug (letters, digits, "-", "_", "."), got 7.',
    ],
  ])('refuses the event type given as %j before any request', async (reference, path, problem) => {
    const client = clientAtFixedTime();
    const error = await client.bookings
      .create({ ...reference, start: '2026-06-03T13:00:00Z', attendee: ATTENDEE } as never)
      .catch((caught: unknown) => caught);
    expect(issueOf(error)?.path).toBe(path);
    expect(issueOf(error)?.message.startsWith(problem)).toBe(true);
    expect(sentRequests()).toEqual([]);
  });
});

describe('slots.list for teams and dynamic groups', () => {
  it('asks by eventTypeSlug + teamSlug (+ organizationSlug) and by usernames', async () => {
    const client = clientAtFixedTime();
    const team = await client.slots.list({
      eventTypeSlug: 'team-sync',
      teamSlug: 'analytical-engines',
      start: '2026-06-03T13:00:00Z',
      end: '2026-06-03T14:00:00Z',
    });
    expect(team.map((slot) => slot.start)).toEqual([
      '2026-06-03T13:00:00.000Z',
      '2026-06-03T13:30:00.000Z',
      '2026-06-03T14:00:00.000Z',
    ]);
    const group = await client.slots.list({
      usernames: ['ada-lovelace', 'charles-babbage'],
      start: '2026-06-03T13:00:00Z',
      end: '2026-06-03T14:00:00Z',
      duration: 60,
    });
    expect(group.map((slot) => [slot.start, slot.end])).toEqual([
      ['2026-06-03T13:00:00.000Z', '2026-06-03T14:00:00.000Z'],
      ['2026-06-03T14:00:00.000Z', '2026-06-03T15:00:00.000Z'],
    ]);
    expect(sentRequests().map((request) => request.query)).toEqual([
      {
        eventTypeSlug: 'team-sync',
        teamSlug: 'analytical-engines',
        start: '2026-06-03T13:00:00.000Z',
        end: '2026-06-03T14:00:00.000Z',
        timeZone: 'UTC',
        format: 'range',
      },
      {
        usernames: 'ada-lovelace,charles-babbage',
        start: '2026-06-03T13:00:00.000Z',
        end: '2026-06-03T14:00:00.000Z',
        timeZone: 'UTC',
        format: 'range',
        duration: '60',
      },
    ]);
  });

  it.each([
    [{ usernames: ['ada-lovelace'] }, 'usernames', 'has 1 username; a dynamic group needs at least 2'],
    [{ usernames: 'ada,bob' }, 'usernames', 'expected a list of usernames, got'],
    [{ usernames: ['ada', 'bob'], eventTypeId: 3002 }, 'eventTypeId', 'was given together with usernames'],
  ])('refuses %j before any request', async (target, path, problem) => {
    const client = clientAtFixedTime();
    const error = await client.slots
      .list({ ...target, start: '2026-06-03T13:00:00Z', end: '2026-06-03T14:00:00Z' } as never)
      .catch((caught: unknown) => caught);
    expect(issueOf(error)?.path).toBe(path);
    expect(issueOf(error)?.message.startsWith(problem)).toBe(true);
    expect(sentRequests()).toEqual([]);
  });
});

describe('bookings.reassign', () => {
  async function roundRobinBooking() {
    const client = clientAtFixedTime();
    const { booking } = await client.bookings.create({
      eventTypeId: 4001,
      start: '2026-06-03T13:00:00Z',
      attendee: ATTENDEE,
    });
    return { client, uid: booking.uid };
  }

  it('lets Cal.com pick the new host, then moves it to a chosen one with a reason', async () => {
    const { client, uid } = await roundRobinBooking();
    expect(await client.bookings.reassign(uid)).toEqual({
      bookingUid: uid,
      reassignedTo: { id: 1002, name: 'Charles Babbage', email: 'charles@example.com' },
      verifiedByReadBack: false,
    });
    const chosen = await client.bookings.reassign(uid, { userId: 1001, reason: 'Charles is away' });
    expect(chosen.reassignedTo.id).toBe(1001);
    const posts = sentRequests().filter((request) => request.path.includes('/reassign'));
    expect(posts.map((request) => [request.path, request.body])).toEqual([
      [`/v2/bookings/${uid}/reassign`, undefined],
      [`/v2/bookings/${uid}/reassign/1001`, { reason: 'Charles is away' }],
    ]);
  });

  it('reads the booking back after a lost answer and reports the new host (D7)', async () => {
    const { client, uid } = await roundRobinBooking();
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/reassign`,
      times: 1,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = await client.bookings.reassign(uid);
    expect(result).toEqual({
      bookingUid: uid,
      reassignedTo: { id: 1002, name: 'Charles Babbage', email: 'charles@example.com' },
      verifiedByReadBack: true,
    });
    expect(
      sentRequests().filter((request) => request.method === 'POST' && request.path.includes('/reassign')),
    ).toHaveLength(1);
  });

  it('reads a chosen host back after a lost answer (D7)', async () => {
    const { client, uid } = await roundRobinBooking();
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/reassign/1002`,
      times: 1,
      fault: { type: 'commit-then-fail', outcome: 'reset' },
    });
    expect(await client.bookings.reassign(uid, { userId: 1002, reason: 'Ada is away' })).toEqual({
      bookingUid: uid,
      reassignedTo: { id: 1002, name: 'Charles Babbage', email: 'charles@example.com' },
      verifiedByReadBack: true,
    });
  });

  it('says the outcome is unknown when the answer is lost and the booking shows no new host', async () => {
    const { client, uid } = await roundRobinBooking();
    server.use(respondOnce('POST', `/v2/bookings/${uid}/reassign`, 500, { status: 'error' }));
    const error = await client.bookings.reassign(uid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).message).toBe(
      `The reassignment of booking ${uid} failed after it was sent, and the booking shows no new host yet, so it may or may not have moved. Check with bookings.get("${uid}"): if its host changed, the reassignment happened; otherwise reassign again.`,
    );
  });

  it('passes on Cal.com’s refusal of a booking that is not round-robin', async () => {
    const client = clientAtFixedTime();
    const uid = simulator().state.bookings.find((booking) => booking.eventTypeId === 3002)?.uid ?? '';
    const error = await client.bookings.reassign(uid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect([(error as InputError).status, (error as Error).message.includes('is not a round-robin booking')]).toEqual([
      400,
      true,
    ]);
  });

  it.each([
    [{ reason: 'Away' }, 'reason', "is sent only with userId: Cal.com's automatic reassignment takes no reason"],
    [{ userId: 0 }, 'userId', ''],
    [{ userId: 1002, reason: 7 }, 'reason', ''],
  ])('refuses %j before any request', async (params, path, problem) => {
    const client = clientAtFixedTime();
    const error = await client.bookings.reassign('abc123', params as never).catch((caught: unknown) => caught);
    expect(issueOf(error)?.path).toBe(path);
    expect(issueOf(error)?.message.startsWith(problem)).toBe(true);
    expect(sentRequests()).toEqual([]);
  });
});
