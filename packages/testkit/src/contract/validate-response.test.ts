import { describe, expect, it } from 'vitest';
import { createContractValidator } from './contract-validator';
import { loadCalComSpec } from './load-spec';

const spec = loadCalComSpec();
const validator = createContractValidator(spec);

const ME = {
  id: 5,
  username: 'ada',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  avatarUrl: null,
  bio: null,
  timeFormat: 24,
  defaultScheduleId: 1,
  weekStart: 'Monday',
  timeZone: 'Europe/London',
  organizationId: null,
};

describe('validateResponse', () => {
  it('accepts a response matching the operation schema', () => {
    expect(
      validator.validateResponse({ method: 'GET', path: '/v2/me', status: 200, body: { status: 'success', data: ME } }),
    ).toEqual({ valid: true, operationId: 'MeController_getMe', errors: [] });
  });

  it('parses a JSON text body', () => {
    const body = JSON.stringify({ status: 'success', data: ME });
    expect(validator.validateResponse({ method: 'GET', path: '/v2/me', status: 200, body }).valid).toBe(true);
  });

  it('reports each wrong field with its path, allowed values and unexpected properties', () => {
    const result = validator.validateResponse({
      method: 'GET',
      path: '/v2/me',
      status: 200,
      body: { status: 'ok', data: { ...ME, id: '5', timeZone: undefined, name: 3 } },
    });
    expect(result).toEqual({
      valid: false,
      operationId: 'MeController_getMe',
      errors: [
        'response body /status must be equal to one of the allowed values (allowed: ["success","error"])',
        "response body /data must have required property 'timeZone'",
        'response body /data/id must be number',
        'response body /data/name must be string,null',
      ],
    });
  });

  it('accepts nullable fields and rejects null where the spec does not allow it', () => {
    expect(
      validator.validateResponse({
        method: 'GET',
        path: '/v2/me',
        status: 200,
        body: { status: 'success', data: { ...ME, email: null } },
      }).errors,
    ).toEqual(['response body /data/email must be string']);
  });

  it('requires an empty body where the status has none, and a body where it has one', () => {
    const small = createContractValidator(
      {
        openapi: '3.0.0',
        paths: {
          '/v2/things/{id}': {
            delete: { operationId: 'deleteThing', responses: { 204: { description: 'gone' } } },
            get: {
              operationId: 'getThing',
              responses: { 200: { content: { 'application/json': { schema: { type: 'object' } } } } },
            },
          },
        },
      },
      { applyExceptions: false },
    );
    expect(small.validateResponse({ method: 'DELETE', path: '/v2/things/1', status: 204, body: '' })).toEqual({
      valid: true,
      operationId: 'deleteThing',
      errors: [],
    });
    expect(small.validateResponse({ method: 'DELETE', path: '/v2/things/1', status: 204, body: { a: 1 } })).toEqual({
      valid: false,
      operationId: 'deleteThing',
      errors: ['response body must be empty: deleteThing documents no body for status 204'],
    });
    expect(small.validateResponse({ method: 'GET', path: '/v2/things/1', status: 200, body: undefined })).toEqual({
      valid: false,
      operationId: 'getThing',
      errors: ['response body is missing: getThing returns JSON for 200'],
    });
  });

  it('refuses a status the operation does not document', () => {
    expect(
      validator.validateResponse({ method: 'GET', path: '/v2/me', status: 201, body: { status: 'success', data: ME } }),
    ).toEqual({
      valid: false,
      operationId: 'MeController_getMe',
      errors: ['status 201 is not documented for MeController_getMe (documented: 200)'],
    });
  });

  it('refuses a body that is not JSON', () => {
    expect(validator.validateResponse({ method: 'GET', path: '/v2/me', status: 200, body: '<html>oops' })).toEqual({
      valid: false,
      operationId: 'MeController_getMe',
      errors: ['response body is not JSON: "<html>oops"'],
    });
  });

  it('validates error statuses against the Cal.com error envelope', () => {
    const envelope = {
      status: 'error',
      timestamp: '2050-01-01T00:00:00.000Z',
      path: '/v2/bookings/nope',
      error: { code: 'NotFoundException', message: 'Booking nope not found', details: { statusCode: 404 } },
    };
    expect(
      validator.validateResponse({ method: 'GET', path: '/v2/bookings/nope', status: 404, body: envelope }),
    ).toEqual({ valid: true, operationId: 'BookingsController_2024_08_13_getBooking', errors: [] });
    expect(
      validator.validateResponse({
        method: 'GET',
        path: '/v2/bookings/nope',
        status: 400,
        body: { ...envelope, message: 'from ErrorWithCode', error: { code: 'BAD_REQUEST', message: 'x' } },
      }).valid,
    ).toBe(true);
    expect(
      validator.validateResponse({
        method: 'GET',
        path: '/v2/me',
        status: 401,
        body: { status: 'error', timestamp: 'yesterday', error: { message: 'no', extra: 1 } },
      }),
    ).toEqual({
      valid: false,
      operationId: 'MeController_getMe',
      errors: [
        "response body (401 error envelope, docs/CALCOM-API.md §4.2) must have required property 'path'",
        'response body (401 error envelope, docs/CALCOM-API.md §4.2) /timestamp must match format "date-time"',
        "response body (401 error envelope, docs/CALCOM-API.md §4.2) /error must have required property 'code'",
        'response body (401 error envelope, docs/CALCOM-API.md §4.2) /error must NOT have additional properties (unexpected property "extra")',
      ],
    });
  });

  it('accepts the bare Nest body only for 500', () => {
    const bare = { statusCode: 500, message: 'Internal server error' };
    expect(validator.validateResponse({ method: 'GET', path: '/v2/me', status: 500, body: bare }).valid).toBe(true);
    const result = validator.validateResponse({ method: 'GET', path: '/v2/me', status: 503, body: bare });
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toBe(
      "response body (503 error envelope, docs/CALCOM-API.md §4.2) must have required property 'status'",
    );
    expect(
      validator.validateResponse({
        method: 'GET',
        path: '/v2/me',
        status: 500,
        body: { statusCode: 502, message: 'x' },
      }).errors,
    ).toContain(
      'response body (500 error envelope, docs/CALCOM-API.md §4.2) /statusCode must be equal to constant (expected: 500)',
    );
  });

  it('reports an unknown path or method clearly', () => {
    expect(validator.validateResponse({ method: 'GET', path: '/v1/bookings', status: 200, body: {} })).toEqual({
      valid: false,
      operationId: undefined,
      errors: [
        "No operation in Cal.com's OpenAPI document matches GET /v1/bookings: no path template fits. Check the path against the document (every API v2 path starts with /v2/).",
      ],
    });
    expect(validator.validateRequest({ method: 'DELETE', path: '/v2/me' })).toEqual({
      valid: false,
      operationId: undefined,
      errors: ["No operation in Cal.com's OpenAPI document matches DELETE /v2/me: /v2/me documents only GET, PATCH."],
    });
  });
});
