import { describe, expect, it } from 'vitest';
import { CalComNotFoundError, CalComRateLimitError, CalComServerError } from '../../errors/api-error';
import { CalComNetworkError, CalComTimeoutError } from '../../errors/network-error';
import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';
import type { RetryKind } from '../../internal/request-types';
import { isAmbiguous, type ReadBack, sendCreatingWrite, sendRepeatableWrite } from './read-back';

const URL = 'https://api.cal.com/v2/bookings/abc/cancel';

const refused = () =>
  new CalComNetworkError({ message: 'ECONNREFUSED', method: 'POST', url: URL, requestSent: false, errorCode: 'x' });
const reset = () => new CalComNetworkError({ message: 'ECONNRESET', method: 'POST', url: URL, requestSent: true });
const timeout = () => new CalComTimeoutError({ message: 'slow', method: 'POST', url: URL }, 100);
const serverError = () =>
  new CalComServerError({ status: 500, code: 'HTTP_500', message: 'boom', method: 'POST', url: URL });
const unreadable = () =>
  new CalComUnexpectedResponseError({ message: 'not JSON', status: 200, path: '', method: 'POST', url: URL });
const rateLimited = () =>
  new CalComRateLimitError({ status: 429, code: 'ThrottlerException', message: 'slow down', method: 'POST', url: URL });
const badRequest = () => new CalComValidationError('already cancelled', [], { status: 400 });
const notFound = () =>
  new CalComNotFoundError({ status: 404, code: 'NotFoundException', message: 'gone', method: 'DELETE', url: URL });

/** What one scripted step does: answer a value, or throw. */
type Step<T> = { readonly value: T } | { readonly error: unknown };

/**
 * Builds a repeatable write whose sends and read-backs follow a script, and records what was called.
 *
 * @param sends The outcome of each send, in order.
 * @param reads The outcome of each read-back, in order.
 * @param refusalMayBeOurs Which refusals of the second send are read back.
 * @returns The write and its call log.
 */
function scripted(
  sends: Step<string>[],
  reads: (ReadBack<string> | Error)[],
  refusalMayBeOurs: (error: unknown) => boolean = () => false,
) {
  const calls: string[] = [];
  const write = {
    async send(retry: RetryKind) {
      calls.push(`send ${retry}`);
      const step = sends.shift();
      if (step === undefined) throw new Error('unexpected send');
      if ('error' in step) throw step.error;
      return step.value;
    },
    async readBack() {
      calls.push('read');
      const step = reads.shift();
      if (step === undefined) throw new Error('unexpected read');
      if (step instanceof Error) throw step;
      return step;
    },
    refusalMayBeOurs,
    unknownOutcome: (cause: unknown) => new CalComUnknownOutcomeError('It may have happened.', 'Look it up.', cause),
  };
  return { write, calls };
}

const done = (value: string): ReadBack<string> => ({ state: 'done', value });
const notDone: ReadBack<string> = { state: 'not-done' };
const unknown: ReadBack<string> = { state: 'unknown' };

