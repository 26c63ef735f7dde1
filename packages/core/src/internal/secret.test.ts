import { Console } from 'node:console';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { server } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestClient } from '../../test/support/test-client';
import { CalComClient } from '../client';
import { type CalComClientOptions, resolveClientOptions } from '../client-options';
import { REDACTED } from '../text/redact';
import { RequestExecutor } from './request-loop';
import { Secret } from './secret';

const BASE = 'https://api.cal.com/v2';
/** An API key with the `cal_` prefix, and an OAuth-style token without it (no pattern would catch it). */
const SECRETS = ['cal_live_holder_secret_0123_4567', 'oauthholdertoken9f8e7d6c5b4a'] as const;
const REFRESHED = 'refreshedholdertoken1a2b3c4d5e';

/**
 * Prints a value with a real `console.log` (and `console.dir` with every option) into a string.
 *
 * @param value The value.
 * @returns What the console wrote.
 */
function consoleOutput(value: unknown): string {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  const console = new Console({ stdout: stream, stderr: stream });
  console.log(value);
  console.log('%o', value);
  console.log(`${'%s'}`, value);
  console.error(value);
  console.dir(value, { depth: Number.POSITIVE_INFINITY, showHidden: true });
  return chunks.join('');
}

/**
 * Serialises a value, reporting a circular structure instead of throwing (a key never hides behind that).
 *
 * @param value The value.
 * @returns The JSON text, or the serialisation error's message.
 */
function json(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Every way a value is commonly printed, serialised or copied.
 *
 * @param value The object that holds a key.
 * @returns The texts.
 */
function everyForm(value: object): string[] {
  const deep = { depth: Number.POSITIVE_INFINITY, showHidden: true };
  const spread = { ...value };
  return [
    inspect(value),
    inspect(value, deep),
    inspect(value, { ...deep, customInspect: false }),
    consoleOutput(value),
    json(value),
    json(spread),
    inspect(spread, deep),
    inspect(spread, { ...deep, customInspect: false }),
    inspect(Object.entries(value), deep),
    inspect(
      Object.getOwnPropertyNames(value).map((name) => (value as Record<string, unknown>)[name]),
      deep,
    ),
    json(Object.entries(value)),
    String(value),
    `${value}`,
    inspect({ nested: { holder: value } }, deep),
    json({ nested: { holder: value } }),
  ];
}

/**
 * Asserts that none of the texts contains the secret.
 *
 * @param texts The printed forms.
 * @param secret The secret.
 */
function expectHidden(texts: readonly string[], secret: string): void {
  for (const text of texts) {
    expect(text).not.toContain(secret);
  }
}

/**
 * Resolves options with a key, isolated from the process environment and any `.env`.
 *
 * @param apiKey The key.
 * @param options More options.
 * @returns The resolved options.
 */
function resolved(apiKey: string, options: CalComClientOptions = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'calcom-core-secret-'));
  return resolveClientOptions({ apiKey, ...options }, { env: { CAL_COM_API_KEY: apiKey }, cwd });
}

describe('objects that hold the API key', () => {
  it.each(SECRETS)('never print the client key %#, in any form', async (secret) => {
    const client = createTestClient({ apiKey: secret });
    const forms = everyForm(client);
    expectHidden(forms, secret);
    const summary = `CalComClient { baseUrl: '${BASE}', apiKey: '${REDACTED}' }`;
    expect(inspect(client, { depth: Number.POSITIVE_INFINITY, showHidden: true })).toBe(summary);
    expect(String(client)).toBe(summary);
    expect(`${client}`).toBe(summary);
    expect(consoleOutput(client)).toContain(summary);
    expect(JSON.stringify(client)).toBe(`{"baseUrl":"${BASE}","apiKey":"${REDACTED}"}`);
    expect(client.toJSON()).toEqual({ baseUrl: BASE, apiKey: REDACTED });
    expect({ ...client }).toEqual({});
    expect(Object.keys(client)).toEqual([]);
    expect(Object.entries(client)).toEqual([]);
    expect(structuredClone(client)).toEqual({});
    await client.close();
  });

  it.each(SECRETS)('never print the request executor key %#, in any form, yet send it', async (secret) => {
    const executor = new RequestExecutor(resolved(secret));
    let authorization: string | null = null;
    server.use(
      http.get(`${BASE}/me`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({ status: 'success', data: { id: 1 } });
      }),
    );
    await executor.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' });
    expect(authorization).toBe(`Bearer ${secret}`);
    expectHidden(everyForm(executor), secret);
    const summary = `RequestExecutor { baseUrl: '${BASE}', apiKey: '${REDACTED}' }`;
    expect(inspect(executor, { depth: Number.POSITIVE_INFINITY, showHidden: true })).toBe(summary);
    expect(String(executor)).toBe(summary);
    expect(JSON.stringify(executor)).toBe(`{"baseUrl":"${BASE}","apiKey":"${REDACTED}"}`);
    await executor.close();
  });

  it.each(SECRETS)("never print resolveClientOptions()'s key %# or the environment it was read from", (secret) => {
    const options = resolved(secret);
    expectHidden(everyForm(options), secret);
    expect(JSON.parse(JSON.stringify(options)).apiKey).toBe(REDACTED);
    expect(String(options.apiKey)).toBe(REDACTED);
    expect(`${options.apiKey}`).toBe(REDACTED);
    expect(options.environment).not.toHaveProperty('variables');
    expect(options.apiKey.reveal()).toBe(secret);
  });

  it('never prints a token from refreshToken() held by the executor', async () => {
    const executor = new RequestExecutor(resolved(SECRETS[0], { refreshToken: async () => REFRESHED }));
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/me`, ({ request }) => {
        const authorization = request.headers.get('authorization');
        seen.push(authorization);
        return authorization === `Bearer ${REFRESHED}`
          ? HttpResponse.json({ status: 'success', data: { id: 1 } })
          : HttpResponse.json(
              { status: 'error', error: { code: 'Unauthorized', message: 'expired' } },
              { status: 401 },
            );
      }),
    );
    await executor.execute({ method: 'GET', path: '/me', resource: 'me', retry: 'idempotent' });
    expect(seen).toEqual([`Bearer ${SECRETS[0]}`, `Bearer ${REFRESHED}`]);
    expectHidden(everyForm(executor), REFRESHED);
    expectHidden(everyForm(executor), SECRETS[0]);
    await executor.close();
  });

  it('keeps a Secret out of every form but reveal()', () => {
    const secret = new Secret(SECRETS[1]);
    expectHidden(everyForm(secret), SECRETS[1]);
    expect([String(secret), `${secret}`, JSON.stringify(secret), inspect(secret)]).toEqual([
      REDACTED,
      REDACTED,
      `"${REDACTED}"`,
      REDACTED,
    ]);
    expect(secret.reveal()).toBe(SECRETS[1]);
  });

  it('summarises a client built with an injected executor by its base URL only', () => {
    const client = new CalComClient(
      { apiKey: SECRETS[0], baseUrl: 'https://api.cal.eu' },
      { executor: { execute: () => Promise.reject(new Error('not used')) } },
    );
    expect(String(client)).toBe(`CalComClient { baseUrl: 'https://api.cal.eu/v2', apiKey: '${REDACTED}' }`);
    expectHidden(everyForm(client), SECRETS[0]);
  });
});
