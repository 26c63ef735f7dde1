import { describe, expect, it } from 'vitest';
import { buildEventType, buildTeamEventType, success } from '../fixtures/index';
import { createContractValidator } from './contract-validator';
import { loadCalComSpec } from './load-spec';
import type { OpenApiDocument } from './openapi-document';
import { applySpecExceptions, CALCOM_SPEC_EXCEPTIONS } from './spec-exceptions';

const spec = loadCalComSpec();
const validator = createContractValidator(spec);
const raw = createContractValidator(spec, { applyExceptions: false });

/** The fields every event type output (personal and team) requires, with valid values. */
const EVENT_TYPE_BASE = {
  id: 11,
  lengthInMinutes: 30,
  title: 'Intro call',
  slug: 'intro-call',
  description: '',
  locations: [],
  bookingFields: [],
  disableGuests: false,
  recurrence: null,
  metadata: {},
  price: 0,
  currency: 'usd',
  lockTimeZoneToggleOnBookingPage: false,
  forwardParamsSuccessRedirect: null,
  successRedirectUrl: null,
  isInstantEvent: false,
  scheduleId: null,
  hidden: false,
  bookingRequiresAuthentication: false,
};

describe('CALCOM_SPEC_EXCEPTIONS', () => {
  it('lists exactly the docs/CALCOM-API.md §9.8 spec gaps, each with its reference', () => {
    expect(CALCOM_SPEC_EXCEPTIONS.map((exception) => exception.id)).toEqual([
      'event-type-users',
      'team-event-type-hosts',
      'team-memberships-array',
      'event-type-id-path-param',
      'slots-response',
      'booking-field-is-default',
      'schedule-time-and-days',
      'event-type-numbers-typed-object',
      'reserved-slot-self-reference',
      'event-type-length-options',
    ]);
    for (const exception of CALCOM_SPEC_EXCEPTIONS) {
      expect(Object.keys(exception)).toEqual([
        'id',
        'source',
        'reference',
        'target',
        'documented',
        'actual',
        'specPaths',
      ]);
      expect(exception.reference).toMatch(
        exception.source === 'spec-gaps'
          ? /^docs\/CALCOM-API\.md §9\.8/
          : /^found by the contract tests \(docs\/CALCOM-API\.md §9\.10\)/,
      );
    }
    expect(CALCOM_SPEC_EXCEPTIONS.filter((exception) => exception.source === 'spec-gaps').length).toBe(5);
    expect(validator.exceptions).toBe(CALCOM_SPEC_EXCEPTIONS);
    expect(raw.exceptions).toEqual([]);
  });

  it('names JSON Pointers that exist in the published document and that the exception changes', () => {
    const corrected = applySpecExceptions(spec);
    for (const exception of CALCOM_SPEC_EXCEPTIONS) {
      expect(exception.specPaths.length).toBeGreaterThan(0);
      for (const pointer of exception.specPaths) {
        const published = resolvePointer(spec, pointer);
        expect(published, `${exception.id}: ${pointer}`).toBeDefined();
        expect(resolvePointer(corrected, pointer), `${exception.id}: ${pointer}`).not.toEqual(published);
      }
    }
  });

  it('does not change the document it is given', () => {
    const before = JSON.stringify(spec);
    applySpecExceptions(spec);
    expect(JSON.stringify(spec)).toBe(before);
  });

  it('names the exception when the document lacks its target', () => {
    const document: OpenApiDocument = { openapi: '3.0.0', paths: {}, components: { schemas: {} } };
    expect(() => applySpecExceptions(document)).toThrowError(
      'Spec exception "event-type-users" (docs/CALCOM-API.md §9.8, §8.2) cannot be applied to components.schemas.EventTypeOutput_2024_06_14.properties.users: component schema EventTypeOutput_2024_06_14 does not exist. The OpenAPI document differs from the one the exceptions were written for; update spec-exceptions.ts.',
    );
    const withoutUsers: OpenApiDocument = {
      openapi: '3.0.0',
      paths: {},
      components: { schemas: { EventTypeOutput_2024_06_14: { type: 'object', properties: {} } } },
    };
    expect(() => applySpecExceptions(withoutUsers)).toThrowError('property users does not exist');
    const withoutOperation: OpenApiDocument = {
      openapi: '3.0.0',
      paths: {},
      components: {
        schemas: {
          EventTypeOutput_2024_06_14: { properties: { users: {} } },
          TeamEventTypeOutput_2024_06_14: { properties: { hosts: {} } },
          GetTeamMembershipsOutput: { properties: {} },
        },
      },
    };
    expect(() => applySpecExceptions(withoutOperation)).toThrowError(
      'operation GET /v2/event-types/{eventTypeId} does not exist',
    );
  });

  it('event-type-users: accepts user objects that the raw spec rejects', () => {
    const response = {
      method: 'GET',
      path: '/v2/event-types/11',
      status: 200,
      body: {
        status: 'success',
        data: {
          ...EVENT_TYPE_BASE,
          ownerId: 5,
          bookingUrl: 'https://cal.com/ada/intro-call',
          users: [{ id: 5, name: 'Ada', username: 'ada', avatarUrl: null, weekStart: 'Monday' }],
        },
      },
    };
    expect(validator.validateResponse(response)).toEqual({
      valid: true,
      operationId: 'EventTypesController_2024_06_14_getEventTypeById',
      errors: [],
    });
    const rawResult = raw.validateResponse(response);
    expect(rawResult.valid).toBe(false);
    expect(rawResult.errors).toContain('response body /data/users/0 must be string');
    // Nothing but the users items is wrong for the raw spec (the team branch of the union fails as a whole).
    expect(rawResult.errors.filter((error) => error.includes('/data/users/'))).toEqual([
      'response body /data/users/0 must be string',
    ]);
  });

  it('team-event-type-hosts: accepts host objects that the raw spec rejects', () => {
    const response = {
      method: 'GET',
      path: '/v2/teams/7/event-types',
      status: 200,
      body: {
        status: 'success',
        data: [
          {
            ...EVENT_TYPE_BASE,
            teamId: 7,
            schedulingType: 'roundRobin',
            team: {
              id: 7,
              slug: 'sales',
              bannerUrl: '',
              name: 'Sales',
              logoUrl: '',
              weekStart: 'Monday',
              brandColor: '#000000',
              darkBrandColor: '#ffffff',
              theme: 'light',
            },
            hosts: [{ userId: 5, name: 'Ada', username: 'ada', avatarUrl: null }],
          },
        ],
      },
    };
    expect(validator.validateResponse(response)).toEqual({
      valid: true,
      operationId: 'TeamsEventTypesController_getTeamEventTypes',
      errors: [],
    });
    expect(raw.validateResponse(response)).toEqual({
      valid: false,
      operationId: 'TeamsEventTypesController_getTeamEventTypes',
      errors: ['response body /data/0/hosts/0 must be string'],
    });
  });

  it('team-memberships-array: accepts the array the API returns, which the raw spec rejects', () => {
    const membership = {
      id: 1,
      userId: 5,
      teamId: 7,
      accepted: true,
      role: 'OWNER',
      user: { email: 'ada@example.com', username: 'ada' },
    };
    const response = {
      method: 'GET',
      path: '/v2/teams/7/memberships',
      status: 200,
      body: { status: 'success', data: [membership] },
    };
    expect(validator.validateResponse(response)).toEqual({
      valid: true,
      operationId: 'TeamsMembershipsController_getTeamMemberships',
      errors: [],
    });
    expect(raw.validateResponse(response)).toEqual({
      valid: false,
      operationId: 'TeamsMembershipsController_getTeamMemberships',
      errors: ['response body /data must be object'],
    });
    // The single object the raw spec describes is no longer accepted.
    expect(validator.validateResponse({ ...response, body: { status: 'success', data: membership } }).errors).toEqual([
      'response body /data must be array',
    ]);
  });

  it('event-type-id-path-param: takes a numeric id on GET like PATCH and DELETE (stricter than the raw spec)', () => {
    const headers = { 'cal-api-version': '2024-06-14', authorization: 'Bearer cal_test' };
    expect(validator.validateRequest({ method: 'GET', path: '/v2/event-types/11', headers }).valid).toBe(true);
    expect(raw.validateRequest({ method: 'GET', path: '/v2/event-types/11', headers }).valid).toBe(true);
    expect(validator.validateRequest({ method: 'GET', path: '/v2/event-types/intro-call', headers })).toEqual({
      valid: false,
      operationId: 'EventTypesController_2024_06_14_getEventTypeById',
      errors: ['path parameter eventTypeId must be number'],
    });
    expect(raw.validateRequest({ method: 'GET', path: '/v2/event-types/intro-call', headers }).valid).toBe(true);
    expect(validator.validateRequest({ method: 'DELETE', path: '/v2/event-types/intro-call', headers }).errors).toEqual(
      ['path parameter eventTypeId must be number'],
    );
  });

  it('slots-response: accepts the enveloped slots of both formats, which the raw spec rejects', () => {
    const time = {
      status: 'success',
      data: { '2050-09-05': [{ start: '2050-09-05T09:00:00.000+02:00' }, { start: '2050-09-05T10:00:00.000+02:00' }] },
    };
    const range = {
      status: 'success',
      data: {
        '2050-09-05': [{ start: '2050-09-05T09:00:00.000+02:00', end: '2050-09-05T10:00:00.000+02:00' }],
        '2050-09-06': [],
      },
    };
    const seated = {
      status: 'success',
      data: { '2050-09-05': [{ start: '2050-09-05T09:00:00Z', attendeesCount: 1, bookingUid: 'b1' }] },
    };
    for (const body of [time, range, seated, { status: 'success', data: {} }]) {
      expect(validator.validateResponse({ method: 'GET', path: '/v2/slots', status: 200, body })).toEqual({
        valid: true,
        operationId: 'SlotsController_2024_09_04_getAvailableSlots',
        errors: [],
      });
    }
    expect(raw.validateResponse({ method: 'GET', path: '/v2/slots', status: 200, body: time }).errors).toContain(
      'response body /status must be array',
    );
    expect(
      validator.validateResponse({
        method: 'GET',
        path: '/v2/slots',
        status: 200,
        body: { status: 'success', data: { '05/09/2050': [{ start: 'tomorrow', extra: 1 }] } },
      }).errors,
    ).toEqual([
      'response body /data must match pattern "^\\d{4}-\\d{2}-\\d{2}$"',
      'response body /data property name must be valid (property "05/09/2050")',
      'response body /data/05~109~12050/0 must NOT have additional properties (unexpected property "extra")',
      'response body /data/05~109~12050/0/start must match format "date-time"',
    ]);
  });
});

