import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import { createCalComSimulator } from '../create-simulator';
import { SECOND_API_KEY } from '../seed';
import type { CalComSimulator } from '../types';

// Wednesday; Thursday 2026-03-26 Ada (Berlin, UTC+1) works 08:00–16:00Z and Charles (New York, UTC−4) 13:00–21:00Z.
// After Berlin moves to UTC+2 (Monday 2026-03-30: Ada 07:00–15:00Z) both hosts share the 45-minute grid at 13:00Z and 13:45Z.
const NOW = new Date('2026-03-25T06:00:00.000Z');
const SLOTS = { version: '2024-09-04', key: null };
const BOOKINGS = { version: '2024-08-13' };
const DAY = 'start=2026-03-26&end=2026-03-26';
const ATTENDEE = { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' };

function simulator(): CalComSimulator {
  return createCalComSimulator({ now: () => NOW });
}

async function slotTimes(sim: CalComSimulator, query: string): Promise<string[]> {
  const result = await callSimulator(sim, 'GET', `/v2/slots?${query}`, SLOTS);
  expect(result.status).toBe(200);
  const data = (result.json as { data: Record<string, { start: string }[]> }).data;
  return Object.values(data)
    .flat()
    .map((slot) => slot.start.slice(11, 16));
}

async function book(sim: CalComSimulator, body: Record<string, unknown>) {
  return callSimulator(sim, 'POST', '/v2/bookings', { ...BOOKINGS, key: null, body: { attendee: ATTENDEE, ...body } });
}

function hostIds(json: unknown): number[] {
  return (json as { data: { hosts: { id: number }[] } }).data.hosts.map((host) => host.id);
}

function uidOf(json: unknown): string {
  return (json as { data: { uid: string } }).data.uid;
}

function message(json: unknown): string {
  return (json as { error: { message: string } }).error.message;
}

describe('team slots', () => {
  it('gives a collective event only the times every host is free, by slug and team slug or by id', async () => {
    const sim = simulator();
    expect(await slotTimes(sim, `eventTypeId=3002&${DAY}`)).toEqual([
      '08:00',
      '08:30',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
      '14:30',
      '15:00',
      '15:30',
    ]);
    expect(await slotTimes(sim, `eventTypeSlug=team-sync&teamSlug=analytical-engines&${DAY}`)).toEqual([
      '14:30',
      '15:00',
      '15:30',
    ]);
    expect(await slotTimes(sim, `eventTypeId=4002&${DAY}`)).toEqual(['14:30', '15:00', '15:30']);
  });

  it('gives a round-robin event the times any host is free', async () => {
    expect(await slotTimes(simulator(), `eventTypeSlug=team-demo&teamSlug=analytical-engines&${DAY}`)).toEqual([
      '08:00',
      '09:30',
      '10:15',
      '11:00',
      '11:45',
      '13:00',
      '13:45',
      '14:30',
      '14:45',
      '15:15',
      '16:00',
      '16:45',
      '17:30',
      '18:15',
      '19:45',
    ]);
  });

  it('gives a dynamic group (usernames, at least 2) the times all are free, 30 minutes unless a duration is given', async () => {
    const sim = simulator();
    expect(await slotTimes(sim, `usernames=ada-lovelace,charles-babbage&${DAY}`)).toEqual(['14:30', '15:00', '15:30']);
    expect(await slotTimes(sim, `usernames=ada-lovelace,charles-babbage&duration=60&${DAY}`)).toEqual(['15:00']);
  });

  it.each([
    [
      `usernames=ada-lovelace&${DAY}`,
      400,
      'usernames must name at least 2 users separated by a comma (a dynamic group); for one user pass eventTypeSlug with username.',
    ],
    [`usernames=ada-lovelace,nobody&${DAY}`, 404, 'usernames: user with username nobody not found.'],
    [
      `eventTypeSlug=team-sync&teamSlug=analytical-engines&organizationSlug=acme&${DAY}`,
      400,
      'organizationSlug: the simulator models no organizations, so organizationSlug=acme cannot be resolved. Leave it out.',
    ],
    [`eventTypeSlug=team-sync&teamSlug=nope&${DAY}`, 404, 'Team with slug nope not found'],
    [
      `eventTypeSlug=nope&teamSlug=analytical-engines&${DAY}`,
      404,
      'Event type with slug nope belonging to team analytical-engines not found.',
    ],
    [
      DAY,
      400,
      'Either eventTypeId, eventTypeSlug with username or teamSlug, or usernames (at least 2) must be provided.',
    ],
  ])('refuses %s', async (query, status, text) => {
    const result = await callSimulator(simulator(), 'GET', `/v2/slots?${query}`, SLOTS);
    expect({ status: result.status, message: message(result.json) }).toEqual({ status, message: text });
  });

  it('reserves a slot of a team event type', async () => {
    const result = await callSimulator(simulator(), 'POST', '/v2/slots/reservations', {
      ...SLOTS,
      body: { eventTypeId: 4002, slotStart: '2026-03-26T15:00:00.000Z' },
    });
    expect(result.status).toBe(201);
    const busy = await callSimulator(simulator(), 'POST', '/v2/slots/reservations', {
      ...SLOTS,
      body: { eventTypeId: 4002, slotStart: '2026-03-26T08:00:00.000Z' },
    });
    expect(busy.status).toBe(422);
  });
});

describe('team bookings', () => {
  it('assigns a round-robin booking to a free host, the one with the fewest bookings of the event type, then the lower id', async () => {
    const sim = simulator();
    const onlyAda = await book(sim, { eventTypeId: 4001, start: '2026-03-26T08:00:00.000Z' });
    expect(onlyAda.status).toBe(201);
    expect(hostIds(onlyAda.json)).toEqual([1001]);
    const both = await book(sim, {
      eventTypeSlug: 'team-demo',
      teamSlug: 'analytical-engines',
      start: '2026-03-30T13:00:00.000Z',
    });
    expect(hostIds(both.json)).toEqual([1002]);
    const tie = await book(sim, { eventTypeId: 4001, start: '2026-03-30T13:45:00.000Z' });
    expect(hostIds(tie.json)).toEqual([1001]);
    const onlyCharles = await book(sim, { eventTypeId: 4001, start: '2026-03-26T17:30:00.000Z' });
    expect(hostIds(onlyCharles.json)).toEqual([1002]);
    expect((onlyCharles.json as { data: { eventTypeId: number } }).data.eventTypeId).toBe(4001);
  });

  it('books a collective event with every host, and refuses a time when one host is busy', async () => {
    const sim = simulator();
    const ok = await book(sim, {
      eventTypeSlug: 'team-sync',
      teamSlug: 'analytical-engines',
      start: '2026-03-26T15:00:00.000Z',
    });
    expect(ok.status).toBe(201);
    expect(hostIds(ok.json)).toEqual([1001, 1002]);
    expect(await slotTimes(sim, `eventTypeId=4002&${DAY}`)).toEqual(['14:30', '15:30']);
    const busy = await book(sim, { eventTypeId: 4002, start: '2026-03-26T08:00:00.000Z' });
    expect({ status: busy.status, message: message(busy.json) }).toEqual({
      status: 400,
      message: 'User either already has booking at this time or is not available',
    });
  });

  it.each([
    [{ eventTypeSlug: 'team-sync', teamSlug: 'nope' }, 404, 'Team with slug nope not found'],
    [
      { eventTypeSlug: 'team-sync', teamSlug: 'analytical-engines', organizationSlug: 'acme' },
      400,
      'organizationSlug: the simulator models no organizations, so organizationSlug=acme cannot be resolved. Leave it out.',
    ],
  ])('refuses %j', async (body, status, text) => {
    const result = await book(simulator(), { ...body, start: '2026-03-26T15:00:00.000Z' });
    expect({ status: result.status, message: message(result.json) }).toEqual({ status, message: text });
  });

  it('reschedules a team booking, keeping it a team booking', async () => {
    const sim = simulator();
    const created = await book(sim, { eventTypeId: 4002, start: '2026-03-26T15:00:00.000Z' });
    const moved = await callSimulator(sim, 'POST', `/v2/bookings/${uidOf(created.json)}/reschedule`, {
      ...BOOKINGS,
      body: { start: '2026-03-26T15:30:00.000Z' },
    });
    expect(moved.status).toBe(201);
    expect(hostIds(moved.json)).toEqual([1001, 1002]);
  });
});

describe('reassigning a round-robin booking', () => {
  async function roundRobin(sim: CalComSimulator, start = '2026-03-30T13:00:00.000Z'): Promise<string> {
    return uidOf((await book(sim, { eventTypeId: 4001, start })).json);
  }

  it('moves it to another free host automatically, and back', async () => {
    const sim = simulator();
    const uid = await roundRobin(sim);
    const first = await callSimulator(sim, 'POST', `/v2/bookings/${uid}/reassign`, BOOKINGS);
    expect(first.json).toEqual({
      status: 'success',
      data: {
        bookingUid: uid,
        reassignedTo: {
          id: 1002,
          name: 'Charles Babbage',
          email: 'charles@example.com',
          displayEmail: 'charles@example.com',
        },
      },
    });
    const stored = sim.state.bookings.find((booking) => booking.uid === uid);
    expect(stored?.hosts.map((host) => host.id)).toEqual([1002]);
    const back = await callSimulator(sim, 'POST', `/v2/bookings/${uid}/reassign`, { ...BOOKINGS, key: SECOND_API_KEY });
    expect((back.json as { data: { reassignedTo: { id: number } } }).data.reassignedTo.id).toBe(1001);
  });

  it('moves it to a chosen host', async () => {
    const sim = simulator();
    const uid = await roundRobin(sim);
    const result = await callSimulator(sim, 'POST', `/v2/bookings/${uid}/reassign/1002`, {
      ...BOOKINGS,
      body: { reason: 'Ada is travelling' },
    });
    expect(result.status).toBe(200);
    expect((result.json as { data: { reassignedTo: { id: number } } }).data.reassignedTo.id).toBe(1002);
  });

  it('refuses when no other host is free, or the chosen user is busy, already the host or not a host', async () => {
    const sim = simulator();
    const onlyAda = await roundRobin(sim, '2026-03-26T08:00:00.000Z');
    const auto = await callSimulator(sim, 'POST', `/v2/bookings/${onlyAda}/reassign`, BOOKINGS);
    expect({ status: auto.status, message: message(auto.json) }).toEqual({
      status: 400,
      message: 'No other host of event type 4001 is free at 2026-03-26T08:00:00.000Z; the booking keeps its host.',
    });
    const busy = await callSimulator(sim, 'POST', `/v2/bookings/${onlyAda}/reassign/1002`, BOOKINGS);
    expect(message(busy.json)).toBe('User either already has booking at this time or is not available');
    const same = await callSimulator(sim, 'POST', `/v2/bookings/${onlyAda}/reassign/1001`, BOOKINGS);
    expect(message(same.json)).toBe(`User with id=1001 already hosts booking with uid=${onlyAda}.`);
    const stranger = await callSimulator(sim, 'POST', `/v2/bookings/${onlyAda}/reassign/abc`, BOOKINGS);
    expect({ status: stranger.status, message: message(stranger.json) }).toEqual({
      status: 400,
      message: 'userId abc is not a host of event type 4001; pick one of 1001, 1002.',
    });
  });

  it('refuses personal, cancelled, unknown and anonymous reassignments', async () => {
    const sim = simulator();
    const personal = sim.state.bookings.find((booking) => booking.eventTypeId === 3002)?.uid ?? '';
    const notRoundRobin = await callSimulator(sim, 'POST', `/v2/bookings/${personal}/reassign`, BOOKINGS);
    expect({ status: notRoundRobin.status, message: message(notRoundRobin.json) }).toEqual({
      status: 400,
      message: `Booking with uid=${personal} is not a round-robin booking; only bookings of round-robin team event types can be reassigned.`,
    });
    const uid = await roundRobin(sim);
    await callSimulator(sim, 'POST', `/v2/bookings/${uid}/cancel`, { ...BOOKINGS, body: {} });
    const cancelled = await callSimulator(sim, 'POST', `/v2/bookings/${uid}/reassign`, BOOKINGS);
    expect(message(cancelled.json)).toBe(
      `Booking with uid=${uid} is cancelled; only active bookings can be reassigned.`,
    );
    expect((await callSimulator(sim, 'POST', '/v2/bookings/nope/reassign', BOOKINGS)).status).toBe(404);
    expect((await callSimulator(sim, 'POST', `/v2/bookings/${uid}/reassign`, { ...BOOKINGS, key: null })).status).toBe(
      401,
    );
  });
});

describe('booking list filters by team and update time', () => {
  it('keeps only bookings of the given teams (teamId, teamsIds) and refuses a malformed teamsIds', async () => {
    const sim = simulator();
    const uid = uidOf((await book(sim, { eventTypeId: 4002, start: '2026-03-26T15:00:00.000Z' })).json);
    const list = async (query: string) =>
      callSimulator(sim, 'GET', `/v2/bookings?${query}`, BOOKINGS).then((result) =>
        (result.json as { data: { uid: string }[] }).data.map((booking) => booking.uid),
      );
    expect(await list('teamId=5001')).toEqual([uid]);
    expect(await list('teamsIds=5002,5001')).toEqual([uid]);
    expect(await list('teamsIds=5002')).toEqual([]);
    expect((await list('')).length).toBeGreaterThan(1);
    const bad = await callSimulator(sim, 'GET', '/v2/bookings?teamsIds=5001,x', BOOKINGS);
    expect({ status: bad.status, message: message(bad.json) }).toEqual({
      status: 400,
      message: 'teamsIds must be team ids separated by a comma (e.g. 50,60); "x" is not an id.',
    });
    expect((await callSimulator(sim, 'GET', '/v2/bookings?teamId=x', BOOKINGS)).status).toBe(400);
  });

  it('filters by afterUpdatedAt and beforeUpdatedAt', async () => {
    let now = NOW;
    const sim = createCalComSimulator({ now: () => now });
    const uid = uidOf((await book(sim, { eventTypeId: 4001, start: '2026-03-30T13:00:00.000Z' })).json);
    now = new Date('2026-03-25T07:00:00.000Z');
    await callSimulator(sim, 'POST', `/v2/bookings/${uid}/reassign`, BOOKINGS);
    const list = async (query: string) =>
      callSimulator(sim, 'GET', `/v2/bookings?${query}`, { ...BOOKINGS, key: SECOND_API_KEY }).then((result) =>
        (result.json as { data: { uid: string }[] }).data.map((booking) => booking.uid),
      );
    expect(await list('afterUpdatedAt=2026-03-25T06:30:00.000Z')).toEqual([uid]);
    expect(await list('beforeUpdatedAt=2026-03-25T06:30:00.000Z')).not.toContain(uid);
    expect((await list('beforeUpdatedAt=2026-03-25T07:00:00.000Z')).includes(uid)).toBe(true);
  });
});

describe('event type list parameters', () => {
  const V = { version: '2024-06-14' };

  it.each([
    [
      'usernames=ada-lovelace,charles-babbage',
      'usernames: the simulator does not model the dynamic group event type; ask GET /v2/slots?usernames=a,b for the free slots of a group instead.',
    ],
    ['orgSlug=acme', 'orgSlug: the simulator models no organizations. Leave orgSlug out.'],
    ['orgId=7', 'orgId: the simulator models no organizations. Leave orgId out.'],
  ])('refuses %s with a 400 naming it', async (query, text) => {
    const result = await callSimulator(simulator(), 'GET', `/v2/event-types?${query}`, V);
    expect({ status: result.status, message: message(result.json) }).toEqual({ status: 400, message: text });
  });

  it('sorts by creation (ids are given in creation order) with sortCreatedAt, personal and team', async () => {
    const ids = async (path: string) =>
      ((await callSimulator(simulator(), 'GET', path, V)).json as { data: { id: number }[] }).data.map(
        (eventType) => eventType.id,
      );
    expect(await ids('/v2/event-types?sortCreatedAt=desc')).toEqual([3007, 3006, 3005, 3004, 3003, 3002, 3001]);
    expect(await ids('/v2/event-types?sortCreatedAt=asc')).toEqual([3001, 3002, 3003, 3004, 3005, 3006, 3007]);
    expect(await ids('/v2/teams/5001/event-types?sortCreatedAt=desc')).toEqual([4002, 4001]);
    expect((await callSimulator(simulator(), 'GET', '/v2/event-types?sortCreatedAt=up', V)).status).toBe(400);
  });

  it('limits the hosts of team event types with hostsLimit', async () => {
    const result = await callSimulator(
      simulator(),
      'GET',
      '/v2/teams/5001/event-types?hostsLimit=1&eventSlug=team-demo',
    );
    expect((result.json as { data: { hosts: { userId: number }[] }[] }).data.map((type) => type.hosts)).toEqual([
      [
        {
          userId: 1001,
          name: 'Ada Lovelace',
          username: 'ada-lovelace',
          avatarUrl: null,
          mandatory: false,
          priority: 'medium',
        },
      ],
    ]);
  });
});
