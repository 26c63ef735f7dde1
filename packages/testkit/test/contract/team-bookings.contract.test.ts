import { describe, expect, it } from 'vitest';
import type { BookingOutput } from '../../src/index';
import { SECOND_API_KEY } from '../../src/simulator/seed';
import { createContractHarness, dataOf, expectGroupCovered, VERSIONS } from './simulator-harness';

// CONTRACT_NOW is Monday 2030-09-02; on Wednesday 09-04 Ada (Berlin, UTC+2) works 07:00–15:00Z, Charles (New York,
// UTC−4) 13:00–21:00Z, so the team's hosts are both free from 13:00Z to 15:00Z.
const ATTENDEE = { name: 'Mary Somerville', email: 'mary@example.com', timeZone: 'Europe/London' };

describe('simulator team bookings against the contract', () => {
  const harness = createContractHarness();
  const version = VERSIONS.bookings;

  it('GET /v2/slots with eventTypeSlug + teamSlug, and with usernames (a dynamic group)', async () => {
    const team = dataOf<Record<string, { start: string }[]>>(
      await harness.expectValid(
        {
          method: 'GET',
          path: '/v2/slots?eventTypeSlug=team-sync&teamSlug=analytical-engines&start=2030-09-04&end=2030-09-04',
          version: VERSIONS.slots,
          key: null,
        },
        200,
      ),
    );
    expect(team['2030-09-04']?.map((slot) => slot.start)).toEqual([
      '2030-09-04T13:00:00.000+00:00',
      '2030-09-04T13:30:00.000+00:00',
      '2030-09-04T14:00:00.000+00:00',
      '2030-09-04T14:30:00.000+00:00',
    ]);
    const group = await harness.expectValid(
      {
        method: 'GET',
        path: '/v2/slots?usernames=ada-lovelace,charles-babbage&start=2030-09-04&end=2030-09-04&duration=60&format=range',
        version: VERSIONS.slots,
        key: null,
      },
      200,
    );
    expect(Object.values(dataOf<Record<string, unknown[]>>(group)).flat()).toHaveLength(2);
  });

  it('POST /v2/bookings books a collective event by eventTypeSlug + teamSlug with every host', async () => {
    const booking = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/bookings',
          version,
          key: null,
          body: {
            start: '2030-09-04T13:00:00.000Z',
            eventTypeSlug: 'team-sync',
            teamSlug: 'analytical-engines',
            attendee: ATTENDEE,
          },
        },
        201,
      ),
    );
    expect(booking.hosts.map((host) => host.id)).toEqual([1001, 1002]);
  });

  let roundRobinUid = '';
  it('POST /v2/bookings books a round-robin team event type by eventTypeId with one host', async () => {
    const booking = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/bookings',
          version,
          key: null,
          body: { start: '2030-09-05T13:45:00.000Z', eventTypeId: 4001, attendee: ATTENDEE },
        },
        201,
      ),
    );
    expect(booking.hosts.map((host) => host.id)).toEqual([1001]);
    roundRobinUid = booking.uid;
  });

  it('POST /v2/bookings/{uid}/reassign moves it to the other host', async () => {
    const result = await harness.expectValid(
      { method: 'POST', path: `/v2/bookings/${roundRobinUid}/reassign`, version },
      200,
    );
    expect(dataOf(result)).toEqual({
      bookingUid: roundRobinUid,
      reassignedTo: {
        id: 1002,
        name: 'Charles Babbage',
        email: 'charles@example.com',
        displayEmail: 'charles@example.com',
      },
    });
  });

  it('POST /v2/bookings/{uid}/reassign/{userId} moves it to the chosen host', async () => {
    const result = await harness.expectValid(
      {
        method: 'POST',
        path: `/v2/bookings/${roundRobinUid}/reassign/1001`,
        version,
        key: SECOND_API_KEY,
        body: { reason: 'Charles is travelling' },
      },
      200,
    );
    expect(dataOf<{ reassignedTo: { id: number } }>(result).reassignedTo.id).toBe(1001);
  });

  it('GET /v2/bookings filters by teamId, teamsIds and the update time', async () => {
    const body = await harness.expectValid(
      {
        method: 'GET',
        path: '/v2/bookings?teamId=5001&teamsIds=5001,5002&afterUpdatedAt=2030-09-01T00:00:00.000Z&beforeUpdatedAt=2030-09-03T00:00:00.000Z',
        version,
      },
      200,
    );
    expect(dataOf<BookingOutput[]>(body).map((booking) => booking.eventTypeId)).toEqual([4002, 4001]);
  });

  it('GET /v2/teams/{teamId}/event-types with hostsLimit and sortCreatedAt, GET /v2/event-types with sortCreatedAt', async () => {
    const team = await harness.expectValid(
      { method: 'GET', path: '/v2/teams/5001/event-types?hostsLimit=1&sortCreatedAt=desc', key: null },
      200,
    );
    expect(dataOf<{ id: number; hosts: unknown[] }[]>(team).map((type) => [type.id, type.hosts.length])).toEqual([
      [4002, 1],
      [4001, 1],
    ]);
    await harness.expectValid(
      { method: 'GET', path: '/v2/event-types?sortCreatedAt=desc', version: VERSIONS.eventTypes },
      200,
    );
  });

  it.each([
    ['POST', '/v2/bookings/nope/reassign', 404],
    ['POST', '/v2/bookings/nope/reassign/1002', 404],
  ] as const)('%s %s answers a contract-valid %i', async (method, path, status) => {
    const exchange = await harness.send({ method, path, version });
    expect({ status: exchange.status, errors: exchange.response.errors }).toEqual({ status, errors: [] });
  });

  it('covers every reassign route', () => {
    expectGroupCovered(harness, 'teamBookings');
  });
});