/**
 * Reads the value at a JSON Pointer (`#/a/b~1c`).
 *
 * @param document The document.
 * @param pointer The pointer.
 * @returns The value, or `undefined`.
 */
function resolvePointer(document: unknown, pointer: string): unknown {
  let value: unknown = document;
  for (const segment of pointer.replace(/^#\//, '').split('/')) {
    const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/**
 * A validator with every exception applied except one, whose schemas are put back as published: it differs from the
 * full validator in that one exception only, so a payload it rejects and the full validator accepts is rejected for
 * that exception's reason only.
 *
 * @param id The exception left out.
 * @returns The validator.
 */
function validatorWithout(id: string) {
  const exception = CALCOM_SPEC_EXCEPTIONS.find((candidate) => candidate.id === id);
  if (exception === undefined) throw new Error(`no exception ${id}`);
  const document = structuredClone(applySpecExceptions(spec)) as unknown as Record<string, unknown>;
  for (const pointer of exception.specPaths) {
    const segments = pointer.replace(/^#\//, '').split('/');
    const last = segments.pop() as string;
    const parent = resolvePointer(document, `#/${segments.join('/')}`) as Record<string, unknown>;
    parent[last.replaceAll('~1', '/')] = structuredClone(resolvePointer(spec, pointer));
  }
  return createContractValidator(document as unknown as OpenApiDocument, { applyExceptions: false });
}

describe('the exceptions found by the contract tests, each on its own', () => {
  it('booking-field-is-default: a boolean isDefault is accepted; the published `type: object` is the only obstacle', () => {
    const field = {
      type: 'name',
      label: 'Your name',
      placeholder: 'Ada Lovelace',
      isDefault: true,
      slug: 'name',
      required: true,
    };
    const response = (isDefault: unknown) => ({
      method: 'GET',
      path: '/v2/event-types/11',
      status: 200,
      body: success(buildEventType({ bookingFields: [{ ...field, isDefault }] as never })),
    });
    expect(validator.validateResponse(response(true)).errors).toEqual([]);
    const without = validatorWithout('booking-field-is-default');
    const rejected = without.validateResponse(response(true));
    expect(rejected.valid).toBe(false);
    expect(rejected.errors).toContain('response body /data/bookingFields/0/isDefault must be object');
    // The same payload with an object in place of the boolean passes: isDefault's type is the only reason.
    expect(without.validateResponse(response({})).errors).toEqual([]);
    expect(raw.validateResponse(response(true)).valid).toBe(false);
  });

  it('schedule-time-and-days: "HH:MM" times and a days array are accepted; the published pattern and enum are the only obstacles', () => {
    const headers = {
      authorization: 'Bearer cal_test',
      'cal-api-version': '2024-06-11',
      'content-type': 'application/json',
    };
    const request = (startTime: string, days: unknown) => ({
      method: 'PATCH',
      path: '/v2/schedules/2001',
      headers,
      body: {
        availability: [{ days, startTime, endTime: '17:00' }],
        overrides: [{ date: '2030-09-09', startTime, endTime: '11:00' }],
      },
    });
    expect(validator.validateRequest(request('08:00', ['Monday', 'Tuesday'])).errors).toEqual([]);
    expect(validator.validateRequest(request('8 am', ['Monday'])).errors).toEqual([
      'request body /availability/0/startTime must match pattern "^([01]\\d|2[0-3]):[0-5]\\d$"',
      'request body /overrides/0/startTime must match pattern "^([01]\\d|2[0-3]):[0-5]\\d$"',
    ]);
    const without = validatorWithout('schedule-time-and-days');
    expect(without.validateRequest(request('08:00', ['Monday', 'Tuesday'])).errors).toEqual([
      'request body /availability/0/days must be equal to one of the allowed values (allowed: ["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"])',
      'request body /availability/0/startTime must match pattern "TIME_FORMAT_HH_MM"',
      'request body /availability/0/endTime must match pattern "TIME_FORMAT_HH_MM"',
      'request body /overrides/0/startTime must match pattern "TIME_FORMAT_HH_MM"',
      'request body /overrides/0/endTime must match pattern "TIME_FORMAT_HH_MM"',
    ]);
    expect(raw.validateRequest(request('08:00', ['Monday', 'Tuesday'])).valid).toBe(false);
  });

  it('event-type-numbers-typed-object: numeric slotInterval and team ownerId are accepted; `type: object` is the only obstacle', () => {
    const personal = (slotInterval: unknown) => ({
      method: 'GET',
      path: '/v2/event-types/11',
      status: 200,
      body: success(buildEventType({ slotInterval } as never)),
    });
    const team = (value: unknown) => ({
      method: 'GET',
      path: '/v2/teams/7/event-types/12',
      status: 200,
      body: success(buildTeamEventType({ slotInterval: value, ownerId: value } as never)),
    });
    for (const response of [personal(15), personal(null), team(15), team(null)]) {
      expect(validator.validateResponse(response).errors).toEqual([]);
    }
    expect(validator.validateResponse(personal('15')).valid).toBe(false);
    const without = validatorWithout('event-type-numbers-typed-object');
    expect(without.validateResponse(personal(15)).errors).toContain(
      'response body /data/slotInterval must be object,null',
    );
    expect(without.validateResponse(team(15)).errors).toEqual([
      'response body /data/slotInterval must be object,null',
      'response body /data/ownerId must be object,null',
    ]);
    expect(without.validateResponse(personal({})).errors).toEqual([]);
    expect(without.validateResponse(team({})).errors).toEqual([]);
    expect(raw.validateResponse(team(15)).valid).toBe(false);
  });

  it('reserved-slot-self-reference: the reservation is accepted as data; the self-reference accepts only null', () => {
    const reservation = {
      eventTypeId: 3002,
      slotStart: '2030-09-04T11:00:00.000Z',
      slotEnd: '2030-09-04T11:30:00.000Z',
      slotDuration: 30,
      reservationUid: 'e5b5a1c2-7f8d-4a34-9f3e-0a1b2c3d4e5f',
      reservationDuration: 5,
      reservationUntil: '2030-09-02T06:05:00.000Z',
    };
    const response = (data: unknown) => ({
      method: 'GET',
      path: `/v2/slots/reservations/${reservation.reservationUid}`,
      status: 200,
      body: { status: 'success', data },
    });
    expect(validator.validateResponse(response(reservation)).errors).toEqual([]);
    expect(validator.validateResponse(response(null)).errors).toEqual([]);
    expect(validator.validateResponse(response({ ...reservation, slotStart: 1 })).errors).toEqual([
      'response body /data/slotStart must be string',
      'response body /data must be null',
      'response body /data must match a schema in anyOf',
    ]);
    const without = validatorWithout('reserved-slot-self-reference');
    expect(without.validateResponse(response(reservation)).errors).toEqual([
      "response body /data must have required property 'status'",
      "response body /data must have required property 'data'",
      'response body /data must be null',
      'response body /data must match a schema in anyOf',
    ]);
    expect(without.validateResponse(response(null)).errors).toEqual([]);
    expect(raw.validateResponse(response(reservation)).valid).toBe(false);
  });

  it('event-type-length-options: numeric minutes in the create and update inputs are accepted; the published `string` items are the only obstacle', () => {
    const headers = {
      authorization: 'Bearer cal_test',
      'cal-api-version': '2024-06-14',
      'content-type': 'application/json',
    };
    const requests = (options: unknown[]) => [
      {
        method: 'POST',
        path: '/v2/event-types',
        headers,
        body: { title: 'Intro call', slug: 'intro-call', lengthInMinutes: 30, lengthInMinutesOptions: options },
      },
      { method: 'PATCH', path: '/v2/event-types/11', headers, body: { lengthInMinutesOptions: options } },
      {
        method: 'POST',
        path: '/v2/teams/7/event-types',
        headers,
        body: {
          title: 'Team call',
          slug: 'team-call',
          lengthInMinutes: 30,
          schedulingType: 'collective',
          lengthInMinutesOptions: options,
        },
      },
      { method: 'PATCH', path: '/v2/teams/7/event-types/12', headers, body: { lengthInMinutesOptions: options } },
    ];
    for (const request of requests([15, 30, 60])) {
      expect(validator.validateRequest(request).errors, `${request.method} ${request.path}`).toEqual([]);
      expect(raw.validateRequest(request).errors, `${request.method} ${request.path}`).toEqual([
        'request body /lengthInMinutesOptions/0 must be string',
        'request body /lengthInMinutesOptions/1 must be string',
        'request body /lengthInMinutesOptions/2 must be string',
      ]);
    }
    const without = validatorWithout('event-type-length-options');
    for (const request of requests([15, 30, 60])) {
      expect(without.validateRequest(request).errors).toEqual([
        'request body /lengthInMinutesOptions/0 must be string',
        'request body /lengthInMinutesOptions/1 must be string',
        'request body /lengthInMinutesOptions/2 must be string',
      ]);
    }
    // The same bodies with strings pass without the exception: the item type is the only reason; with it, strings fail.
    for (const request of requests(['15', '30', '60'])) {
      expect(without.validateRequest(request).errors).toEqual([]);
      expect(validator.validateRequest(request).errors).toEqual([
        'request body /lengthInMinutesOptions/0 must be number',
        'request body /lengthInMinutesOptions/1 must be number',
        'request body /lengthInMinutesOptions/2 must be number',
      ]);
    }
  });
});
