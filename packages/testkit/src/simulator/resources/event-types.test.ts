import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import type { EventTypeOutput } from '../../dto/event-type';
import { createCalComSimulator } from '../create-simulator';
import { SECOND_API_KEY } from '../seed';

const V = { version: '2024-06-14' };

function setup() {
  const simulator = createCalComSimulator({ now: () => new Date('2026-03-25T06:00:00.000Z') });
  const call = (method: string, path: string, options: { body?: unknown; key?: string | null } = {}) =>
    callSimulator(simulator, method, path, { ...V, ...options });
  return { simulator, call };
}

const slugs = (json: unknown) => (json as { data: EventTypeOutput[] }).data.map((eventType) => eventType.slug);

describe('event types', () => {
  it('lists the own event types including hidden ones', async () => {
    const { call } = setup();
    const result = await call('GET', '/v2/event-types');
    expect(slugs(result.json)).toEqual([
      'fifteen-minutes',
      'thirty-minutes',
      'consultation',
      'private-session',
      'weekly-coaching',
      'group-workshop',
      'discovery-call',
    ]);
    expect((result.json as { data: EventTypeOutput[] }).data[2]).toMatchObject({
      id: 3003,
      lengthInMinutes: 60,
      beforeEventBuffer: 10,
      afterEventBuffer: 10,
      confirmationPolicy: { type: 'always', blockUnconfirmedBookingsInBooker: true },
      ownerId: 1001,
      users: [{ id: 1001, username: 'ada-lovelace' }],
      bookingUrl: 'https://cal.com/ada-lovelace/consultation',
    });
  });

  it('lists by username without hidden ones for others, and filters by eventSlug', async () => {
    const { call } = setup();
    expect(slugs((await call('GET', '/v2/event-types?username=ada-lovelace', { key: null })).json)).toEqual([
      'fifteen-minutes',
      'thirty-minutes',
      'consultation',
      'weekly-coaching',
      'group-workshop',
      'discovery-call',
    ]);
    expect(slugs((await call('GET', '/v2/event-types?username=ada-lovelace')).json)).toHaveLength(7);
    expect(
      slugs(
        (await call('GET', '/v2/event-types?username=ada-lovelace&eventSlug=consultation', { key: SECOND_API_KEY }))
          .json,
      ),
    ).toEqual(['consultation']);
    expect(slugs((await call('GET', '/v2/event-types?username=nobody')).json)).toEqual([]);
    expect((await call('GET', '/v2/event-types', { key: null })).status).toBe(401);
  });

  it('creates, reads, updates and deletes an event type', async () => {
    const { call } = setup();
    const created = await call('POST', '/v2/event-types', {
      body: {
        title: 'Deep dive',
        slug: 'deep-dive',
        lengthInMinutes: 90,
        slotInterval: 30,
        hidden: false,
        colour: 'red',
      },
    });
    expect(created.status).toBe(201);
    const eventType = (created.json as { data: EventTypeOutput }).data;
    expect(eventType).toMatchObject({
      id: 3100,
      title: 'Deep dive',
      slug: 'deep-dive',
      lengthInMinutes: 90,
      slotInterval: 30,
      description: '',
      minimumBookingNotice: 0,
      ownerId: 1001,
      bookingUrl: 'https://cal.com/ada-lovelace/deep-dive',
    });
    expect(eventType).not.toHaveProperty('colour');
    expect((await call('GET', '/v2/event-types/3100')).json).toEqual(created.json);
    const updated = await call('PATCH', '/v2/event-types/3100', {
      body: { slug: 'deeper-dive', minimumBookingNotice: 60 },
    });
    expect((updated.json as { data: EventTypeOutput }).data).toMatchObject({
      slug: 'deeper-dive',
      minimumBookingNotice: 60,
      bookingUrl: 'https://cal.com/ada-lovelace/deeper-dive',
    });
    const deleted = await call('DELETE', '/v2/event-types/3100');
    expect(deleted.json).toEqual({
      status: 'success',
      data: { id: 3100, lengthInMinutes: 90, title: 'Deep dive', slug: 'deeper-dive' },
    });
    expect((await call('GET', '/v2/event-types/3100')).status).toBe(404);
  });

  it('creates an event type requiring confirmation', async () => {
    const { call } = setup();
    const created = await call('POST', '/v2/event-types', {
      body: {
        title: 'Vetted',
        slug: 'vetted',
        lengthInMinutes: 30,
        confirmationPolicy: { type: 'always', blockUnconfirmedBookingsInBooker: false },
      },
    });
    expect((created.json as { data: EventTypeOutput }).data.confirmationPolicy).toEqual({
      type: 'always',
      blockUnconfirmedBookingsInBooker: false,
    });
  });

  it("answers 404 for another user's event type, 409 for a duplicate slug and 400 for invalid bodies", async () => {
    const { call } = setup();
    const other = await call('GET', '/v2/event-types/3501');
    expect(other.status).toBe(404);
    expect(other.json).toMatchObject({
      error: { code: 'NotFoundException', message: 'Event type with id 3501 not found.' },
    });
    expect((await call('DELETE', '/v2/event-types/3501')).status).toBe(404);
    const duplicate = await call('POST', '/v2/event-types', {
      body: { title: 'x', slug: 'consultation', lengthInMinutes: 30 },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toMatchObject({
      error: {
        code: 'ConflictException',
        message: 'User with id=1001 already has an event type with slug=consultation',
      },
    });
    const invalid = await call('POST', '/v2/event-types', {
      body: { title: 7, lengthInMinutes: 12.5, confirmationPolicy: { type: 'sometimes' } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({
      error: {
        details: {
          errors: [
            { property: 'lengthInMinutes', constraints: { isInt: 'lengthInMinutes must be an integer number' } },
            { property: 'title', constraints: { isString: 'title must be a string' } },
            { property: 'slug', constraints: { isDefined: 'slug should not be null or undefined' } },
            {
              property: 'confirmationPolicy',
              children: [
                { property: 'type', constraints: { isEnum: 'type must be one of the following values: always, time' } },
                {
                  property: 'blockUnconfirmedBookingsInBooker',
                  constraints: { isDefined: 'blockUnconfirmedBookingsInBooker should not be null or undefined' },
                },
              ],
            },
          ],
        },
      },
    });
    const negative = await call('PATCH', '/v2/event-types/3001', {
      body: { lengthInMinutes: 0, hidden: 'yes', confirmationPolicy: 'always' },
    });
    expect(negative.json).toMatchObject({
      error: {
        details: {
          errors: [
            { property: 'lengthInMinutes', constraints: { min: 'lengthInMinutes must not be less than 1' } },
            { property: 'hidden', constraints: { isBoolean: 'hidden must be a boolean value' } },
            {
              property: 'confirmationPolicy',
              constraints: { isObject: 'nested property confirmationPolicy must be either object or array' },
            },
          ],
        },
      },
    });
  });

  it('stores lengthInMinutesOptions on create and update, and refuses options without the default length', async () => {
    const { call } = setup();
    const created = await call('POST', '/v2/event-types', {
      body: { title: 'Flexible', slug: 'flexible', lengthInMinutes: 30, lengthInMinutesOptions: [15, 30, 60] },
    });
    expect(created.status).toBe(201);
    expect((created.json as { data: EventTypeOutput }).data).toMatchObject({
      id: 3100,
      lengthInMinutes: 30,
      lengthInMinutesOptions: [15, 30, 60],
    });
    const updated = await call('PATCH', '/v2/event-types/3100', { body: { lengthInMinutesOptions: [30, 90] } });
    expect((updated.json as { data: EventTypeOutput }).data).toMatchObject({
      lengthInMinutes: 30,
      lengthInMinutesOptions: [30, 90],
    });
    expect((await call('GET', '/v2/event-types/3100')).json).toEqual(updated.json);

    const missingDefault = await call('POST', '/v2/event-types', {
      body: { title: 'Odd', slug: 'odd', lengthInMinutes: 30, lengthInMinutesOptions: [15, 45] },
    });
    expect(missingDefault.status).toBe(400);
    expect(missingDefault.json).toMatchObject({
      error: {
        code: 'BadRequestException',
        message: 'lengthInMinutesOptions (15, 45) must include lengthInMinutes (30).',
      },
    });
    // A patch is checked against the stored values it does not replace, and changes nothing when refused.
    const patchedLength = await call('PATCH', '/v2/event-types/3100', { body: { lengthInMinutes: 45 } });
    expect(patchedLength.status).toBe(400);
    expect(patchedLength.json).toMatchObject({
      error: { message: 'lengthInMinutesOptions (30, 90) must include lengthInMinutes (45).' },
    });
    expect((await call('GET', '/v2/event-types/3100')).json).toEqual(updated.json);
    const strings = await call('POST', '/v2/event-types', {
      body: { title: 'Text', slug: 'text', lengthInMinutes: 30, lengthInMinutesOptions: ['30'] },
    });
    expect(strings.json).toMatchObject({
      error: {
        details: {
          errors: [
            {
              property: 'lengthInMinutesOptions',
              constraints: {
                isNumber: 'lengthInMinutesOptions.0 must be a number conforming to the specified constraints',
              },
            },
          ],
        },
      },
    });
  });
});
