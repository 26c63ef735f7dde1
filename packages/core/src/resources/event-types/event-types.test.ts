import { notFound } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server, simulator } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComNotFoundError, CalComServerError } from '../../errors/api-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';

const ME = { method: 'GET', path: '/v2/me', query: {}, version: undefined, body: undefined };
const OWN_LIST = {
  method: 'GET',
  path: '/v2/event-types',
  query: { username: 'ada-lovelace' },
  version: '2024-06-14',
  body: undefined,
};

describe('eventTypes.list', () => {
  it("lists the user's own event types, hidden ones included", async () => {
    const client = createTestClient();
    const eventTypes = await client.eventTypes.list();
    expect(eventTypes.map((eventType) => [eventType.id, eventType.slug, eventType.hidden])).toEqual([
      [3001, 'fifteen-minutes', false],
      [3002, 'thirty-minutes', false],
      [3003, 'consultation', false],
      [3004, 'private-session', true],
      [3005, 'weekly-coaching', false],
      [3006, 'group-workshop', false],
      [3007, 'discovery-call', false],
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
    expect(await client.eventTypes.list({ ownerId: 1001 })).toHaveLength(7);
  });

  it("lists another user's public event types by username", async () => {
    const client = createTestClient();
    const eventTypes = await client.eventTypes.list({ username: 'charles-babbage' });
    expect(eventTypes.map((eventType) => eventType.slug)).toEqual(['intro']);
    expect(await client.eventTypes.list({ username: 'charles-babbage', ownerId: 1001 })).toEqual([]);
    expect(sentRequests()[0]).toEqual({ ...OWN_LIST, query: { username: 'charles-babbage' } });
  });

  it("lists a team's event types without a version header", async () => {
    const client = createTestClient();
    const eventTypes = await client.eventTypes.list({ teamId: 5001 });
    expect(eventTypes.length).toBeGreaterThan(0);
    expect(eventTypes.every((eventType) => eventType.teamId === 5001)).toBe(true);
    expect(eventTypes[0]?.hosts.length).toBeGreaterThan(0);
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/teams/5001/event-types', query: {}, version: undefined, body: undefined },
    ]);
  });

  it('refuses an owner id of someone else', async () => {
    const client = createTestClient();
    const error = await client.eventTypes.list({ ownerId: 1002 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues[0]?.path).toBe('ownerId');
    expect((error as Error).message).toContain('ask by username instead');
    expect(sentRequests()).toEqual([ME]);
  });

  it.each([
    [{ teamId: 0 }, 'teamId'],
    [{ ownerId: 1.5 }, 'ownerId'],
    [{ username: '' }, 'username'],
  ])('refuses bad filters %j without sending', async (filters, path) => {
    const client = createTestClient();
    const error = await client.eventTypes.list(filters).catch((caught: unknown) => caught);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect(sentRequests()).toEqual([]);
  });
});

describe('eventTypes.get', () => {
  it('gets one event type', async () => {
    const client = createTestClient();
    expect(await client.eventTypes.get(3003)).toMatchObject({
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
    await expect(client.eventTypes.get(999_999)).rejects.toBeInstanceOf(CalComNotFoundError);
  });

  it('maps a 404 envelope from Cal.com', async () => {
    server.use(respondOnce('GET', '/v2/event-types/3001', 404, notFound('Event type with id 3001 not found.')));
    const client = createTestClient();
    const error = await client.eventTypes.get(3001).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComNotFoundError);
    expect((error as CalComNotFoundError).status).toBe(404);
  });
});

describe('eventTypes.create', () => {
  it('checks the slug is free, then creates the event type', async () => {
    const client = createTestClient();
    const created = await client.eventTypes.create({
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
    const error = await client.eventTypes
      .create({ title: 'Another', slug: 'consultation', lengthInMinutes: 30 })
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
    const error = await client.eventTypes.create(input as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect(sentRequests()).toEqual([]);
  });

  it('refuses a non-object input', async () => {
    const client = createTestClient();
    await expect(client.eventTypes.create(undefined as never)).rejects.toThrow('Invalid input');
  });
});

describe('eventTypes.update', () => {
  it('sends only the changed fields', async () => {
    const client = createTestClient();
    const updated = await client.eventTypes.update(3002, { title: '30 min chat', lengthInMinutes: 25 });
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
    expect(await client.eventTypes.update(3002, { slug: 'thirty-minutes', scheduleId: 2001 })).toMatchObject({
      id: 3002,
    });
    await expect(client.eventTypes.update(3002, { slug: 'consultation' })).rejects.toThrow(
      'already used by your event type 3003',
    );
  });

  it('refuses an empty patch, a bad id and a non-object patch', async () => {
    const client = createTestClient();
    await expect(client.eventTypes.update(3002, {})).rejects.toThrow('No event type changes given');
    await expect(client.eventTypes.update(-3, { title: 'x' })).rejects.toThrow('Invalid id');
    await expect(client.eventTypes.update(3002, null as never)).rejects.toThrow('Invalid patch');
    expect(sentRequests()).toEqual([]);
  });
});

describe('eventTypes.delete', () => {
  it('deletes the event type', async () => {
    const client = createTestClient();
    await expect(client.eventTypes.delete(3001)).resolves.toBeUndefined();
    expect(simulator().state.eventTypes.some((eventType) => eventType.id === 3001)).toBe(false);
    expect(sentRequests()).toEqual([
      { method: 'DELETE', path: '/v2/event-types/3001', query: {}, version: '2024-06-14', body: undefined },
    ]);
  });

  it('throws CalComNotFoundError when it does not exist', async () => {
    const client = createTestClient();
    await expect(client.eventTypes.delete(424_242)).rejects.toBeInstanceOf(CalComNotFoundError);
  });
});

describe('event type writes after an ambiguous failure', () => {
  const V = '2024-06-14';
  const calls = () => sentRequests().map((request) => `${request.method} ${request.path}`);
  const withSlug = (slug: string) => simulator().state.eventTypes.filter((eventType) => eventType.slug === slug);

  it.each(['server-error', 'reset'] as const)(
    'returns the event type a create made before failing (%s), looked up by its slug, and sends it once',
    async (outcome) => {
      const client = createTestClient();
      simulator().faults.add({
        method: 'POST',
        path: '/v2/event-types',
        fault: { type: 'commit-then-fail', outcome },
      });
      const created = await client.eventTypes.create({
        title: 'Office hours',
        slug: 'office-hours',
        lengthInMinutes: 20,
      });
      expect(created).toMatchObject({
        title: 'Office hours',
        slug: 'office-hours',
        lengthInMinutes: 20,
        ownerId: 1001,
      });
      expect(withSlug('office-hours').map((eventType) => eventType.id)).toEqual([created.id]);
      expect(sentRequests()).toEqual([
        ME,
        OWN_LIST,
        {
          method: 'POST',
          path: '/v2/event-types',
          query: {},
          version: V,
          body: { title: 'Office hours', slug: 'office-hours', lengthInMinutes: 20 },
        },
        OWN_LIST,
      ]);
    },
  );

  it('never sends a create again: CalComUnknownOutcomeError says how to check when nothing was made', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'POST', path: '/v2/event-types', times: 1, fault: { type: 'server-error' } });
    const error = await client.eventTypes
      .create({ title: 'Office hours', slug: 'office-hours', lengthInMinutes: 20 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      'Check with eventTypes.list() for the slug "office-hours" before creating it again.',
    );
    expect(withSlug('office-hours')).toEqual([]);
    expect(calls().filter((call) => call.startsWith('POST'))).toHaveLength(1);
  });

  it('returns an update Cal.com applied before failing, read back, without sending it again', async () => {
    const client = createTestClient();
    simulator().faults.add({
      method: 'PATCH',
      path: '/v2/event-types/3002',
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const updated = await client.eventTypes.update(3002, { title: 'Pair session', lengthInMinutesOptions: [30, 45] });
    expect(updated).toMatchObject({ id: 3002, title: 'Pair session', lengthInMinutesOptions: [30, 45] });
    expect(calls()).toEqual(['PATCH /v2/event-types/3002', 'GET /v2/event-types/3002']);
  });

  it('sends an update again when reading back shows it was not applied, and throws the server error at last', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'PATCH', path: '/v2/event-types/3002', fault: { type: 'server-error' } });
    const error = await client.eventTypes
      .update(3002, { title: 'Pair session' }, { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComServerError);
    expect(simulator().state.eventTypes.find((eventType) => eventType.id === 3002)?.title).not.toBe('Pair session');
    expect(calls()).toEqual([
      'PATCH /v2/event-types/3002',
      'GET /v2/event-types/3002',
      'PATCH /v2/event-types/3002',
      'GET /v2/event-types/3002',
    ]);
  });

  it('throws a refusal of the second update as it is: a PATCH refused is not our earlier one landing', async () => {
    const client = createTestClient();
    simulator().faults.add({
      method: 'PATCH',
      path: '/v2/event-types/3002',
      times: 1,
      fault: { type: 'server-error' },
    });
    // Cal.com refuses options that leave out the event type's length (30).
    const error = await client.eventTypes
      .update(3002, { lengthInMinutesOptions: [45, 60] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).status).toBe(400);
    expect(calls()).toEqual(['PATCH /v2/event-types/3002', 'GET /v2/event-types/3002', 'PATCH /v2/event-types/3002']);
  });

  it('says the outcome of an update is unknown when every attempt breaks off unapplied', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'PATCH', path: '/v2/event-types/3002', fault: { type: 'reset' } });
    const error = await client.eventTypes
      .update(3002, { title: 'Pair session', hidden: true }, { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      'Check with eventTypes.get(3002) whether title, hidden have the new values; otherwise update it again.',
    );
  });

  it.each(['server-error', 'hang'] as const)(
    'reports a delete Cal.com made before failing (%s) as done: reading back answers 404',
    async (outcome) => {
      const client = createTestClient();
      simulator().faults.add({
        method: 'DELETE',
        path: '/v2/event-types/3001',
        fault: { type: 'commit-then-fail', outcome },
      });
      await expect(client.eventTypes.delete(3001, { timeoutMs: 300 })).resolves.toBeUndefined();
      expect(simulator().state.eventTypes.some((eventType) => eventType.id === 3001)).toBe(false);
      expect(calls()).toEqual(['DELETE /v2/event-types/3001', 'GET /v2/event-types/3001']);
    },
  );

  it('deletes with a second request once reading back shows the event type is still there', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'DELETE', path: '/v2/event-types/3001', times: 1, fault: { type: 'html-502' } });
    await client.eventTypes.delete(3001);
    expect(calls()).toEqual(['DELETE /v2/event-types/3001', 'GET /v2/event-types/3001', 'DELETE /v2/event-types/3001']);
  });

  it('takes a 404 to the second delete as the first one landing late, and reports it deleted', async () => {
    const client = createTestClient();
    let deletes = 0;
    server.use(
      http.delete('https://api.cal.com/v2/event-types/3001', async ({ request }) => {
        deletes += 1;
        if (deletes === 1) return HttpResponse.json({ statusCode: 502, message: 'Bad Gateway' }, { status: 502 });
        // The first delete is applied only now, just before the second one arrives, which Cal.com answers 404.
        await simulator().handle(request.clone());
        const result = await simulator().handle(request);
        return result instanceof Response ? result : HttpResponse.error();
      }),
    );
    await expect(client.eventTypes.delete(3001, { maxRetries: 0 })).resolves.toBeUndefined();
    expect(deletes).toBe(2);
    expect(calls()).toEqual([
      'GET /v2/event-types/3001',
      'DELETE /v2/event-types/3001',
      'DELETE /v2/event-types/3001',
      'GET /v2/event-types/3001',
    ]);
  });

  it('says the outcome of a delete is unknown when the event type cannot be read back', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'DELETE', path: '/v2/event-types/3001', fault: { type: 'malformed-json' } });
    simulator().faults.add({ method: 'GET', path: '/v2/event-types/3001', fault: { type: 'server-error' } });
    const error = await client.eventTypes.delete(3001, { maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      'Check with eventTypes.get(3001): CalComNotFoundError means it is deleted; otherwise delete it again.',
    );
  });
});
