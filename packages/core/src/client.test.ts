import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { clientAtFixedTime } from '../test/support/fixed-clock';
import { createTestClient, sentRequests } from '../test/support/test-client';
import { CalComClient } from './client';
import { CalComConfigError } from './errors/config-error';
import type { ApiExecutor } from './resources/common/context';

describe('CalComClient', () => {
  it('exposes the rate-limit state of the last response', async () => {
    const client = createTestClient();
    expect(client.rateLimit).toBeUndefined();
    await client.me.get();
    expect(client.rateLimit).toMatchObject({ name: 'Default', limit: 120, remaining: 119 });
    await client.close();
  });

  it('reads its calendar clock with now()', async () => {
    let instant = Date.parse('2027-01-04T09:00:00Z');
    const client = new CalComClient({ apiKey: 'cal_test_clock_0000000000', now: () => new Date(instant) });
    expect(client.now().toISOString()).toBe('2027-01-04T09:00:00.000Z');
    instant += 60_000;
    expect(client.now().toISOString()).toBe('2027-01-04T09:01:00.000Z');
    await client.close();
  });

  it('sends a per-call apiVersion only to the targeted resource', async () => {
    const client = clientAtFixedTime();
    await client.bookings.list({ limit: 1 }, { apiVersion: '2026-02-25' });
    await client.bookings.create(
      {
        eventTypeId: 3002,
        start: '2026-06-02T09:00:00Z',
        attendee: { name: 'Ann', email: 'ann@example.com', timeZone: 'UTC' },
      },
      { apiVersion: '2026-02-25' },
    );
    expect(sentRequests().map((request) => `${request.path} ${request.version}`)).toEqual([
      '/v2/bookings 2026-02-25',
      '/v2/event-types/3002 2024-06-14',
      '/v2/slots 2024-09-04',
      '/v2/bookings 2026-02-25',
    ]);
    // The contract check accepts 2026-02-25 on the bookings operations only (docs/CALCOM-API.md §3.3).
  });

  it('sends bookingsApiVersion 2026-02-25 on every bookings call and nowhere else', async () => {
    const client = clientAtFixedTime({}, { bookingsApiVersion: '2026-02-25' });
    const { booking } = await client.bookings.create({
      eventTypeId: 3002,
      start: '2026-06-02T09:00:00Z',
      attendee: { name: 'Ann', email: 'ann@example.com', timeZone: 'UTC' },
    });
    await client.bookings.cancel(booking.uid);
    expect(sentRequests().map((request) => `${request.method} ${request.path} ${request.version}`)).toEqual([
      'GET /v2/event-types/3002 2024-06-14',
      'GET /v2/slots 2024-09-04',
      'POST /v2/bookings 2026-02-25',
      `GET /v2/bookings/${booking.uid} 2026-02-25`,
      `POST /v2/bookings/${booking.uid}/cancel 2026-02-25`,
    ]);
  });

  it('exposes one resource per API area, each method once, and no flat methods', async () => {
    const client = createTestClient();
    const methods = (value: object) =>
      Object.getOwnPropertyNames(Object.getPrototypeOf(value))
        .filter((name) => name !== 'constructor')
        .sort();
    expect(methods(client)).toEqual([
      'availability',
      'bookings',
      'calendars',
      'close',
      'conferencing',
      'eventTypes',
      'me',
      'now',
      'rateLimit',
      'routingForms',
      'schedules',
      'slots',
      'teams',
      'toJSON',
      'toString',
      'webhooks',
    ]);
    expect(
      Object.fromEntries(
        (
          [
            'me',
            'eventTypes',
            'slots',
            'availability',
            'schedules',
            'bookings',
            'teams',
            'webhooks',
            'calendars',
            'routingForms',
          ] as const
        ).map((name) => [name, methods(client[name])]),
      ),
    ).toEqual({
      me: ['get', 'update'],
      eventTypes: ['create', 'delete', 'get', 'list', 'privateLinks', 'update'],
      slots: ['list'],
      availability: ['list'],
      schedules: ['create', 'delete', 'get', 'getDefault', 'list', 'update'],
      bookings: [
        'addAttendee',
        'addGuests',
        'calendarLinks',
        'cancel',
        'confirm',
        'create',
        'decline',
        'get',
        'getAttendee',
        'getBySeat',
        'iterate',
        'list',
        'listAttendees',
        'listOccurrences',
        'markAbsent',
        'reassign',
        'reschedule',
        'updateLocation',
      ],
      teams: ['get', 'list', 'listMembers'],
      webhooks: ['create', 'delete', 'list'],
      calendars: ['busyTimes', 'list'],
      routingForms: ['calculateSlots'],
    });
    // Nested resources: the private links of an event type.
    expect(methods(client.eventTypes.privateLinks)).toEqual(['create', 'delete', 'list', 'update']);
    // The same resource every time: the profile cache lives in it.
    expect(client.me).toBe(client.me);
    await client.close();
  });

  it('never shows the API key through a resource, in any form', async () => {
    const secret = 'cal_test_resource_secret_5f3a9c';
    const client = createTestClient({ apiKey: secret });
    for (const resource of [
      client.me,
      client.eventTypes,
      client.slots,
      client.availability,
      client.schedules,
      client.bookings,
      client.teams,
      client.webhooks,
      client.calendars,
      client.conferencing,
      client.routingForms,
      client.eventTypes.privateLinks,
    ]) {
      const deep = { depth: Number.POSITIVE_INFINITY, showHidden: true };
      const forms = [
        inspect(resource, deep),
        inspect(resource, { ...deep, customInspect: false }),
        JSON.stringify(resource),
        JSON.stringify({ ...resource }),
        String(resource),
        inspect(Object.entries(resource), deep),
        inspect({ ...resource }, deep),
      ];
      for (const form of forms) expect(form).not.toContain(secret);
      expect(JSON.stringify(resource)).toBe('{}');
      // A nested resource shows as a getter (its own fields are private too: it is checked in this loop).
      const nested = resource === client.eventTypes ? ' [privateLinks]: [Getter] ' : '';
      expect(inspect(resource, deep)).toBe(`${resource.constructor.name} {${nested}}`);
      expect(Object.keys(resource)).toEqual([]);
    }
    await client.close();
  });

  it('closes through Symbol.asyncDispose, also with an injected executor without close', async () => {
    const executor: ApiExecutor = {
      execute: () => Promise.reject(new Error('not used')),
    };
    const client = new CalComClient({ apiKey: 'cal_test_fake_0123_4567_89ab' }, { executor });
    await expect(client[Symbol.asyncDispose]()).resolves.toBeUndefined();
    expect(client.rateLimit).toBeUndefined();
  });

  it('refuses a missing API key with a CalComConfigError', () => {
    expect(() => new CalComClient({ apiKey: '' })).toThrow(CalComConfigError);
  });
});
