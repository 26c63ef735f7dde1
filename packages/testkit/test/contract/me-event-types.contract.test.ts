import { describe, expect, it } from 'vitest';
import type { EventTypeOutput, MeOutput, TeamEventTypeOutput } from '../../src/index';
import { createContractHarness, dataOf, expectGroupCovered, VERSIONS } from './simulator-harness';

describe('simulator /v2/me against the contract', () => {
  const harness = createContractHarness();

  it('GET /v2/me returns the default user', async () => {
    const me = dataOf<MeOutput>(await harness.expectValid({ method: 'GET', path: '/v2/me' }, 200));
    expect(me).toMatchObject({ id: 1001, timeZone: 'Europe/Berlin' });
  });

  it('PATCH /v2/me changes the time zone and time format', async () => {
    const me = dataOf<MeOutput>(
      await harness.expectValid(
        { method: 'PATCH', path: '/v2/me', body: { timeZone: 'America/New_York', timeFormat: 12 } },
        200,
      ),
    );
    expect(me).toMatchObject({ timeZone: 'America/New_York', timeFormat: 12 });
  });

  it('covers every /v2/me route', () => {
    expectGroupCovered(harness, 'me');
  });
});

describe('simulator /v2/event-types against the contract', () => {
  const harness = createContractHarness();
  const version = VERSIONS.eventTypes;

  it('GET /v2/event-types lists the own event types, hidden ones included', async () => {
    const list = dataOf<EventTypeOutput[]>(
      await harness.expectValid({ method: 'GET', path: '/v2/event-types', version }, 200),
    );
    expect(list.map((eventType) => eventType.id)).toEqual([3001, 3002, 3003, 3004, 3005, 3006, 3007]);
  });

  it('GET /v2/event-types?username= lists the public event types of a user without a key', async () => {
    const list = dataOf<EventTypeOutput[]>(
      await harness.expectValid(
        { method: 'GET', path: '/v2/event-types?username=ada-lovelace', version, key: null },
        200,
      ),
    );
    expect(list.map((eventType) => eventType.id)).toEqual([3001, 3002, 3003, 3005, 3006, 3007]);
  });

  it('GET /v2/event-types?username=&eventSlug= finds one event type', async () => {
    const list = dataOf<EventTypeOutput[]>(
      await harness.expectValid(
        { method: 'GET', path: '/v2/event-types?username=ada-lovelace&eventSlug=consultation', version },
        200,
      ),
    );
    expect(list.map((eventType) => eventType.slug)).toEqual(['consultation']);
  });

  it('GET /v2/event-types/{id} returns one event type', async () => {
    const eventType = dataOf<EventTypeOutput>(
      await harness.expectValid({ method: 'GET', path: '/v2/event-types/3002', version }, 200),
    );
    expect(eventType).toMatchObject({ id: 3002, lengthInMinutes: 30, slug: 'thirty-minutes' });
  });

  let createdId = 0;
  it('POST /v2/event-types creates an event type', async () => {
    const eventType = dataOf<EventTypeOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/event-types',
          version,
          body: {
            lengthInMinutes: 45,
            title: 'Office hour',
            slug: 'office-hour',
            description: 'Questions welcome',
            minimumBookingNotice: 120,
            confirmationPolicy: { type: 'always', blockUnconfirmedBookingsInBooker: false },
          },
        },
        201,
      ),
    );
    expect(eventType).toMatchObject({ lengthInMinutes: 45, slug: 'office-hour', minimumBookingNotice: 120 });
    createdId = eventType.id;
  });

  it('PATCH /v2/event-types/{id} updates it', async () => {
    const eventType = dataOf<EventTypeOutput>(
      await harness.expectValid(
        {
          method: 'PATCH',
          path: `/v2/event-types/${createdId}`,
          version,
          body: { title: 'Office hours', hidden: true },
        },
        200,
      ),
    );
    expect(eventType).toMatchObject({ id: createdId, title: 'Office hours', hidden: true });
  });

  it('DELETE /v2/event-types/{id} deletes it', async () => {
    const deleted = await harness.expectValid({ method: 'DELETE', path: `/v2/event-types/${createdId}`, version }, 200);
    expect(deleted).toEqual({
      status: 'success',
      data: { id: createdId, lengthInMinutes: 45, title: 'Office hours', slug: 'office-hour' },
    });
  });

  it('GET /v2/teams/{teamId}/event-types lists team event types without a key', async () => {
    const list = dataOf<TeamEventTypeOutput[]>(
      await harness.expectValid({ method: 'GET', path: '/v2/teams/5001/event-types', key: null }, 200),
    );
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((eventType) => eventType.teamId === 5001)).toBe(true);
  });

  it('covers every /v2/event-types route', () => {
    expectGroupCovered(harness, 'eventTypes');
  });
});
