import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  CalComAPIError,
  CalComAuthError,
  CalComConflictError,
  CalComError,
  CalComNotFoundError,
  CalComRateLimitError,
  CalComServerError,
  CalComSlotUnavailableError,
  CalComValidationError,
  createApiError,
} from './index';

const URL = 'https://api.cal.com/v2/bookings?apiKey=cal_secret_should_vanish';
const base = { method: 'GET', url: URL, requestId: 'req-9' };

const envelope = (code: string, message: string, details?: unknown) =>
  JSON.stringify({
    status: 'error',
    timestamp: '2026-01-01T00:00:00Z',
    path: '/v2/bookings',
    error: { code, message, details },
  });
const bare = (status: number, message: string) => JSON.stringify({ statusCode: status, message });

const CLASSES: Record<number, abstract new (...args: never[]) => CalComError> = {
  400: CalComValidationError,
  401: CalComAuthError,
  403: CalComAuthError,
  404: CalComNotFoundError,
  409: CalComConflictError,
  422: CalComValidationError,
  429: CalComRateLimitError,
  498: CalComAuthError,
  500: CalComServerError,
  502: CalComServerError,
  503: CalComServerError,
  504: CalComServerError,
};
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

describe('createApiError', () => {
  for (const [statusText, expectedClass] of Object.entries(CLASSES)) {
    const status = Number(statusText);
    it.each([
      ['envelope', envelope('SomeException', 'Server says no')],
      ['bare', bare(status, 'Server says no')],
    ])(`maps ${status} with the %s shape`, (_shape, bodyText) => {
      const error = createApiError({ ...base, status, bodyText });
      expect(error).toBeInstanceOf(expectedClass);
      expect(CalComError.isInstance(error)).toBe(true);
      expect(error.retryable).toBe(RETRYABLE.has(status));
      expect(error.message).toContain('"Server says no"');
      expect(error.message).toContain('(request id req-9)');
      expect(error).toMatchObject({
        status,
        requestId: 'req-9',
        method: 'GET',
        url: 'https://api.cal.com/v2/bookings?apiKey=[REDACTED]',
      });
      expect(JSON.stringify(error)).not.toContain('cal_secret');
    });
    it(`maps ${status} with an HTML body to an excerpt`, () => {
      const error = createApiError({
        ...base,
        status,
        bodyText: '<html><head><style>x{}</style></head><body><h1>Bad things</h1></body></html>',
      });
      expect(error).toBeInstanceOf(expectedClass);
      expect(error.message).toContain('"Bad things"');
    });
    it(`maps ${status} with malformed JSON and with an empty body`, () => {
      const malformed = createApiError({ ...base, status, bodyText: '{"status":"error",' });
      expect(malformed).toBeInstanceOf(expectedClass);
      expect(malformed.message).toContain('{"status":"error",');
      const empty = createApiError({ ...base, status, bodyText: '' });
      expect(empty).toBeInstanceOf(expectedClass);
      expect(empty).toMatchObject(
        expectedClass === CalComValidationError
          ? { code: `HTTP_${status}` }
          : { code: `HTTP_${status}`, serverMessage: undefined },
      );
    });
  }

  it('says what to do next', () => {
    expect(createApiError({ ...base, status: 401, bodyText: '' }).message).toContain('Check CAL_COM_API_KEY');
    expect(createApiError({ ...base, status: 404, bodyText: '', apiVersion: '2024-08-13' }).message).toContain(
      'cal-api-version 2024-08-13',
    );
    expect(createApiError({ ...base, status: 404, bodyText: '' }).message).not.toContain('cal-api-version');
    expect(createApiError({ ...base, status: 429, bodyText: '', retryAfterMs: 30_000 }).message).toContain(
      'retry after 30 s',
    );
    expect(createApiError({ ...base, status: 429, bodyText: '' }).message).toContain('retry after about 60 s');
    expect(createApiError({ ...base, status: 418, bodyText: '' })).toBeInstanceOf(CalComAPIError);
  });

  it('keeps retryAfterMs and the long bodies short', () => {
    const error = createApiError({ ...base, status: 502, bodyText: `<p>${'x'.repeat(1000)}</p>` }) as CalComServerError;
    expect(error.bodyExcerpt?.length).toBe(301);
    expect(createApiError({ ...base, status: 429, bodyText: '', retryAfterMs: 5 })).toMatchObject({ retryAfterMs: 5 });
  });

  it.each([
    'User either already has booking at this time or is not available',
    'One of the hosts either already has booking at this time or is not available',
  ])('maps 400 "%s" to CalComSlotUnavailableError', (message) => {
    const error = createApiError({
      ...base,
      method: 'POST',
      status: 400,
      bodyText: envelope('BadRequestException', message),
    });
    expect(error).toBeInstanceOf(CalComSlotUnavailableError);
    const slot = error as CalComSlotUnavailableError;
    expect(slot.nearestAvailableStarts).toEqual([]);
    slot.nearestAvailableStarts = ['2026-05-01T09:00:00.000Z'];
    expect(slot.toJSON()).toMatchObject({ nearestAvailableStarts: ['2026-05-01T09:00:00.000Z'], status: 400 });
    expect(slot.message).toContain('GET /v2/slots');
  });

  it('reads class-validator issues from details.errors', () => {
    const details = {
      errors: [
        { property: 'start', constraints: { isISO8601: 'start must be a valid ISO 8601 date string' } },
        { property: 'attendee', children: [{ property: 'email', constraints: { isEmail: 'email must be an email' } }] },
      ],
    };
    const error = createApiError({
      ...base,
      status: 400,
      bodyText: envelope('BadRequestException', 'Bad Request Exception', details),
    });
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues).toEqual([
      { path: 'start', message: 'start must be a valid ISO 8601 date string' },
      { path: 'attendee.email', message: 'email must be an email' },
    ]);
    expect(error.message).toContain(
      'Fields: start: start must be a valid ISO 8601 date string; attendee.email: email must be an email.',
    );
  });

  it('reads ZodError messages and Nest message arrays', () => {
    const zod = createApiError({
      ...base,
      status: 400,
      bodyText: envelope('BAD_REQUEST', 'attendee.email - Invalid email, start - Required'),
    });
    expect((zod as CalComValidationError).issues).toEqual([
      { path: 'attendee.email', message: 'Invalid email' },
      { path: 'start', message: 'Required' },
    ]);
    const nest = createApiError({
      ...base,
      status: 422,
      bodyText: JSON.stringify({
        statusCode: 422,
        message: ['title should not be empty', 'Something odd'],
        error: 'Unprocessable Entity',
      }),
    });
    expect(nest).toMatchObject({ status: 422, code: 'UnprocessableEntity' });
    expect((nest as CalComValidationError).issues).toEqual([
      { path: 'title', message: 'title should not be empty' },
      { path: '', message: 'Something odd' },
    ]);
    const plain = createApiError({
      ...base,
      status: 400,
      bodyText: envelope('BadRequestException', 'Attempting to book a meeting in the past.'),
    });
    expect((plain as CalComValidationError).issues).toEqual([
      { path: '', message: 'Attempting to book a meeting in the past.' },
    ]);
    const none = createApiError({ ...base, status: 400, bodyText: envelope('X', '', { errors: [] }) });
    expect((none as CalComValidationError).issues).toEqual([]);
  });

  it('handles JSON that is not an object', () => {
    expect(createApiError({ ...base, status: 500, bodyText: '"oops"' }).message).toContain('"oops"');
  });
});

describe('CalComError', () => {
  it('is recognised across copies by its marker and never shows secrets', () => {
    const foreign = { [Symbol.for('calcom-int.error')]: true };
    expect(CalComError.isInstance(foreign)).toBe(true);
    expect(CalComError.isInstance(new Error('x'))).toBe(false);
    expect(CalComError.isInstance(null)).toBe(false);
    const error = new CalComError('Key Bearer cal_live_abcdefghijk failed', {
      cause: new Error('token cal_live_abcdefghijk'),
    });
    expect(error.message).toBe('Key Bearer [REDACTED] failed');
    expect(error.toJSON()).toEqual({
      name: 'CalComError',
      message: 'Key Bearer [REDACTED] failed',
      retryable: false,
      cause: 'Error: token [REDACTED]',
    });
    expect(inspect(error)).not.toContain('cal_live_abcdefghijk');
    expect(inspect(error)).toContain('CalComError: {');
    expect(new CalComError('x', { cause: 'plain' }).toJSON()).toMatchObject({ cause: 'plain' });
  });
});
