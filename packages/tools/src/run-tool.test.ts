import {
  CalComAPIError,
  CalComAuthError,
  CalComCircuitOpenError,
  CalComConfigError,
  CalComNetworkError,
  CalComRateLimitError,
  CalComRedirectError,
  CalComResponseTooLargeError,
  CalComServerError,
  CalComSlotUnavailableError,
  CalComTimeoutError,
  CalComUnknownOutcomeError,
  CalComValidationError,
} from '@calcom-int/core';
import { conflict } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server, simulator } from '@calcom-int/testkit/vitest';
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../test/support';
import { BOOKING_INPUT } from '../test/tool-inputs';
import { defineTool } from './define-tool';
import { mapError } from './map-error';
import { runTool } from './run-tool';
import { createBooking } from './tools/create-booking';
import { getBooking } from './tools/get-booking';
import { getRoutingFormSlots } from './tools/get-routing-form-slots';
import { getUserProfile } from './tools/get-user-profile';
import { listBookings } from './tools/list-bookings';

describe('runTool error mapping', () => {
  beforeEach(() => useFixedSimulator());

  it('401: tells the model to check CAL_COM_API_KEY, without the key', async () => {
    const result = expectFailure(
      await runTool(getUserProfile, {}, createTestContext({ apiKey: 'cal_not_a_real_key_000000' })),
    );
    expect(result.error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    expect(result.text).toMatch(
      /; nothing was done\. Tell the user the Cal\.com API key \(CAL_COM_API_KEY\) is missing, expired or wrong and must be replaced; do not call Cal\.com tools again until they say it is fixed\.$/,
    );
    // Core's advice for developers (where to get a key, the apiKey option) is not for the model.
    expect(result.text).not.toMatch(/apiKey option|settings\/developer|Bearer/);
    expect(result.text).not.toContain('cal_not_a_real_key_000000');
  });

  it('404: tells the model to take ids from earlier results', async () => {
    const result = expectFailure(await runTool(getBooking, { booking_id: 'no-such-booking' }, createTestContext()));
    expect(result.error).toMatchObject({ kind: 'not_found', status: 404 });
    // Only what the model can do next: no cal-api-version hint, no client option, no request id.
    expect(result.text).toMatch(
      /^Not found \(404\)(: "[^"]*")?: nothing with that id is visible to this account\. Check the id: take it from list_bookings, list_event_types or list_teams; never invent ids\.$/,
    );
    expect(result.text).not.toMatch(/cal-api-version|apiVersions|request id/);
  });

  it('409: tells the model to reload instead of repeating', async () => {
    const pending = simulator().state.bookings.find((booking) => booking.status === 'pending');
    const uid = pending?.uid ?? '';
    server.use(respondOnce('POST', `/v2/bookings/${uid}/confirm`, 409, conflict('Booking already confirmed')));
    const { confirmBooking } = await import('./tools/confirm-booking');
    const result = expectFailure(await runTool(confirmBooking, { booking_id: uid }, createTestContext()));
    expect(result.error).toMatchObject({ kind: 'conflict', status: 409 });
    expect(result.text).toContain('Reload the booking with get_booking');
  });

  it('429: says when to retry', async () => {
    simulator().faults.add({ path: '/v2/bookings', times: 1, fault: { type: 'rate-limit', resetSeconds: 30 } });
    const result = expectFailure(await runTool(listBookings, {}, createTestContext()));
    expect(result.error).toMatchObject({ kind: 'rate_limited', status: 429, retryable: true, retryAfterMs: 30_000 });
    expect(result.text).toBe('Cal.com rate limit reached (429). Wait 30 s, then call list_bookings again.');
  });

  it('5xx on a read: suggests retrying in a few seconds', async () => {
    simulator().faults.add({ path: '/v2/bookings', times: 1, fault: { type: 'server-error', status: 503 } });
    const result = expectFailure(await runTool(listBookings, {}, createTestContext()));
    expect(result.error).toMatchObject({ kind: 'server_error', status: 503, retryable: true });
    expect(result.text).toMatch(/^Cal\.com had a server error \(503\): .* Retry in a few seconds\.$/s);
  });

  it('timeout on a read', async () => {
    simulator().faults.add({ path: '/v2/bookings', times: 1, fault: { type: 'hang' } });
    const result = expectFailure(await runTool(listBookings, {}, createTestContext({ timeoutMs: 50 })));
    expect(result.error.kind).toBe('timeout');
    expect(result.text).toBe('Cal.com did not answer in time. Retry in a few seconds.');
  });

  it('connection reset on a read', async () => {
    simulator().faults.add({ path: '/v2/bookings', times: 1, fault: { type: 'reset' } });
    const result = expectFailure(await runTool(listBookings, {}, createTestContext()));
    expect(result.error.kind).toBe('network');
    expect(result.text).toMatch(/^Could not reach Cal\.com \(.*\)\. Retry in a few seconds\.$/s);
    expect(result.text).not.toContain('CAL_COM_BASE_URL');
  });

  it('malformed JSON: an unexpected response', async () => {
    simulator().faults.add({ path: '/v2/bookings', times: 1, fault: { type: 'malformed-json' } });
    const result = expectFailure(await runTool(listBookings, {}, createTestContext()));
    expect(result.error).toMatchObject({ kind: 'unexpected_response', status: 200, retryable: false });
    expect(result.text).toMatch(
      /^Cal\.com answered with something unexpected: Cal\.com answered 200 to GET \/v2\/bookings with a body that is not JSON/,
    );
    expect(result.text).toMatch(/Retrying the same call is unlikely to help; tell the user if it happens again\.$/);
    expect(result.text).not.toContain('Retry in a few seconds');
  });

  it('400: names the rejected field and asks for a fix, without repeating', async () => {
    server.use(
      respondOnce('GET', '/v2/bookings', 400, {
        status: 'error',
        timestamp: '2026-11-25T08:00:00.000Z',
        path: '/v2/bookings',
        error: {
          code: 'BadRequestException',
          message: 'take must not be greater than 250',
          details: { message: ['take must not be greater than 250'], error: 'Bad Request', statusCode: 400 },
        },
      }),
    );
    const result = expectFailure(await runTool(listBookings, {}, createTestContext()));
    expect(result.error).toMatchObject({
      kind: 'rejected_input',
      status: 400,
      code: 'BadRequestException',
      retryable: false,
      issues: [{ field: 'take', message: 'take must not be greater than 250' }],
    });
    expect(result.text).toMatch(/^Cal\.com rejected the input \(400\): .*"take must not be greater than 250"/);
    expect(result.text).toMatch(/Fix the listed fields and send it again; retrying unchanged will fail the same way\./);
    expect(result.text.match(/[Ff]ix the/g)).toHaveLength(1);
  });

  it('403: says the key lacks access', async () => {
    server.use(
      respondOnce('GET', '/v2/bookings', 403, {
        status: 'error',
        timestamp: '2026-11-25T08:00:00.000Z',
        path: '/v2/bookings',
        error: { code: 'ForbiddenException', message: 'Forbidden resource' },
      }),
    );
    const result = expectFailure(await runTool(listBookings, {}, createTestContext()));
    expect(result.error).toMatchObject({ kind: 'auth', status: 403, code: 'ForbiddenException', retryable: false });
    expect(result.text).toBe(
      'Cal.com denied access (403): "Forbidden resource": this account may not see or change that resource. Use ids from this account\'s own results (list_bookings, list_event_types, list_teams); if the user needs this, tell them the account lacks access.',
    );
    expect(result.text).not.toContain('Check CAL_COM_API_KEY');
  });

  it('422: rejected input', async () => {
    server.use(respondOnce('GET', '/v2/bookings', 422, { statusCode: 422, message: 'attendeeEmail must be an email' }));
    const result = expectFailure(await runTool(listBookings, {}, createTestContext()));
    expect(result.error).toMatchObject({
      kind: 'rejected_input',
      status: 422,
      code: 'HTTP_422',
      retryable: false,
      issues: [{ field: '(input)', message: 'attendeeEmail must be an email' }],
    });
    expect(result.text).toMatch(/^Cal\.com rejected the input \(422\): .*"attendeeEmail must be an email"/);
  });

  it('HTML error page: a server error with the page text, not its markup', async () => {
    server.use(
      respondOnce(
        'GET',
        '/v2/bookings',
        502,
        '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{}</style></head><body><h1>Bad gateway</h1><p>cloudflare</p></body></html>',
        { 'content-type': 'text/html; charset=utf-8' },
      ),
    );
    const result = expectFailure(await runTool(listBookings, {}, createTestContext()));
    expect(result.error).toMatchObject({ kind: 'server_error', status: 502, code: 'HTTP_502', retryable: true });
    expect(result.text).toContain('"502 Bad Gateway Bad gateway cloudflare"');
    expect(result.text).not.toMatch(/<|body\{/);
    expect(result.text).toMatch(/Retry in a few seconds\.$/);
  });

  it('5xx on a create that did not happen: unknown outcome with how to check, no second POST', async () => {
    simulator().faults.add({ method: 'POST', path: '/v2/bookings', times: 1, fault: { type: 'server-error' } });
    const result = expectFailure(await runTool(createBooking, BOOKING_INPUT, createTestContext()));
    expect(result.error.kind).toBe('unknown_outcome');
    // In the tools' words: list_bookings and its fields, not core's listBookings({ … }).
    expect(result.error.howToCheck).toBe(
      'Check with list_bookings with start_date 2026-11-26T12:00:00.000Z and end_date 2026-11-26T12:30:00.000Z (look for event_type_id 3002 with attendee grace@example.com) before booking again.',
    );
    expect(result.text).toContain('Do not call create_booking again until you have checked.');
    const posts = simulator().requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
  });

  it('5xx after the create happened: returns the booking found by reconciliation', async () => {
    simulator().faults.add({
      method: 'POST',
      path: '/v2/bookings',
      times: 1,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const before = simulator().state.bookings.length;
    const result = expectOk(await runTool(createBooking, BOOKING_INPUT, createTestContext()));
    expect(simulator().state.bookings).toHaveLength(before + 1);
    expect(result.text).toContain('Booked uid');
    const created = simulator().state.bookings.at(-1);
    expect(created).toMatchObject({ start: '2026-11-26T12:00:00.000Z', eventTypeId: 3002, status: 'accepted' });
    expect(result.structured).toMatchObject({ booking: { uid: created?.uid, id: created?.id, status: 'accepted' } });
    // One POST, then the reconciliation lookup; never a second POST.
    expect(simulator().requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v2/event-types/3002',
      'GET /v2/slots',
      'POST /v2/bookings',
      'GET /v2/bookings',
    ]);
  });

  it('circuit open: says when to try again', async () => {
    simulator().faults.add({ path: '/v2/bookings', fault: { type: 'server-error' } });
    const context = createTestContext({ circuitBreaker: { failureThreshold: 1, cooldownMs: 60_000 } });
    expectFailure(await runTool(listBookings, {}, context));
    const result = expectFailure(await runTool(listBookings, {}, context));
    expect(result.error).toMatchObject({ kind: 'circuit_open', retryable: true, retryAfterMs: expect.any(Number) });
    expect(result.text).toMatch(/^Cal\.com failed repeatedly, so calls are paused for \d+ s\. Try again after that\.$/);
  });

  it('a bug in a handler becomes an internal error result, never an exception', async () => {
    const broken = defineTool({
      name: 'broken_tool',
      description: 'WORKFLOW: none.',
      input: v.strictObject({}),
      annotations: {
        title: 'Broken',
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
      handler: async () => {
        throw new Error('boom');
      },
    });
    const result = expectFailure(await runTool(broken, {}, createTestContext()));
    expect(result.error).toEqual({
      kind: 'internal',
      retryable: false,
      message:
        'broken_tool failed unexpectedly: boom. This is a bug in the tool, not in your input; report it and do not retry a write.',
    });
    const thrownString = defineTool({
      name: 'string_thrower',
      description: 'WORKFLOW: none.',
      input: v.strictObject({}),
      annotations: broken.annotations,
      handler: () => Promise.reject('plain'),
    });
    expect(expectFailure(await runTool(thrownString, {}, createTestContext())).text).toContain('unexpectedly: plain.');
  });
});

describe('runTool input shape', () => {
  beforeEach(() => useFixedSimulator());

  it.each([
    ['an empty array', []],
    ['an array of parameters', [{ limit: 3 }]],
    ['a Map', new Map([['limit', 3]])],
    ['a Date', new Date(0)],
    ['a RegExp', /limit/],
    ['a string', '{"limit":3}'],
    ['a number', 3],
  ])('refuses %s where the parameters object belongs, without a request', async (_, input) => {
    const result = expectFailure(await runTool(listBookings, input, createTestContext()));
    expect(result.error.issues).toEqual([
      { field: '(input)', message: 'must be a JSON object with the tool parameters' },
    ]);
    expect(simulator().requests).toEqual([]);
  });

  it.each([
    ['answers', { ...BOOKING_INPUT, answers: ['Acme'] }],
    ['metadata', { ...BOOKING_INPUT, metadata: ['crm', 42] }],
    ['location', { ...BOOKING_INPUT, location: ['address'] }],
  ])('refuses a list where the object %s belongs, by name, without a request', async (field, input) => {
    const result = expectFailure(await runTool(createBooking, input, createTestContext()));
    expect(result.error.issues).toEqual([
      {
        field,
        message: 'expected an object of named values, got a list. Pass { "<name>": <value> } instead of [ … ]',
      },
    ]);
    expect(simulator().requests).toEqual([]);
  });

  it('refuses a list of routing form answers instead of sending its indexes as field identifiers', async () => {
    const result = expectFailure(
      await runTool(
        getRoutingFormSlots,
        { form_id: 'f1', responses: ['Sales'], start_date: '2026-11-26', end_date: '2026-11-26' },
        createTestContext(),
      ),
    );
    expect(result.error.issues?.map((issue) => issue.field)).toEqual(['responses']);
    expect(simulator().requests).toEqual([]);
  });

  it('takes null, undefined and objects without a prototype as parameter objects', async () => {
    expectOk(await runTool(getUserProfile, null, createTestContext()));
    expectOk(await runTool(getUserProfile, undefined, createTestContext()));
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { limit: 1 });
    expectOk(await runTool(listBookings, bare, createTestContext()));
    expect(simulator().requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'GET /v2/me',
      'GET /v2/me',
      'GET /v2/bookings',
    ]);
  });
});

describe('mapError', () => {
  const read = {
    name: 'list_bookings',
    annotations: { title: 'x', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  };
  const write = {
    name: 'create_booking',
    annotations: { ...read.annotations, readOnlyHint: false, idempotentHint: false },
  };
  const apiInit = { code: 'X', method: 'POST', url: 'https://api.cal.com/v2/bookings' };

  it('maps server-side validation with its issues', () => {
    const error = new CalComValidationError('start is in the past.', [{ path: 'start', message: 'is in the past' }], {
      status: 400,
    });
    expect(mapError(error, write)).toEqual({
      kind: 'rejected_input',
      status: 400,
      retryable: false,
      issues: [{ field: 'start', message: 'is in the past' }],
      message: 'Cal.com rejected the input (400): start is in the past.',
    });
  });

  it('maps a configuration error', () => {
    expect(mapError(new CalComConfigError('CAL_COM_API_KEY is missing.'), read)).toMatchObject({
      kind: 'config',
      message:
        'The Cal.com connection is misconfigured, so nothing was sent: CAL_COM_API_KEY is missing. Tell the user to fix the configuration (CAL_COM_API_KEY, CAL_COM_BASE_URL); do not retry until they have.',
    });
  });

  it('maps a redirect to a configuration problem that nothing was written', () => {
    const error = new CalComRedirectError({
      message: 'Cal.com answered 307, a redirect to https://elsewhere.example.',
      status: 307,
      location: 'https://elsewhere.example',
      method: 'POST',
      url: 'https://api.cal.com/v2/bookings',
    });
    expect(mapError(error, write)).toEqual({
      kind: 'config',
      status: 307,
      retryable: false,
      message:
        "The request was redirected: Cal.com answered 307, a redirect to https://elsewhere.example. The client never follows redirects, so Cal.com's API did not take this call (nothing was written). Tell the user the Cal.com address (CAL_COM_BASE_URL) must be fixed; do not retry until it is.",
    });
  });

  it('maps a response over the size cap like any unexpected answer', () => {
    const error = new CalComResponseTooLargeError({
      message: 'The answer is larger than maxResponseBytes (10485760).',
      status: 200,
      path: '',
      method: 'GET',
      url: 'https://api.cal.com/v2/bookings',
      limitBytes: 10_485_760,
      contentLength: 20_000_000,
    });
    expect(mapError(error, read)).toMatchObject({
      kind: 'unexpected_response',
      message:
        'Cal.com answered with something unexpected: The answer is larger than maxResponseBytes (10485760). Retrying the same call is unlikely to help; tell the user if it happens again.',
    });
  });

  it("maps an unknown outcome without a check fact to a look-up with tools, not core's text", () => {
    const error = new CalComUnknownOutcomeError('The booking may exist.', 'Call bookings.list for grace@example.com.');
    expect(mapError(error, write)).toMatchObject({
      kind: 'unknown_outcome',
      howToCheck: 'Look the booking up with list_bookings or get_booking before trying again.',
    });
  });

  it('maps a 429 without a reset to a 60 s wait', () => {
    const error = new CalComRateLimitError({ ...apiInit, status: 429, message: 'Too many requests.' });
    expect(mapError(error, read).message).toBe(
      'Cal.com rate limit reached (429). Wait 60 s, then call list_bookings again.',
    );
  });

  it('maps any other API status, warning about writes', () => {
    const error = new CalComAPIError({ ...apiInit, status: 418, message: 'I am a teapot.' });
    expect(mapError(error, write)).toMatchObject({
      kind: 'api_error',
      status: 418,
      code: 'X',
      message:
        'Cal.com returned an error (418): I am a teapot. Do not repeat the write blindly: it may have gone through. Check with list_bookings or get_booking first.',
    });
    expect(mapError(error, read).message).toBe('Cal.com returned an error (418): I am a teapot.');
  });

  it('maps client-side validation (no status) and issues without paths', () => {
    const error = new CalComValidationError('Invalid start.', [
      { path: '', message: 'is wrong' },
      { path: ['attendee', 'email'], message: undefined },
    ] as unknown as ConstructorParameters<typeof CalComValidationError>[1]);
    expect(mapError(error, write)).toEqual({
      kind: 'rejected_input',
      retryable: false,
      issues: [
        { field: '(input)', message: 'is wrong' },
        { field: 'attendee.email', message: 'is invalid' },
      ],
      message:
        'The input was refused before sending: (input): is wrong attendee.email: is invalid Fix the fields named and call create_booking again.',
    });
  });

  it('maps auth errors, slot conflicts without alternatives and server errors', () => {
    expect(mapError(new CalComAuthError({ ...apiInit, status: 403, message: 'Forbidden.' }), read)).toMatchObject({
      kind: 'auth',
      status: 403,
    });
    const slot = new CalComSlotUnavailableError({ ...apiInit, status: 400, message: 'Taken.' });
    expect(mapError(slot, write)).toMatchObject({
      kind: 'slot_unavailable',
      nearestAvailableStarts: [],
      message: 'That time is not available: Taken. Call list_availability for free starts and offer them to the user.',
    });
    const failure = new CalComServerError({ ...apiInit, status: 502, message: 'Bad gateway.' });
    expect(mapError(failure, write).message).toBe(
      'Cal.com had a server error (502): Bad gateway. Do not repeat the write blindly: it may have gone through. Check with list_bookings or get_booking first.',
    );
  });

  it('maps timeouts and network errors of writes to a check-first advice', () => {
    const timeout = new CalComTimeoutError({ message: 'Timed out.', method: 'POST', url: apiInit.url }, 10);
    expect(mapError(timeout, write).message).toBe(
      'Cal.com did not answer in time. Do not repeat the write blindly: it may have gone through. Check with list_bookings or get_booking first.',
    );
    const network = new CalComNetworkError({
      message: 'ECONNRESET',
      method: 'POST',
      url: apiInit.url,
      requestSent: false,
    });
    expect(mapError(network, write)).toMatchObject({ kind: 'network' });
  });

  it('maps an open circuit', () => {
    expect(mapError(new CalComCircuitOpenError(4200, 5), read)).toMatchObject({
      kind: 'circuit_open',
      retryAfterMs: 4200,
      message: 'Cal.com failed repeatedly, so calls are paused for 5 s. Try again after that.',
    });
  });
});
