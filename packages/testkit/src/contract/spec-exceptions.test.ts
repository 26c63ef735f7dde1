import { describe, expect, it } from 'vitest';
import { buildDestinationCalendar } from '../fixtures/calendar';
import { buildEventType, buildTeamEventType, success } from '../fixtures/index';
import { createContractValidator } from './contract-validator';
import { loadCalComSpec } from './load-spec';
import type { OpenApiDocument } from './openapi-document';
import { applySpecExceptions, CALCOM_SPEC_EXCEPTIONS } from './spec-exceptions';

const spec = loadCalComSpec();
const validator = createContractValidator(spec);
const raw = createContractValidator(spec, { applyExceptions: false });

describe('CALCOM_SPEC_EXCEPTIONS', () => {
  it('lists exactly the docs/CALCOM-API.md §9.8 spec gaps, each with its reference', () => {
    expect(CALCOM_SPEC_EXCEPTIONS.map((exception) => exception.id)).toEqual([
      'event-type-users',
      'team-event-type-hosts',
      'team-memberships-array',
      'event-type-id-path-param',
      'slots-response',
      'busy-times-calendars-to-load',
      'bookings-version-2026-02-25',
      'routing-form-calculate-slots-body',
      'booking-field-is-default',
      'schedule-time-and-days',
      'event-type-numbers-typed-object',
      'reserved-slot-self-reference',
      'event-type-length-options',
      'destination-calendar-id',
      'calendar-links-status',
      'reassign-booking-self-reference',
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
    expect(CALCOM_SPEC_EXCEPTIONS.filter((exception) => exception.source === 'spec-gaps').length).toBe(8);
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
      'Spec exception "event-type-users" (docs/CALCOM-API.md §9.8, §8.2) cannot be applied to components.schemas.EventTypeOutput_2024_06_14.properties.users: component schema EventTypeOutput_2024_06_14 does not exist. The OpenAPI document differs from the one the exceptions were written for; update spec-gap-patches.ts.',
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

  it('names the file of a contract-test exception whose target is missing', () => {
    const { ScheduleAvailabilityInput_2024_06_11: _removed, ...schemas } = spec.components?.schemas ?? {};
    expect(() => applySpecExceptions({ ...spec, components: { ...spec.components, schemas } })).toThrowError(
      'Spec exception "schedule-time-and-days" (found by the contract tests (docs/CALCOM-API.md §9.10); §7.4 gives "HH:MM" and day names) cannot be applied to components.schemas.ScheduleAvailabilityInput_2024_06_11 / ScheduleOverrideInput_2024_06_11: component schema ScheduleAvailabilityInput_2024_06_11 does not exist. The OpenAPI document differs from the one the exceptions were written for; update contract-test-patches.ts.',
    );
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
  it('calendar-links-status: the string status of every envelope is accepted; the published `type: object` is the only obstacle', () => {
    const response = {
      method: 'GET',
      path: '/v2/bookings/abc/calendar-links',
      status: 200,
      body: { status: 'success', data: [{ label: 'ICS', link: 'data:text/calendar,BEGIN' }] },
    } as const;
    expect(validator.validateResponse(response).errors).toEqual([]);
    expect(validatorWithout('calendar-links-status').validateResponse(response).errors).toEqual([
      'response body /status must be object',
    ]);
  });

  it('destination-calendar-id: a numeric id is accepted; the published `type: object` is the only obstacle', () => {
    const response = {
      method: 'GET',
      path: '/v2/calendars',
      status: 200,
      body: {
        status: 'success',
        data: { connectedCalendars: [], destinationCalendar: buildDestinationCalendar() },
      },
    } as const;
    expect(validator.validateResponse(response).errors).toEqual([]);
    expect(validatorWithout('destination-calendar-id').validateResponse(response).errors).toEqual([
      'response body /data/destinationCalendar/id must be object',
    ]);
  });

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

  it('reassign-booking-self-reference: { bookingUid, reassignedTo } is accepted as data; the self-reference refuses it', () => {
    const data = {
      bookingUid: 'booking_uid_123',
      reassignedTo: {
        id: 1002,
        name: 'Charles Babbage',
        email: 'charles@example.com',
        displayEmail: 'charles@example.com',
      },
    };
    const response = (body: unknown) => ({
      method: 'POST',
      path: '/v2/bookings/booking_uid_123/reassign',
      status: 200,
      body: { status: 'success', data: body },
    });
    expect(validator.validateResponse(response(data)).errors).toEqual([]);
    expect(validator.validateResponse(response({ bookingUid: 'x' })).errors).toEqual([
      "response body /data must have required property 'reassignedTo'",
    ]);
    expect(validatorWithout('reassign-booking-self-reference').validateResponse(response(data)).valid).toBe(false);
    expect(raw.validateResponse(response(data)).valid).toBe(false);
  });
});
