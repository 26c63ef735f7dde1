import { notFound } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server, simulator } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { CalComNotFoundError } from '../../errors/api-error';
import { CalComValidationError } from '../../errors/validation-error';
import { createTestClient, sentRequests } from '../common/test-client';

const ME = { method: 'GET', path: '/v2/me', query: {}, version: undefined, body: undefined };
const OWN_LIST = {
  method: 'GET',
  path: '/v2/event-types',
  query: { username: 'ada-lovelace' },
  version: '2024-06-14',
  body: undefined,
};

describe('listEventTypes', () => {
  it("lists the user's own event types, hidden ones included", async () => {
    const client = createTestClient();
    const eventTypes = await client.listEventTypes();
    expect(eventTypes.map((eventType) => [eventType.id, eventType.slug, eventType.hidden])).toEqual([
      [3001, 'fifteen-minutes', false],
      [3002, 'thirty-minutes', false],
      [3003, 'consultation', false],
      [3004, 'private-session', true],
    ]);
    expect(eventTypes[0]).toMatchObject({
      title: '15 min meeting',
      lengthInMinutes: 15,
      ownerId: 1001,
      teamId: null,
      users: [{ id: 1001, name: 'Ada Lovelace', username: 'ada-lovelace' }],
    });
    expect(sentRequests()).toEqual([ME, OWN_LIST]);
  });

  it('lists by owner id when it is the authenticated user', async () => {
    const client = createTestClient();
    expect(await client.listEventTypes({ ownerId: 1001 })).toHaveLength(4);
  });

  it("lists another user's public event types by username", async () => {
    const client = createTestClient();
    const eventTypes = await client.listEventTypes({ username: 'charles-babbage' });
    expect(eventTypes.map((eventType) => eventType.slug)).toEqual(['intro']);
    expect(await client.listEventTypes({ username: 'charles-babbage', ownerId: 1001 })).toEqual([]);
    expect(sentRequests()[0]).toEqual({ ...OWN_LIST, query: { username: 'charles-babbage' } });
  });

  it("lists a team's event types without a version header", async () => {
    const client = createTestClient();
    const eventTypes = await client.listEventTypes({ teamId: 5001 });
    expect(eventTypes.length).toBeGreaterThan(0);
    expect(eventTypes.every((eventType) => eventType.teamId === 5001)).toBe(true);
    expect(eventTypes[0]?.hosts.length).toBeGreaterThan(0);
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/teams/5001/event-types', query: {}, version: undefined, body: undefined },
    ]);
  });

  it('refuses an owner id of someone else', async () => {
    const client = createTestClient();
    const error = await client.listEventTypes({ ownerId: 1002 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues[0]?.path).toBe('ownerId');
    expect((error as Error).message).toContain('pass { username } instead');
    expect(sentRequests()).toEqual([ME]);
  });

  it.each([
    [{ teamId: 0 }, 'teamId'],
    [{ ownerId: 1.5 }, 'ownerId'],
    [{ username: '' }, 'username'],
  ])('refuses bad filters %j without sending', async (filters, path) => {
    const client = createTestClient();
    const error = await client.listEventTypes(filters).catch((caught: unknown) => caught);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect(sentRequests()).toEqual([]);
  });
});

describe('getEventType', () => {
  it('gets one event type', async () => {
    const client = createTestClient();
    expect(await client.getEventType(3003)).toMatchObject({
      id: 3003,
      slug: 'consultation',
      lengthInMinutes: 60,
      beforeEventBuffer: 10,
      afterEventBuffer: 10,
    });
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/event-types/3003', query: {}, version: '2024-06-14', body: undefined },
    ]);
  });

  it('throws CalComNotFoundError for an unknown id', async () => {
    const client = createTestClient();
    await expect(client.getEventType(999_999)).rejects.toBeInstanceOf(CalComNotFoundError);
  });

  it('maps a 404 envelope from Cal.com', async () => {
    server.use(respondOnce('GET', '/v2/event-types/3001', 404, notFound('Event type with id 3001 not found.')));
    const client = createTestClient();
    const error = await client.getEventType(3001).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComNotFoundError);
    expect((error as CalComNotFoundError).status).toBe(404);
  });
});

