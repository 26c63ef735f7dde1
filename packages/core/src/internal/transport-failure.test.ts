import { describe, expect, it } from 'vitest';
import { CalComNetworkError, CalComTimeoutError } from '../errors';
import { type FailedAttempt, transportFailure } from './transport-failure';

const POST: FailedAttempt = {
  method: 'POST',
  url: 'https://api.cal.com/v2/bookings?apiKey=cal_test_fake_0123_4567_89ab',
  path: '/bookings',
  timeoutMs: 7500,
};
const REDACTED_URL = 'https://api.cal.com/v2/bookings?apiKey=[REDACTED]';

const SENT_ADVICE =
  'The connection broke after the request may have been sent; for a write, check whether it happened before retrying.';
const NOT_SENT_ADVICE = 'Nothing was sent; check the network and CAL_COM_BASE_URL, then retry.';

/** A `fetch failed` TypeError as undici throws it, with the system error as its cause. */
function fetchFailed(code: unknown): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${String(code)}`), { code }) });
}

/** An error whose code sits `depth` links down the cause chain (0: on the error itself). */
function codeAtDepth(depth: number, code: string): Error {
  let error: Error = Object.assign(new Error(`level ${depth}`), { code });
  for (let level = depth - 1; level >= 0; level -= 1) {
    error = new Error(`level ${level}`, { cause: error });
  }
  return error;
}

describe('transportFailure', () => {
  it('maps our own timeout to CalComTimeoutError with the exact message and fields, whatever the cause', () => {
    const cause = fetchFailed('ECONNREFUSED');
    const error = transportFailure(cause, POST, true);
    expect(error).toBeInstanceOf(CalComTimeoutError);
    expect(error.message).toBe(
      'POST /bookings timed out after 7500 ms. Cal.com may be slow or unreachable; retry later or raise timeoutMs. For a write, check whether it happened before sending it again.',
    );
    expect(error).toMatchObject({
      name: 'CalComTimeoutError',
      method: 'POST',
      url: REDACTED_URL,
      timeoutMs: 7500,
      requestSent: true,
      errorCode: undefined,
      retryable: true,
    });
    expect(error.cause).toBe(cause);
  });

  it.each([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EADDRNOTAVAIL',
    'UND_ERR_CONNECT_TIMEOUT',
  ])('says nothing was sent for %s', (code) => {
    const cause = fetchFailed(code);
    const error = transportFailure(cause, POST, false);
    expect(error).toBeInstanceOf(CalComNetworkError);
    expect(error).not.toBeInstanceOf(CalComTimeoutError);
    expect(error.message).toBe(`POST /bookings failed: no response from Cal.com (${code}). ${NOT_SENT_ADVICE}`);
    expect(error).toMatchObject({
      name: 'CalComNetworkError',
      method: 'POST',
      url: REDACTED_URL,
      requestSent: false,
      errorCode: code,
      retryable: true,
    });
    expect(error.cause).toBe(cause);
  });

  it.each(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ETIMEDOUT'])(
    'says the request may have been sent for %s',
    (code) => {
      const error = transportFailure(fetchFailed(code), POST, false);
      expect(error.message).toBe(`POST /bookings failed: no response from Cal.com (${code}). ${SENT_ADVICE}`);
      expect(error).toMatchObject({ requestSent: true, errorCode: code });
    },
  );

  it('falls back to the message of an error without a code, and counts it as maybe sent', () => {
    const cause = new TypeError('terminated');
    const error = transportFailure(cause, { ...POST, method: 'GET', path: '/me' }, false);
    expect(error.message).toBe(`GET /me failed: no response from Cal.com (terminated). ${SENT_ADVICE}`);
    expect(error).toMatchObject({ method: 'GET', requestSent: true, errorCode: undefined });
    expect(error.toJSON()).toMatchObject({ errorCode: undefined, cause: 'TypeError: terminated' });
  });

  it.each([
    ['a string', 'socket hang up', 'socket hang up'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a number', 42, '42'],
  ])('uses the string form of %s thrown as the cause', (_label, cause, shown) => {
    const error = transportFailure(cause, POST, false);
    expect(error.message).toBe(`POST /bookings failed: no response from Cal.com (${shown}). ${SENT_ADVICE}`);
    expect(error).toMatchObject({ requestSent: true, errorCode: undefined });
  });

  it('ignores codes that are not a non-empty string and keeps looking down the chain', () => {
    const numeric = new TypeError('fetch failed', { cause: Object.assign(new Error('inner'), { code: 111 }) });
    expect(transportFailure(numeric, POST, false).message).toBe(
      `POST /bookings failed: no response from Cal.com (fetch failed). ${SENT_ADVICE}`,
    );
    const empty = Object.assign(new Error('outer'), {
      code: '',
      cause: Object.assign(new Error('inner'), { code: 'ENOTFOUND' }),
    });
    expect(transportFailure(empty, POST, false)).toMatchObject({ errorCode: 'ENOTFOUND', requestSent: false });
    const emptyOnly = Object.assign(new Error('outer'), { code: '' });
    expect(transportFailure(emptyOnly, POST, false).message).toBe(
      `POST /bookings failed: no response from Cal.com (outer). ${SENT_ADVICE}`,
    );
  });

  it('takes the outermost code of the chain', () => {
    const error = Object.assign(new Error('outer'), {
      code: 'ECONNRESET',
      cause: Object.assign(new Error('inner'), { code: 'ECONNREFUSED' }),
    });
    expect(transportFailure(error, POST, false)).toMatchObject({ errorCode: 'ECONNRESET', requestSent: true });
  });

  it('looks five links down the cause chain and no further', () => {
    expect(transportFailure(codeAtDepth(4, 'ECONNREFUSED'), POST, false)).toMatchObject({
      errorCode: 'ECONNREFUSED',
      requestSent: false,
    });
    const tooDeep = transportFailure(codeAtDepth(5, 'ECONNREFUSED'), POST, false);
    expect(tooDeep).toMatchObject({ errorCode: undefined, requestSent: true });
    expect(tooDeep.message).toBe(`POST /bookings failed: no response from Cal.com (level 0). ${SENT_ADVICE}`);
  });

  it('stops on a cause chain that loops', () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    Object.defineProperty(first, 'cause', { value: second });
    expect(transportFailure(first, POST, false)).toMatchObject({ errorCode: undefined, requestSent: true });
  });
});
