import { describe, expect, it } from 'vitest';
import { createContractValidator } from './contract-validator';
import { loadCalComSpec } from './load-spec';

const spec = loadCalComSpec();
const validator = createContractValidator(spec);

const BOOKING_HEADERS = { 'cal-api-version': '2024-08-13', authorization: 'Bearer cal_test_key' };

describe('validateRequest', () => {
  it('accepts a well-formed request', () => {
    expect(
      validator.validateRequest({
        method: 'GET',
        path: '/v2/bookings',
        query: { status: 'upcoming,past', take: '10', skip: 0, attendeeEmail: 'a@example.com' },
        headers: BOOKING_HEADERS,
      }),
    ).toEqual({ valid: true, operationId: 'BookingsController_2024_08_13_getBookings', errors: [] });
  });

  it('requires the cal-api-version the operation declares (default)', () => {
    expect(
      validator.validateRequest({ method: 'GET', path: '/v2/bookings', headers: { authorization: 'Bearer cal_x' } }),
    ).toEqual({
      valid: false,
      operationId: 'BookingsController_2024_08_13_getBookings',
      errors: [
        'header cal-api-version is required by BookingsController_2024_08_13_getBookings: set it to 2024-08-13 (without it Cal.com routes the call to the 2024-04-15 legacy controller, docs/CALCOM-API.md §3.1)',
      ],
    });
  });

  it('refuses another cal-api-version value, per operation', () => {
    const headers = new Headers({ 'Cal-Api-Version': '2024-08-13', Authorization: 'Bearer cal_x' });
    expect(
      validator.validateRequest({
        method: 'GET',
        path: '/v2/slots',
        query: new URLSearchParams({ start: '2050-01-01', end: '2050-01-02', eventTypeId: '1' }),
        headers,
      }),
    ).toEqual({
      valid: false,
      operationId: 'SlotsController_2024_09_04_getAvailableSlots',
      errors: [
        'header cal-api-version is "2024-08-13" but SlotsController_2024_09_04_getAvailableSlots needs "2024-09-04" (another value routes the call to a different controller version, docs/CALCOM-API.md §3.1)',
      ],
    });
  });

  it('accepts both bookings versions, 2024-08-13 and 2026-02-25, on every bookings operation (docs/CALCOM-API.md §3.3)', () => {
    for (const version of ['2024-08-13', '2026-02-25']) {
      expect(
        validator.validateRequest({
          method: 'GET',
          path: '/v2/bookings/b1/attendees',
          headers: { 'cal-api-version': version, authorization: 'Bearer cal_x' },
        }).errors,
      ).toEqual([]);
      expect(
        validator.validateRequest({
          method: 'POST',
          path: '/v2/bookings/b1/cancel',
          headers: { 'cal-api-version': version, authorization: 'Bearer cal_x', 'content-type': 'application/json' },
          body: {},
        }).errors,
      ).toEqual([]);
    }
    expect(
      validator.validateRequest({
        method: 'GET',
        path: '/v2/slots',
        query: { start: '2050-01-01', end: '2050-01-02', eventTypeId: '1' },
        headers: { 'cal-api-version': '2026-02-25' },
      }).errors,
    ).toEqual([
      'header cal-api-version is "2026-02-25" but SlotsController_2024_09_04_getAvailableSlots needs "2024-09-04" (another value routes the call to a different controller version, docs/CALCOM-API.md §3.1)',
    ]);
  });

  it('names both bookings versions when another value is sent', () => {
    expect(
      validator.validateRequest({
        method: 'GET',
        path: '/v2/bookings/b1/attendees',
        headers: { 'cal-api-version': '2024-06-14', authorization: 'Bearer cal_x' },
      }).errors,
    ).toEqual([
      'header cal-api-version is "2024-06-14" but BookingAttendeesController_2024_08_13_getBookingAttendees needs "2024-08-13" or "2026-02-25" (another value routes the call to a different controller version, docs/CALCOM-API.md §3.1)',
    ]);
  });

  it('reads the version from "Must be set to …" when the schema has no default', () => {
    const described = createContractValidator(
      {
        openapi: '3.0.0',
        paths: {
          '/v2/x': {
            get: {
              operationId: 'x',
              parameters: [
                {
                  name: 'cal-api-version',
                  in: 'header',
                  required: true,
                  description: 'Must be set to 2024-08-13',
                  schema: { type: 'string' },
                },
              ],
            },
          },
        },
      },
      { applyExceptions: false },
    );
    expect(
      described.validateRequest({ method: 'GET', path: '/v2/x', headers: { 'cal-api-version': '2024-06-14' } }).errors,
    ).toEqual([
      'header cal-api-version is "2024-06-14" but x needs "2024-08-13" (another value routes the call to a different controller version, docs/CALCOM-API.md §3.1)',
    ]);
    const enumVersion = createContractValidator(
      {
        openapi: '3.0.0',
        paths: {
          '/v2/x': {
            get: {
              operationId: 'x',
              parameters: [
                {
                  name: 'cal-api-version',
                  in: 'header',
                  required: true,
                  schema: { type: 'string', enum: ['2026-02-25'] },
                },
                { name: 'x-trace', in: 'header', required: true, schema: { type: 'string' } },
              ],
            },
          },
        },
      },
      { applyExceptions: false },
    );
    expect(enumVersion.validateRequest({ method: 'GET', path: '/v2/x', headers: {} }).errors).toEqual([
      'header cal-api-version is required by x: set it to 2026-02-25 (without it Cal.com routes the call to the 2024-04-15 legacy controller, docs/CALCOM-API.md §3.1)',
      'header x-trace is required by x',
    ]);
    expect(
      enumVersion.validateRequest({
        method: 'GET',
        path: '/v2/x',
        headers: { 'cal-api-version': '2026-02-25', 'x-trace': 't' },
      }).valid,
    ).toBe(true);
  });

  it('does not check cal-api-version where the operation declares none', () => {
    expect(
      validator.validateRequest({
        method: 'GET',
        path: '/v2/me',
        headers: { authorization: 'Bearer cal_x', 'cal-api-version': '2024-08-13' },
      }),
    ).toEqual({ valid: true, operationId: 'MeController_getMe', errors: [] });
  });

  it('requires Authorization where declared, in the Bearer form, without echoing its value', () => {
    expect(validator.validateRequest({ method: 'GET', path: '/v2/me' }).errors).toEqual([
      'header Authorization is required by MeController_getMe',
    ]);
    const result = validator.validateRequest({
      method: 'GET',
      path: '/v2/me',
      headers: { Authorization: 'cal_live_secretvalue' },
    });
    expect(result.errors).toEqual([
      'header Authorization must be "Bearer <token>" for MeController_getMe (the sent value has another form)',
    ]);
    expect(JSON.stringify(result)).not.toContain('secretvalue');
  });

  it('checks query types, enums, comma lists and repeated keys', () => {
    const result = validator.validateRequest({
      method: 'GET',
      path: '/v2/bookings?status=upcoming&status=later&take=ten',
      query: { sortStart: 'up', skip: ['1', '2'] },
      headers: BOOKING_HEADERS,
    });
    expect(result).toEqual({
      valid: false,
      operationId: 'BookingsController_2024_08_13_getBookings',
      errors: [
        'query parameter status /1 must be equal to one of the allowed values (allowed: ["upcoming","recurring","past","cancelled","unconfirmed"])',
        'query parameter sortStart must be equal to one of the allowed values (allowed: ["asc","desc"])',
        'query parameter take must be number',
        'query parameter skip must be number',
      ],
    });
  });

  it('requires required query parameters and refuses undeclared ones', () => {
    const result = validator.validateRequest({
      method: 'GET',
      path: '/v2/slots',
      query: { start: '2050-01-01', eventTypeId: '12', timezone: 'Europe/Rome', flag: true },
      headers: { 'cal-api-version': '2024-09-04' },
    });
    expect(result.errors).toEqual([
      'query parameter end is required by SlotsController_2024_09_04_getAvailableSlots',
      expect.stringMatching(
        /^query parameter timezone is not declared by SlotsController_2024_09_04_getAvailableSlots \(declared: .*timeZone.*\); Cal\.com silently drops unknown query parameters, so this filter would have no effect$/,
      ),
      expect.stringMatching(/^query parameter flag is not declared/),
    ]);
  });

  it('parses booleans in parameters', () => {
    const small = createContractValidator(
      {
        openapi: '3.0.0',
        paths: {
          '/v2/x/{id}': {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
            get: {
              operationId: 'x',
              parameters: [{ name: 'flag', in: 'query', schema: { type: 'boolean' } }],
            },
          },
        },
      },
      { applyExceptions: false },
    );
    expect(small.validateRequest({ method: 'GET', path: '/v2/x/3', query: { flag: 'true' } }).valid).toBe(true);
    expect(small.validateRequest({ method: 'GET', path: '/v2/x/3.5?flag=yes' }).errors).toEqual([
      'path parameter id must be integer',
      'query parameter flag must be boolean',
    ]);
  });

  it('checks path parameters', () => {
    expect(
      validator.validateRequest({
        method: 'GET',
        path: '/v2/teams/sales',
        headers: { authorization: 'Bearer cal_x' },
      }).errors,
    ).toEqual(['path parameter teamId must be number']);
  });

  it('checks the JSON body against the request body schema', () => {
    const body = {
      start: '2050-09-05T09:00:00Z',
      eventTypeId: 11,
      attendee: { name: 'Grace', email: 'grace@example.com', timeZone: 'Europe/Rome' },
    };
    expect(
      validator.validateRequest({
        method: 'POST',
        path: '/v2/bookings',
        headers: { ...BOOKING_HEADERS, 'content-type': 'application/json; charset=utf-8' },
        body,
      }),
    ).toEqual({ valid: true, operationId: 'BookingsController_2024_08_13_createBooking', errors: [] });
    expect(
      validator.validateRequest({
        method: 'POST',
        path: '/v2/bookings',
        headers: { ...BOOKING_HEADERS, 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, attendee: { name: 'Grace' } }),
      }).errors,
    ).toContain("request body /attendee must have required property 'timeZone'");
  });

  it('requires a JSON content type when headers are given', () => {
    expect(
      validator.validateRequest({
        method: 'POST',
        path: '/v2/bookings/b1/cancel',
        headers: { ...BOOKING_HEADERS, 'content-type': 'text/plain' },
        body: { cancellationReason: 'ill' },
      }).errors,
    ).toEqual([
      'header Content-Type must be application/json for a JSON body (sent: text/plain); without it Cal.com does not parse the body',
    ]);
    expect(
      validator.validateRequest({
        method: 'POST',
        path: '/v2/bookings/b1/cancel',
        headers: BOOKING_HEADERS,
        body: { cancellationReason: 'ill' },
      }).errors,
    ).toEqual([
      'header Content-Type must be application/json for a JSON body (sent: none); without it Cal.com does not parse the body',
    ]);
    expect(
      validator.validateRequest({ method: 'POST', path: '/v2/bookings/b1/cancel', body: { cancellationReason: 'ill' } })
        .errors,
    ).toEqual([
      'header cal-api-version is required by BookingsController_2024_08_13_cancelBooking: set it to 2024-08-13 (without it Cal.com routes the call to the 2024-04-15 legacy controller, docs/CALCOM-API.md §3.1)',
    ]);
  });

  it('requires a required body and refuses a body where none is taken', () => {
    expect(
      validator.validateRequest({ method: 'POST', path: '/v2/bookings', headers: BOOKING_HEADERS }).errors,
    ).toEqual(['request body is required by BookingsController_2024_08_13_createBooking']);
    expect(
      validator.validateRequest({ method: 'POST', path: '/v2/bookings/b1/confirm', headers: BOOKING_HEADERS, body: {} })
        .valid,
    ).toBe(true);
    expect(
      validator.validateRequest({
        method: 'POST',
        path: '/v2/bookings/b1/confirm',
        headers: BOOKING_HEADERS,
        body: { confirm: true },
      }).errors,
    ).toEqual(['request body is not accepted: BookingsController_2024_08_13_confirmBooking takes no body']);
    expect(
      validator.validateRequest({
        method: 'POST',
        path: '/v2/bookings/b1/decline',
        headers: BOOKING_HEADERS,
        body: '{',
      }).errors,
    ).toEqual(['request body is not JSON: "{"']);
    const optional = createContractValidator(
      {
        openapi: '3.0.0',
        paths: {
          '/v2/x': {
            post: {
              operationId: 'x',
              requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
            },
          },
        },
      },
      { applyExceptions: false },
    );
    expect(optional.validateRequest({ method: 'POST', path: '/v2/x' }).valid).toBe(true);
    expect(optional.validateRequest({ method: 'POST', path: '/v2/x', body: null }).errors).toEqual([
      'request body must be object',
    ]);
  });
});