describe('isAmbiguous', () => {
  it('counts a request that may have reached Cal.com, never one refused before sending', () => {
    expect([reset(), timeout(), serverError(), unreadable()].map(isAmbiguous)).toEqual([true, true, true, true]);
    expect([refused(), rateLimited(), badRequest(), notFound(), new Error('x')].map(isAmbiguous)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('sendRepeatableWrite', () => {
  it('returns the answer of the first send, which the request loop may only repeat where nothing can happen twice', async () => {
    const { write, calls } = scripted([{ value: 'answer' }], []);
    expect(await sendRepeatableWrite(write)).toEqual({ value: 'answer', verifiedByReadBack: false });
    expect(calls).toEqual(['send create']);
  });

  it.each([
    ['a refused connection (nothing was sent)', refused()],
    ['a rate limit', rateLimited()],
    ['a refusal', badRequest()],
  ])('throws %s of the first send as it is, without reading back', async (_name, error) => {
    const { write, calls } = scripted([{ error }], [], () => true);
    await expect(sendRepeatableWrite(write)).rejects.toBe(error);
    expect(calls).toEqual(['send create']);
  });

  it.each([
    ['a reset', reset()],
    ['a timeout', timeout()],
    ['a 5xx', serverError()],
    ['an unreadable answer', unreadable()],
  ])('reads back after %s and returns the write it shows, without sending again', async (_name, error) => {
    const { write, calls } = scripted([{ error }], [done('read back')]);
    expect(await sendRepeatableWrite(write)).toEqual({ value: 'read back', verifiedByReadBack: true });
    expect(calls).toEqual(['send create', 'read']);
  });

  it.each([
    ['shows the write missing', notDone],
    ['cannot tell', unknown],
    ['fails', new Error('read failed')],
  ])('sends again, now with the request loop retries, when the read-back %s', async (_name, read) => {
    const { write, calls } = scripted([{ error: serverError() }, { value: 'second answer' }], [read]);
    expect(await sendRepeatableWrite(write)).toEqual({ value: 'second answer', verifiedByReadBack: false });
    expect(calls).toEqual(['send create', 'read', 'send idempotent']);
  });

  it('reads back once more when the second send is refused in a way the first send may have caused', async () => {
    const { write, calls } = scripted(
      [{ error: timeout() }, { error: badRequest() }],
      [notDone, done('landed late')],
      () => true,
    );
    expect(await sendRepeatableWrite(write)).toEqual({ value: 'landed late', verifiedByReadBack: true });
    expect(calls).toEqual(['send create', 'read', 'send idempotent', 'read']);
  });

  it('throws a refusal of the second send that the first send cannot have caused, without reading back', async () => {
    const refusal = badRequest();
    const { write, calls } = scripted([{ error: serverError() }, { error: refusal }], [notDone]);
    await expect(sendRepeatableWrite(write)).rejects.toBe(refusal);
    expect(calls).toEqual(['send create', 'read', 'send idempotent']);
  });

  it('throws the refusal when the last read-back shows nothing happened', async () => {
    const refusal = badRequest();
    const { write } = scripted([{ error: serverError() }, { error: refusal }], [notDone, notDone], () => true);
    await expect(sendRepeatableWrite(write)).rejects.toBe(refusal);
  });

  it('throws the server error when Cal.com failed twice and reading back shows nothing happened', async () => {
    const last = serverError();
    const { write, calls } = scripted([{ error: serverError() }, { error: last }], [notDone, notDone]);
    await expect(sendRepeatableWrite(write)).rejects.toBe(last);
    expect(calls).toEqual(['send create', 'read', 'send idempotent', 'read']);
  });

  it.each([
    ['a timeout, which may still land', timeout(), notDone],
    ['a reset, which may still land', reset(), notDone],
    ['an unreadable answer', unreadable(), notDone],
    ['a 5xx, when nothing could be read', serverError(), unknown],
    ['a 5xx, when the read-back fails', serverError(), new Error('read failed')],
  ])('throws CalComUnknownOutcomeError after %s', async (_name, last, read) => {
    const { write } = scripted([{ error: reset() }, { error: last }], [notDone, read]);
    const error = await sendRepeatableWrite(write).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).cause).toBe(last);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe('Look it up.');
  });
});

describe('sendCreatingWrite', () => {
  const creating = (send: Step<string>, found: string | undefined | Error) => {
    const calls: string[] = [];
    const write = {
      async send() {
        calls.push('send');
        if ('error' in send) throw send.error;
        return send.value;
      },
      async find() {
        calls.push('find');
        if (found instanceof Error) throw found;
        return found;
      },
      unknownOutcome: (cause: unknown) => new CalComUnknownOutcomeError('It may exist.', 'Look it up.', cause),
    };
    return { write, calls };
  };

  it('sends once and returns the answer', async () => {
    const { write, calls } = creating({ value: 'created' }, undefined);
    expect(await sendCreatingWrite(write)).toEqual({ value: 'created', verifiedByReadBack: false });
    expect(calls).toEqual(['send']);
  });

  it('throws a refused connection as a plain network error, safe to retry, without looking anything up', async () => {
    const error = refused();
    const { write, calls } = creating({ error }, 'would be wrong');
    const thrown = await sendCreatingWrite(write).catch((caught: unknown) => caught);
    expect(thrown).toBe(error);
    expect(thrown).not.toBeInstanceOf(CalComUnknownOutcomeError);
    expect(calls).toEqual(['send']);
  });

  it('returns what the lookup finds after an ambiguous failure, never sending again', async () => {
    const { write, calls } = creating({ error: timeout() }, 'found');
    expect(await sendCreatingWrite(write)).toEqual({ value: 'found', verifiedByReadBack: true });
    expect(calls).toEqual(['send', 'find']);
  });

  it.each([
    ['finds nothing', undefined],
    ['fails', new Error('lookup failed')],
  ])('throws CalComUnknownOutcomeError when the lookup %s', async (_name, found) => {
    const cause = serverError();
    const { write, calls } = creating({ error: cause }, found);
    const error = await sendCreatingWrite(write).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).cause).toBe(cause);
    expect(calls).toEqual(['send', 'find']);
  });
});
