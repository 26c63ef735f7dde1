import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { server } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { resolveClientOptions } from '../client-options';
import { CalComError, CalComValidationError, createApiError } from '../errors';
import { REDACTED, redact, redactHeaders, redactValue, registerSecret } from '../text/redact';
import { createLogger } from './logger';
import { RequestExecutor } from './request-loop';

const SECRET_KEY = 'cal_live_super_secret_key_0123_4567';
const OAUTH_TOKEN = 'opaque-oauth-token-9f8e7d6c5b4a';
const BASE = 'https://api.cal.com/v2';

describe('redaction', () => {
  it('keeps the key out of every log line and every error form', async () => {
    const lines: string[] = [];
    const write = (...parts: unknown[]) =>
      lines.push(parts.map((part) => (typeof part === 'string' ? part : inspect(part, { depth: 10 }))).join(' '));
    const logger = { debug: write, info: write, warn: write, error: write };
    const cwd = mkdtempSync(join(tmpdir(), 'calcom-core-redaction-'));
    const options = resolveClientOptions(
      { apiKey: `Bearer ${SECRET_KEY}`, logger, logLevel: 'debug', maxRetries: 1 },
      { env: {}, cwd },
    );
    const executor = new RequestExecutor({ ...options, maxRetryWaitMs: 0 }, { random: () => 0 });
    const echo =
      (status: number) =>
      ({ request }: { request: Request }) =>
        HttpResponse.json(
          {
            status: 'error',
            error: {
              code: 'Echo',
              message: `You sent ${request.headers.get('authorization')}`,
              details: { apiKey: SECRET_KEY, url: request.url },
            },
          },
          { status },
        );
    server.use(
      http.get(`${BASE}/me`, echo(401)),
      http.get(`${BASE}/bookings`, echo(400)),
      http.get(`${BASE}/teams`, echo(503)),
      http.get(`${BASE}/webhooks`, () => new HttpResponse(`<html>token=${SECRET_KEY}</html>`, { status: 200 })),
      http.get(`${BASE}/schedules`, () => HttpResponse.error()),
    );
    const errors: unknown[] = [];
    for (const path of ['/me', '/bookings', '/teams', '/webhooks', '/schedules']) {
      errors.push(
        await executor
          .execute({
            method: 'GET',
            path,
            query: { apiKey: SECRET_KEY, note: `Bearer ${SECRET_KEY}` },
            resource: 'webhooks',
            retry: 'idempotent',
          })
          .catch((caught: unknown) => caught),
      );
    }
    expect(errors.every((error) => CalComError.isInstance(error))).toBe(true);
    expect(lines.length).toBeGreaterThan(5);
    const forms = errors.flatMap((error) => {
      const calcom = error as CalComError;
      return [
        calcom.message,
        JSON.stringify(calcom),
        inspect(calcom, { depth: 10 }),
        String(calcom.stack),
        JSON.stringify(calcom.toJSON()),
      ];
    });
    for (const text of [...lines, ...forms]) {
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain('super_secret_key');
    }
    expect(forms.join('\n')).toContain(REDACTED);
  });

  it('keeps a __proto__ key a plain key of the copy, never its prototype', () => {
    const hostile = JSON.parse('{"__proto__":{"polluted":"yes"},"name":"ok"}') as Record<string, unknown>;
    const copy = redactValue(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'name']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('redacts registered secrets without a known prefix, headers and nested values', () => {
    registerSecret(`Bearer ${OAUTH_TOKEN}`);
    registerSecret('short');
    expect(redact(`token ${OAUTH_TOKEN} and short`)).toBe(`token ${REDACTED} and short`);
    expect(redact('https://x.test/a?apiKey=abc&access_token=def&ok=1')).toBe(
      `https://x.test/a?apiKey=${REDACTED}&access_token=${REDACTED}&ok=1`,
    );
    expect(redact('{"apiKey":"zzz","name":"n"}')).toBe(`{"apiKey":"${REDACTED}","name":"n"}`);
    expect(
      redactHeaders(new Headers({ Authorization: 'Bearer x', Cookie: 'a=b', 'X-Note': 'cal_abcdef', Accept: 'json' })),
    ).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      'x-note': REDACTED,
      accept: 'json',
    });
    expect(redactHeaders({ 'Set-Cookie': 's' })).toEqual({ 'set-cookie': REDACTED });
    expect(
      redactValue({
        apiKey: 'x',
        nested: { refresh_token: 'y', list: [1, 'cal_abcdef', null] },
        fn: () => 1,
        error: new Error('cal_abcdef'),
      }),
    ).toEqual({
      apiKey: REDACTED,
      nested: { refresh_token: REDACTED, list: [1, REDACTED, null] },
      fn: '() => 1',
      error: { name: 'Error', message: REDACTED },
    });
    expect(redactValue({ a: { b: 1 } }, 1)).toEqual({ a: '[…]' });
  });

  it.each([
    'cal_abcdef',
    'cal_live_x',
    'cal_test_0123456789',
    'cal_live_abc_def-ghi.jkl',
    'cal_0123456789abcdef',
    'cal_live_.abc',
  ])('redacts the key shape %s wherever it appears', (key) => {
    expect(redact(key)).toBe(REDACTED);
    expect(redact(`key (${key}).`)).toBe(`key (${REDACTED}).`);
    expect(redact(`https://x.test/${key}/me`)).toBe(`https://x.test/${REDACTED}/me`);
  });

  it('keeps the bare prefixes cal_, cal_live_ and cal_test_ that carry no key material', () => {
    expect(redact('it starts with cal_ or cal_live_).')).toBe('it starts with cal_ or cal_live_).');
    expect(redact('cal_test_ keys are for testing; cal_live_.')).toBe('cal_test_ keys are for testing; cal_live_.');
    expect(redact('cal_live_ cal_live_abcdef')).toBe(`cal_live_ ${REDACTED}`);
  });

  it('keeps the advice of the missing-key error whole', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'calcom-core-missing-key-'));
    const error = (() => {
      try {
        resolveClientOptions({}, { env: {}, cwd });
      } catch (caught) {
        return caught as CalComError;
      }
      throw new Error('resolveClientOptions accepted a missing key');
    })();
    expect(error.message).toMatch(
      /^No Cal\.com API key: pass \{ apiKey \} or set CAL_COM_API_KEY in the environment or in .+\. Create a key at https:\/\/app\.cal\.com\/settings\/developer\/api-keys \(it starts with cal_ or cal_live_\)\.$/,
    );
  });

  it('logs only up to the chosen level, redacted and prefixed', () => {
    const lines: [string, string][] = [];
    const sink = {
      debug: (line: string) => lines.push(['debug', line]),
      info: (line: string) => lines.push(['info', line]),
      warn: (line: string) => lines.push(['warn', line]),
      error: (line: string) => lines.push(['error', line]),
    };
    const logger = createLogger(sink, 'warn');
    logger.debug('d');
    logger.info('i');
    logger.warn(`w ${SECRET_KEY}`);
    logger.error('e');
    expect(lines).toEqual([
      ['warn', `[calcom-int] w ${REDACTED}`],
      ['error', '[calcom-int] e'],
    ]);
    const silent = createLogger(sink, 'silent');
    silent.error('never');
    expect(lines).toHaveLength(2);
  });
});

