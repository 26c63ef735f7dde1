import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sleep, systemClock } from '../internal/clock';
import {
  CalComCircuitOpenError,
  CalComConfigError,
  CalComError,
  CalComNetworkError,
  CalComTimeoutError,
  CalComUnknownOutcomeError,
  CalComValidationError,
} from './index';

describe('error classes', () => {
  it('serialise their own fields without secrets', () => {
    const outcome = new CalComUnknownOutcomeError(
      'The booking request timed out.',
      'List bookings with attendeeEmail and afterStart to see whether it was created.',
      new Error('Bearer cal_live_abcdefghijkl'),
    );
    expect(outcome.toJSON()).toEqual({
      name: 'CalComUnknownOutcomeError',
      message:
        'The booking request timed out. List bookings with attendeeEmail and afterStart to see whether it was created.',
      retryable: false,
      outcome: 'unknown',
      howToCheck: 'List bookings with attendeeEmail and afterStart to see whether it was created.',
      cause: 'Error: Bearer [REDACTED]',
    });
    const open = new CalComCircuitOpenError(2500, 5);
    expect(open.toJSON()).toMatchObject({ retryAfterMs: 2500, retryable: true });
    expect(open.message).toContain('Retry in 3 s');
    const timeout = new CalComTimeoutError(
      { message: 'slow', method: 'GET', url: 'https://api.cal.com/v2/me?apiKey=cal_abcdefghij' },
      100,
    );
    expect(timeout).toBeInstanceOf(CalComNetworkError);
    expect(timeout.toJSON()).toEqual({
      name: 'CalComTimeoutError',
      message: 'slow',
      retryable: true,
      method: 'GET',
      url: 'https://api.cal.com/v2/me?apiKey=[REDACTED]',
      requestSent: true,
      timeoutMs: 100,
    });
    const validation = new CalComValidationError('bad', [{ path: 'start', message: 'Required' }]);
    expect(validation.toJSON()).toMatchObject({
      issues: [{ path: 'start', message: 'Required' }],
      url: undefined,
      status: undefined,
    });
    expect(new CalComConfigError('no').toJSON()).toEqual({
      name: 'CalComConfigError',
      message: 'no',
      retryable: false,
    });
    expect(inspect(new CalComError('plain'))).toContain('"message": "plain"');
  });
});

describe('sleep', () => {
  it('rejects at once when the signal is already aborted', async () => {
    await expect(sleep(systemClock, 10, AbortSignal.abort(new Error('now')))).rejects.toThrow('now');
    await expect(sleep(systemClock, 1)).resolves.toBeUndefined();
  });
});