describe('createEventType', () => {
  it('checks the slug is free, then creates the event type', async () => {
    const client = createTestClient();
    const created = await client.createEventType({
      title: 'Deep dive',
      slug: 'deep-dive',
      lengthInMinutes: 90,
      description: 'Long session',
      lengthInMinutesOptions: [60, 90],
      hidden: false,
      minimumBookingNotice: 120,
      beforeEventBuffer: 5,
      afterEventBuffer: 5,
      slotInterval: 30,
    });
    expect(created).toMatchObject({
      title: 'Deep dive',
      slug: 'deep-dive',
      lengthInMinutes: 90,
      ownerId: 1001,
      description: 'Long session',
    });
    expect(simulator().state.eventTypes.filter((eventType) => eventType.slug === 'deep-dive')).toHaveLength(1);
    expect(sentRequests()).toEqual([
      ME,
      OWN_LIST,
      {
        method: 'POST',
        path: '/v2/event-types',
        query: {},
        version: '2024-06-14',
        body: {
          title: 'Deep dive',
          slug: 'deep-dive',
          lengthInMinutes: 90,
          description: 'Long session',
          lengthInMinutesOptions: [60, 90],
          hidden: false,
          minimumBookingNotice: 120,
          beforeEventBuffer: 5,
          afterEventBuffer: 5,
          slotInterval: 30,
        },
      },
    ]);
  });

  it('refuses a slug that is already taken, naming the event type', async () => {
    const client = createTestClient();
    const error = await client
      .createEventType({ title: 'Another', slug: 'consultation', lengthInMinutes: 30 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as Error).message).toBe(
      'Invalid slug: "consultation" is already used by your event type 3003 ("Consultation"). Pick another slug, or update that event type instead. Nothing was sent to Cal.com.',
    );
    expect(sentRequests().map((request) => request.method)).toEqual(['GET', 'GET']);
  });

  it.each([
    [{ title: '', slug: 'a', lengthInMinutes: 30 }, 'title'],
    [{ title: 'A', slug: 'Has Spaces', lengthInMinutes: 30 }, 'slug'],
    [{ title: 'A', slug: 'UPPER', lengthInMinutes: 30 }, 'slug'],
    [{ title: 'A', slug: 'a', lengthInMinutes: 0 }, 'lengthInMinutes'],
    [{ title: 'A', slug: 'a', lengthInMinutes: 1441 }, 'lengthInMinutes'],
    [{ title: 'A', slug: 'a', lengthInMinutes: 30, lengthInMinutesOptions: [] }, 'lengthInMinutesOptions'],
    [{ title: 'A', slug: 'a', lengthInMinutes: 30, lengthInMinutesOptions: [30, 2000] }, 'lengthInMinutesOptions.1'],
    [{ title: 'A', slug: 'a', lengthInMinutes: 30, lengthInMinutesOptions: [15, 45] }, 'lengthInMinutesOptions'],
    [{ title: 'A', slug: 'a', lengthInMinutes: 30, description: 5 }, 'description'],
    [{ title: 'A', slug: 'a', lengthInMinutes: 30, hidden: 'no' }, 'hidden'],
    [{ title: 'A', slug: 'a', lengthInMinutes: 30, beforeEventBuffer: -1 }, 'beforeEventBuffer'],
    [{ title: 'A', slug: 'a', lengthInMinutes: 30, slotInterval: 0 }, 'slotInterval'],
    [{ title: 'A', slug: 'a', lengthInMinutes: 30, scheduleId: 'x' }, 'scheduleId'],
  ])('refuses invalid input %j without sending', async (input, path) => {
    const client = createTestClient();
    const error = await client.createEventType(input as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect(sentRequests()).toEqual([]);
  });

  it('refuses a non-object input', async () => {
    const client = createTestClient();
    await expect(client.createEventType(undefined as never)).rejects.toThrow('Invalid input');
  });
});

describe('updateEventType', () => {
  it('sends only the changed fields', async () => {
    const client = createTestClient();
    const updated = await client.updateEventType(3002, { title: '30 min chat', lengthInMinutes: 25 });
    expect(updated).toMatchObject({ id: 3002, title: '30 min chat', lengthInMinutes: 25, slug: 'thirty-minutes' });
    expect(sentRequests()).toEqual([
      {
        method: 'PATCH',
        path: '/v2/event-types/3002',
        query: {},
        version: '2024-06-14',
        body: { title: '30 min chat', lengthInMinutes: 25 },
      },
    ]);
  });

  it('checks a new slug against the other event types only', async () => {
    const client = createTestClient();
    expect(await client.updateEventType(3002, { slug: 'thirty-minutes', scheduleId: 2001 })).toMatchObject({
      id: 3002,
    });
    await expect(client.updateEventType(3002, { slug: 'consultation' })).rejects.toThrow(
      'already used by your event type 3003',
    );
  });

  it('refuses an empty patch, a bad id and a non-object patch', async () => {
    const client = createTestClient();
    await expect(client.updateEventType(3002, {})).rejects.toThrow('No event type changes given');
    await expect(client.updateEventType(-3, { title: 'x' })).rejects.toThrow('Invalid id');
    await expect(client.updateEventType(3002, null as never)).rejects.toThrow('Invalid patch');
    expect(sentRequests()).toEqual([]);
  });
});

describe('deleteEventType', () => {
  it('deletes the event type', async () => {
    const client = createTestClient();
    await expect(client.deleteEventType(3001)).resolves.toBeUndefined();
    expect(simulator().state.eventTypes.some((eventType) => eventType.id === 3001)).toBe(false);
    expect(sentRequests()).toEqual([
      { method: 'DELETE', path: '/v2/event-types/3001', query: {}, version: '2024-06-14', body: undefined },
    ]);
  });

  it('throws CalComNotFoundError when it does not exist', async () => {
    const client = createTestClient();
    await expect(client.deleteEventType(424_242)).rejects.toBeInstanceOf(CalComNotFoundError);
  });
});