describe('redaction of what the server echoes and of secret-named fields', () => {
  /** Secrets the client never saw, so only the name or shape can give them away. */
  const ECHOED = {
    apiKey: 'echoedapikey00112233',
    bearer: 'unseenoauthtoken44556677',
    password: 'hunter2-correct-horse',
    clientSecret: 'clientsecret8899aabb',
  };

  /**
   * Lists every text an error shows: message, properties, `toJSON`, `util.inspect` and stack.
   *
   * @param error The error.
   * @returns The texts.
   */
  function errorForms(error: CalComError): string[] {
    return [
      error.message,
      String(error.stack),
      JSON.stringify(error),
      JSON.stringify(error.toJSON()),
      inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      inspect({ ...error }, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      JSON.stringify(Object.entries(error)),
    ];
  }

  it.each([400, 401, 404, 422, 500])(
    'redacts error.details and the message of a %i that echoes secrets',
    async (status) => {
      const cwd = mkdtempSync(join(tmpdir(), 'calcom-core-echo-'));
      const executor = new RequestExecutor(
        resolveClientOptions({ apiKey: SECRET_KEY, maxRetries: 0 }, { env: {}, cwd }),
        { random: () => 0 },
      );
      server.use(
        http.get(`${BASE}/me`, () =>
          HttpResponse.json(
            {
              status: 'error',
              error: {
                code: 'Echo',
                message: `Refused Bearer ${ECHOED.bearer} with {"password":"${ECHOED.password}"} and client_secret=${ECHOED.clientSecret}`,
                details: {
                  apiKey: ECHOED.apiKey,
                  API_KEY: ECHOED.apiKey,
                  request: {
                    headers: { Authorization: `Bearer ${ECHOED.bearer}`, accept: 'application/json' },
                    body: {
                      attendee: { name: 'Ann' },
                      Password: ECHOED.password,
                      credentials: [{ clientSecret: ECHOED.clientSecret }],
                    },
                  },
                  access_token: ECHOED.bearer,
                  accessToken: ECHOED.bearer,
                  refreshToken: ECHOED.bearer,
                  client_secret: ECHOED.clientSecret,
                  secret: ECHOED.password,
                  note: `token in prose: Bearer ${ECHOED.bearer}`,
                  [`Bearer ${ECHOED.bearer}`]: 'a secret in a key',
                  hasSecret: true,
                  errors: [
                    { property: 'password', value: ECHOED.password, constraints: { isStrong: 'password is too weak' } },
                  ],
                  headerList: [
                    { name: 'X-Api-Key', value: ECHOED.apiKey },
                    { name: 'Accept', value: 'application/json' },
                  ],
                },
              },
            },
            { status },
          ),
        ),
      );
      const error = (await executor
        .execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' })
        .catch((caught: unknown) => caught)) as CalComError & { details: Record<string, unknown> };
      expect(CalComError.isInstance(error)).toBe(true);
      expect(error.details).toMatchObject({
        apiKey: REDACTED,
        API_KEY: REDACTED,
        request: {
          headers: { Authorization: REDACTED, accept: 'application/json' },
          body: { attendee: { name: 'Ann' }, Password: REDACTED, credentials: [{ clientSecret: REDACTED }] },
        },
        access_token: REDACTED,
        accessToken: REDACTED,
        refreshToken: REDACTED,
        client_secret: REDACTED,
        secret: REDACTED,
        note: `token in prose: Bearer ${REDACTED}`,
        [`Bearer ${REDACTED}`]: 'a secret in a key',
        hasSecret: true,
        errors: [{ property: 'password', value: REDACTED, constraints: { isStrong: 'password is too weak' } }],
        headerList: [
          { name: 'X-Api-Key', value: REDACTED },
          { name: 'Accept', value: 'application/json' },
        ],
      });
      if (status === 400 || status === 422) {
        expect((error as unknown as CalComValidationError).issues).toEqual([
          { path: 'password', message: 'password is too weak' },
        ]);
      }
      for (const text of errorForms(error)) {
        for (const secret of Object.values(ECHOED)) {
          expect(text).not.toContain(secret);
        }
      }
      await executor.close();
    },
  );

  it('redacts the issues of a validation error built from a Nest message array', () => {
    const error = createApiError({
      status: 400,
      bodyText: JSON.stringify({
        statusCode: 400,
        message: [`password ${ECHOED.password} ok`, `token=${ECHOED.bearer}`],
      }),
      method: 'POST',
      url: `${BASE}/bookings`,
    }) as CalComValidationError;
    expect(error.issues.map((issue) => issue.message).join(' ')).not.toContain(ECHOED.bearer);
    expect(JSON.stringify(error.details)).not.toContain(ECHOED.bearer);
    const direct = new CalComValidationError('Bad', [{ path: 'auth', message: `Bearer ${ECHOED.bearer}` }], {
      details: { clientSecret: ECHOED.clientSecret },
      code: `Bearer ${ECHOED.bearer}`,
    });
    expect(direct.issues).toEqual([{ path: 'auth', message: `Bearer ${REDACTED}` }]);
    expect(direct.details).toEqual({ clientSecret: REDACTED });
    expect(direct.code).toBe(`Bearer ${REDACTED}`);
  });

  it.each([
    [
      `Authorization: Bearer ${'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'}`,
      `Authorization: Bearer ${REDACTED}`,
    ],
    ['bearer lowercase-token-value', `Bearer ${REDACTED}`],
    ['https://x.test/cb?auth=Bearer%20urlencodedtoken&ok=1', `https://x.test/cb?auth=Bearer ${REDACTED}&ok=1`],
    ['form: auth=Bearer+formencodedtoken', `form: auth=Bearer ${REDACTED}`],
    ['quoted Bearer "quoted token value"', `quoted Bearer ${REDACTED}`],
    ['(Bearer parenthesised)', `(Bearer ${REDACTED})`],
    [
      '{"accessToken":"a1","access_token":"a2","refreshToken":"r","clientSecret":"c"}',
      `{"accessToken":"${REDACTED}","access_token":"${REDACTED}","refreshToken":"${REDACTED}","clientSecret":"${REDACTED}"}`,
    ],
    [
      '{"client_secret" : "c\\"d", "PASSWORD": 12345, "Secret":"s", "hasSecret": true}',
      `{"client_secret" : "${REDACTED}", "PASSWORD": "${REDACTED}", "Secret":"${REDACTED}", "hasSecret": true}`,
    ],
    [
      '{"api_key":"k","Authorization":"Basic dXNlcjpwYXNz","name":"n"}',
      `{"api_key":"${REDACTED}","Authorization":"${REDACTED}","name":"n"}`,
    ],
    [
      "{ apiKey: 'k1', accessToken: \"k2\", password: 'p', name: 'n' }",
      `{ apiKey: '${REDACTED}', accessToken: "${REDACTED}", password: '${REDACTED}', name: 'n' }`,
    ],
    [
      'https://x.test/a?password=p&clientSecret=c&refreshToken=r&page=2',
      `https://x.test/a?password=${REDACTED}&clientSecret=${REDACTED}&refreshToken=${REDACTED}&page=2`,
    ],
    ['CAL_COM_API_KEY=opaque-env-value set', `CAL_COM_API_KEY=${REDACTED} set`],
  ])('redacts %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps prose that only names a secret', () => {
    for (const text of [
      'Check CAL_COM_API_KEY (or the apiKey option): it must be a current key, sent as Bearer; an expired key must be replaced.',
      'Refresh the access token (or pass refreshToken to the client) and retry.',
      'Invalid secret: expected a non-empty string, got "". Pass some text.',
      'Give your webhooks a secret.',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });

  it('redacts secret-named fields at any depth and in any case in logs and values', () => {
    const lines: unknown[][] = [];
    const write = (...parts: unknown[]) => lines.push(parts);
    const logger = createLogger({ debug: write, info: write, warn: write, error: write }, 'debug');
    logger.info('sending', {
      deep: { deeper: { ACCESS_TOKEN: 'x1', Client_Secret: 'x2', apikey: 'x3', api_key: 'x4' } },
    });
    logger.warn('auth', {
      headers: { AUTHORIZATION: 'x5' },
      password: 'x6',
      secret: 'x7',
      webhookSecret: 'x8',
      token: 'x9',
    });
    expect(lines).toEqual([
      [
        '[calcom-int] sending',
        { deep: { deeper: { ACCESS_TOKEN: REDACTED, Client_Secret: REDACTED, apikey: REDACTED, api_key: REDACTED } } },
      ],
      [
        '[calcom-int] auth',
        {
          headers: { AUTHORIZATION: REDACTED },
          password: REDACTED,
          secret: REDACTED,
          webhookSecret: REDACTED,
          token: REDACTED,
        },
      ],
    ]);
    expect(redactValue({ hasSecret: false, secret: null, refreshToken: undefined, nested: { password: 0 } })).toEqual({
      hasSecret: false,
      secret: null,
      refreshToken: undefined,
      nested: { password: REDACTED },
    });
  });
});
