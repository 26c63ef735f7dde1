import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { server } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { resolveClientOptions } from '../client-options';
import { CalComError } from '../errors';
import { createLogger } from './logger';
import { REDACTED, redact, redactHeaders, redactValue, registerSecret } from './redact';
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
