import { describe, expect, it } from 'vitest';
import { createContractValidator } from './contract-validator';
import { loadCalComSpec } from './load-spec';

const spec = loadCalComSpec();
const validator = createContractValidator(spec);

describe('createContractValidator', () => {
  it('refuses documents that are not OpenAPI 3.0', () => {
    expect(() => createContractValidator({ openapi: '3.1.0', paths: {} })).toThrowError(
      'Unsupported OpenAPI version "3.1.0": the contract validator translates OpenAPI 3.0.x documents (Cal.com\'s v2.openapi.json is 3.0.0). Pass the official Cal.com API v2 document.',
    );
  });

  it('finds operations by method and path, preferring literal segments', () => {
    expect(validator.findOperation('get', '/v2/bookings/by-seat/seat-1')).toEqual({
      operationId: 'BookingsController_2024_08_13_getBookingBySeatUid',
      pathTemplate: '/v2/bookings/by-seat/{seatUid}',
      method: 'GET',
      params: { seatUid: 'seat-1' },
    });
    expect(validator.findOperation('POST', 'https://api.cal.com/v2/bookings/abc/cancel?x=1')).toEqual({
      operationId: 'BookingsController_2024_08_13_cancelBooking',
      pathTemplate: '/v2/bookings/{bookingUid}/cancel',
      method: 'POST',
      params: { bookingUid: 'abc' },
    });
    expect(validator.findOperation('GET', '/v2/schedules/default')?.operationId).toBe(
      'SchedulesController_2024_06_11_getDefaultSchedule',
    );
    expect(validator.findOperation('GET', '/v2/nothing')).toBeUndefined();
  });

  it('operation without an operationId is named by method and template', () => {
    const small = createContractValidator(
      { openapi: '3.0.3', paths: { '/v2/ping': { get: { responses: { 200: {} } }, parameters: [] } } },
      { applyExceptions: false },
    );
    expect(small.validateResponse({ method: 'GET', path: '/v2/ping', status: 200, body: undefined })).toEqual({
      valid: true,
      operationId: 'GET /v2/ping',
      errors: [],
    });
    expect(small.validateRequest({ method: 'GET', path: '/v2/ping', query: { a: '1' } }).errors).toEqual([
      'query parameter a is not declared by GET /v2/ping (declared: none); Cal.com silently drops unknown query parameters, so this filter would have no effect',
    ]);
    expect(small.validateResponse({ method: 'GET', path: '/v2/ping', status: 201, body: {} }).errors).toEqual([
      'status 201 is not documented for GET /v2/ping (documented: 200)',
    ]);
  });
});
