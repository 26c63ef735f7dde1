import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCalComSimulator } from './create-simulator';
import {
  OAUTH_CONFIDENTIAL_CLIENT_ID,
  OAUTH_CONFIDENTIAL_CLIENT_SECRET,
  OAUTH_PUBLIC_CLIENT_ID,
  parseScopes,
  redirectUriMatches,
  requiredScope,
} from './oauth';
import { DEFAULT_API_KEY } from './seed';
import type { CalComSimulator, SimulatorOptions } from './types';

const START = new Date('2030-09-02T06:00:00.000Z');
const ORIGIN = 'https://api.cal.com';
const REDIRECT = 'http://127.0.0.1:49152/callback';
const VERIFIER = 'a-verifier-of-at-least-forty-three-characters-0123456789';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

interface Harness {
  simulator: CalComSimulator;
  advance(seconds: number): void;
}

function harness(options: SimulatorOptions = {}): Harness {
  let now = START;
  const simulator = createCalComSimulator({ now: () => now, rateLimit: { enabled: false }, ...options });
  return {
    simulator,
    advance(seconds) {
      now = new Date(now.getTime() + seconds * 1000);
    },
  };
}

async function send(
  simulator: CalComSimulator,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const result = await simulator.handle(new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }));
  if (!(result instanceof Response)) throw new Error(`network fault ${result.kind}`);
  const text = await result.text();
  return { status: result.status, headers: result.headers, body: text === '' ? undefined : JSON.parse(text) };
}

function authorizeQuery(overrides: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  const all: Record<string, string | undefined> = {
    client_id: OAUTH_PUBLIC_CLIENT_ID,
    redirect_uri: REDIRECT,
    response_type: 'code',
    state: 'xyz',
    scope: 'BOOKING_READ PROFILE_READ',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...overrides,
  };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) params.set(name, value);
  return `/auth/oauth2/authorize?${params}`;
}

async function authorizeCode(simulator: CalComSimulator, overrides: Record<string, string | undefined> = {}) {
  const response = await send(simulator, authorizeQuery(overrides));
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('location') ?? '');
  return { location, code: location.searchParams.get('code') ?? '' };
}

function token(simulator: CalComSimulator, body: Record<string, string>, form = false) {
  return send(simulator, '/v2/auth/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
}

async function publicTokens(simulator: CalComSimulator, scope = 'BOOKING_READ PROFILE_READ') {
  const { code } = await authorizeCode(simulator, { scope });
  const response = await token(simulator, {
    client_id: OAUTH_PUBLIC_CLIENT_ID,
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    code_verifier: VERIFIER,
  });
  expect(response.status).toBe(200);
  return response.body as { access_token: string; refresh_token: string; expires_in: number; token_type: string };
}

function me(simulator: CalComSimulator, accessToken: string) {
  return send(simulator, '/v2/me', { headers: { authorization: `Bearer ${accessToken}` } });
}

const INVALID_TOKEN = {
  status: 401,
  body: {
    status: 'error',
    error: expect.objectContaining({
      code: 'UnauthorizedException',
      message: 'ApiAuthStrategy - access token - Invalid access token',
    }),
  },
};

describe('the authorize page', () => {
  it('approves for the configured user and redirects (303) with a code and the state', async () => {
    const { simulator } = harness();
    const { location, code } = await authorizeCode(simulator);
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:49152/callback');
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(code).toMatch(/^sim_oac_/);
  });

  it.each([
    [{ client_id: 'nobody' }, 'invalid_client', 'client_not_found'],
    [{ redirect_uri: 'https://evil.example/callback' }, 'invalid_request', 'redirect_uri_mismatch'],
    [{ redirect_uri: undefined }, 'invalid_request', 'redirect_uri_mismatch'],
  ])('answers %j on the page itself (400), without redirecting', async (overrides, error, description) => {
    const { simulator } = harness();
    const response = await send(simulator, authorizeQuery(overrides));
    expect({ status: response.status, body: response.body, location: response.headers.get('location') }).toEqual({
      status: 400,
      body: { error, error_description: description },
      location: null,
    });
  });

  it.each([
    [{ response_type: 'token' }, 'unsupported_response_type', 'response_type must be code'],
    [{ scope: 'BOOKING_READ TEAM_EVERYTHING' }, 'invalid_scope', 'Unknown scopes: TEAM_EVERYTHING'],
    [{ code_challenge: undefined }, 'invalid_request', 'code_challenge_required'],
    [{ code_challenge_method: 'plain' }, 'invalid_request', 'code_challenge_method must be S256'],
  ])('redirects %j with the error and the state', async (overrides, error, description) => {
    const { simulator } = harness();
    const response = await send(simulator, authorizeQuery(overrides));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '');
    expect(Object.fromEntries(location.searchParams)).toEqual({ error, error_description: description, state: 'xyz' });
  });

  it("refuses scopes beyond the client's registration", async () => {
    const { simulator } = harness({
      oauth: {
        clients: [
          {
            clientId: 'narrow',
            clientSecret: null,
            name: 'Narrow',
            redirectUris: ['http://127.0.0.1/callback'],
            scopes: ['BOOKING_READ'],
          },
        ],
      },
    });
    const response = await send(simulator, authorizeQuery({ client_id: 'narrow', scope: 'BOOKING_WRITE' }));
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error_description')).toBe(
      "Requested scope exceeds the client's registered scopes",
    );
    const granted = await authorizeCode(simulator, { client_id: 'narrow', scope: undefined });
    expect(granted.code).toMatch(/^sim_oac_/);
  });

  it('redirects access_denied when the approving user does not exist', async () => {
    const { simulator } = harness({ oauth: { approveUserId: 4242 } });
    const response = await send(simulator, authorizeQuery({ state: undefined }));
    expect(Object.fromEntries(new URL(response.headers.get('location') ?? '').searchParams)).toEqual({
      error: 'access_denied',
      error_description: 'user_not_found',
    });
  });
});

describe('the token endpoint', () => {
  it('exchanges a public client code with PKCE for un-enveloped, uncacheable tokens', async () => {
    const { simulator } = harness();
    const { code } = await authorizeCode(simulator);
    const response = await token(simulator, {
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    expect(response.body).toEqual({
      access_token: expect.stringMatching(/^sim_oat_/),
      token_type: 'bearer',
      refresh_token: expect.stringMatching(/^sim_ort_/),
      expires_in: 1800,
    });
  });

  it('exchanges a confidential client code sent as a form with the secret, and the token acts as the user', async () => {
    const { simulator } = harness();
    simulator.oauth.approveAs(1002);
    const { code } = await authorizeCode(simulator, {
      client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
      code_challenge: undefined,
      code_challenge_method: undefined,
      scope: 'PROFILE_READ',
    });
    const response = await token(
      simulator,
      {
        client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
      },
      true,
    );
    expect(response.status).toBe(200);
    const profile = await me(simulator, (response.body as { access_token: string }).access_token);
    expect(profile).toMatchObject({ status: 200, body: { data: { id: 1002 } } });
  });

  it('makes a code single-use: the second exchange is invalid_grant', async () => {
    const { simulator } = harness();
    const { code } = await authorizeCode(simulator);
    const body = {
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    };
    expect((await token(simulator, body)).status).toBe(200);
    expect(await token(simulator, body)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'code_invalid_or_expired' },
    });
  });

  it('lets a code expire after 600 s', async () => {
    const { simulator, advance } = harness();
    const { code } = await authorizeCode(simulator);
    advance(600);
    const response = await token(simulator, {
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    expect(response).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'code_invalid_or_expired' },
    });
  });

  it.each([
    ['a wrong verifier', { code_verifier: 'not-the-verifier' }, 400, 'invalid_grant', 'invalid_code_verifier'],
    [
      'another redirect_uri',
      { redirect_uri: 'http://127.0.0.1:1/callback' },
      400,
      'invalid_grant',
      'redirect_uri_mismatch',
    ],
    ['an unknown client', { client_id: 'nobody' }, 401, 'invalid_client', 'client_not_found'],
    [
      'another client',
      {
        client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
        client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
        code_verifier: undefined,
      },
      400,
      'invalid_grant',
      'code_invalid_or_expired',
    ],
  ])('refuses an exchange with %s', async (_name, overrides, status, error, description) => {
    const { simulator } = harness();
    const { code } = await authorizeCode(simulator);
    const body: Record<string, string | undefined> = {
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
      ...overrides,
    };
    const sent = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Record<
      string,
      string
    >;
    expect(await token(simulator, sent)).toMatchObject({ status, body: { error, error_description: description } });
  });

  it('asks a confidential client for its verifier when its code had a challenge and none is sent', async () => {
    const { simulator } = harness();
    simulator.oauth.approveAs(1001);
    const { code } = await authorizeCode(simulator, { client_id: OAUTH_CONFIDENTIAL_CLIENT_ID });
    const response = await token(simulator, {
      client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
    });
    expect(response).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'code_verifier_required' },
    });
  });

  it.each([
    ['a wrong secret', { client_secret: 'wrong' }, 401, 'invalid_client', 'invalid_client_credentials'],
    ['no client_id', { client_id: undefined }, 400, 'invalid_request', 'client_id is required'],
    [
      'an unknown grant type',
      { grant_type: 'password' },
      400,
      'invalid_request',
      "grant_type must be 'authorization_code' or 'refresh_token'",
    ],
    ['a missing code', { code: undefined }, 400, 'invalid_request', 'code property is wrong,code must be a string '],
    [
      'an unknown property',
      { scope: 'BOOKING_READ' },
      400,
      'invalid_request',
      'scope property is wrong,property scope should not exist ',
    ],
    ['an empty code', { code: '' }, 400, 'invalid_request', 'code property is wrong,code should not be empty '],
  ])('refuses a confidential exchange with %s', async (_name, overrides, status, error, description) => {
    const { simulator } = harness();
    const body: Record<string, string | undefined> = {
      client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
      grant_type: 'authorization_code',
      code: 'some-code',
      redirect_uri: REDIRECT,
      client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
      ...overrides,
    };
    const sent = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Record<
      string,
      string
    >;
    expect(await token(simulator, sent)).toEqual({
      status,
      headers: expect.any(Headers),
      body: { error, error_description: description },
    });
  });

  it('refuses a body that is missing or not an object', async () => {
    const { simulator } = harness();
    const post = (body: string) =>
      send(simulator, '/v2/auth/oauth2/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    expect((await post('')).body).toEqual({ error: 'invalid_request', error_description: 'Body is required' });
    expect((await post('"text"')).body).toEqual({
      error: 'invalid_request',
      error_description: 'Body should be an object',
    });
  });

  it('rotates refresh tokens: the new pair works, the old refresh token is invalid_grant', async () => {
    const { simulator } = harness();
    const first = await publicTokens(simulator);
    const refresh = (refreshToken: string) =>
      token(simulator, { client_id: OAUTH_PUBLIC_CLIENT_ID, grant_type: 'refresh_token', refresh_token: refreshToken });
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    const rotated = second.body as { access_token: string; refresh_token: string };
    expect(rotated.refresh_token).not.toBe(first.refresh_token);
    expect((await me(simulator, rotated.access_token)).status).toBe(200);
    expect(await refresh(first.refresh_token)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'invalid_refresh_token' },
    });
    expect(
      await token(simulator, {
        client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: rotated.refresh_token,
        client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
      }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'invalid_refresh_token' } });
  });
});

describe('OAuth access tokens at the API', () => {
  it('expire after expires_in seconds on the simulator clock (401), and a refresh brings access back', async () => {
    const { simulator, advance } = harness();
    const tokens = await publicTokens(simulator);
    advance(1799);
    expect((await me(simulator, tokens.access_token)).status).toBe(200);
    advance(1);
    expect(await me(simulator, tokens.access_token)).toMatchObject(INVALID_TOKEN);
    const refreshed = await token(simulator, {
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect((await me(simulator, (refreshed.body as { access_token: string }).access_token)).status).toBe(200);
  });

  it('stop working once revoked, with every token of the grant', async () => {
    const { simulator } = harness();
    const tokens = await publicTokens(simulator);
    expect(simulator.oauth.revoke(tokens.refresh_token)).toBe(true);
    expect(simulator.oauth.revoke('sim_oat_unknown')).toBe(false);
    expect(await me(simulator, tokens.access_token)).toMatchObject(INVALID_TOKEN);
    expect(
      await token(simulator, {
        client_id: OAUTH_PUBLIC_CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
      }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'invalid_refresh_token' } });
  });

  it('are checked for the scope of the area (403), reads and writes apart', async () => {
    const { simulator } = harness();
    const tokens = await publicTokens(simulator, 'BOOKING_READ');
    const headers = { authorization: `Bearer ${tokens.access_token}`, 'cal-api-version': '2024-08-13' };
    expect((await send(simulator, '/v2/bookings', { headers })).status).toBe(200);
    const denied = await me(simulator, tokens.access_token);
    expect(denied).toMatchObject({
      status: 403,
      body: {
        error: {
          code: 'ForbiddenException',
          message:
            'Insufficient scope: this OAuth access token lacks PROFILE_READ (it has BOOKING_READ). Authorize the app again with that scope.',
        },
      },
    });
    const cancel = await send(simulator, '/v2/bookings/some-uid/cancel', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(cancel.status).toBe(403);
  });

  it('accept the legacy scope names READ_BOOKING and READ_PROFILE', async () => {
    const { simulator } = harness();
    const tokens = await publicTokens(simulator, 'READ_PROFILE,READ_BOOKING');
    expect((await me(simulator, tokens.access_token)).status).toBe(200);
  });

  it('leave API keys unaffected by scopes', async () => {
    const { simulator } = harness();
    expect((await me(simulator, DEFAULT_API_KEY)).status).toBe(200);
  });
});

describe('GET /v2/auth/oauth2/clients/{clientId}', () => {
  it('describes a client without its secret', async () => {
    const { simulator } = harness();
    expect((await send(simulator, `/v2/auth/oauth2/clients/${OAUTH_CONFIDENTIAL_CLIENT_ID}`)).body).toEqual({
      status: 'success',
      data: {
        client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
        redirect_uri: 'https://app.example.com/oauth/callback',
        name: 'Simulator Confidential App',
        logo: null,
        is_trusted: false,
        client_type: 'CONFIDENTIAL',
      },
    });
  });

  it('answers 404 for an unknown client', async () => {
    const { simulator } = harness();
    expect(await send(simulator, '/v2/auth/oauth2/clients/nobody')).toMatchObject({
      status: 404,
      body: { error: { code: 'NotFoundException', message: 'OAuth client with ID nobody not found' } },
    });
  });
});

describe('OAuth helpers and controls', () => {
  it('matches loopback redirect URIs on any port, others exactly', () => {
    expect(redirectUriMatches('http://127.0.0.1/callback', 'http://127.0.0.1:5555/callback')).toBe(true);
    expect(redirectUriMatches('http://127.0.0.1/callback', 'http://127.0.0.1:5555/other')).toBe(false);
    expect(redirectUriMatches('https://app.example.com/cb', 'https://app.example.com:444/cb')).toBe(false);
    expect(redirectUriMatches('http://127.0.0.1/callback', 'not a url')).toBe(false);
  });

  it('parses scopes separated by spaces or commas, legacy names mapped', () => {
    expect(parseScopes('booking_read, READ_PROFILE BOOKING_READ')).toEqual(['BOOKING_READ', 'PROFILE_READ']);
    expect(parseScopes(null)).toEqual([]);
  });

  it('names the scope of each area', () => {
    expect(requiredScope('GET', '/v2/me')).toBe('PROFILE_READ');
    expect(requiredScope('PATCH', '/v2/me')).toBe('PROFILE_WRITE');
    expect(requiredScope('POST', '/v2/event-types')).toBe('EVENT_TYPE_WRITE');
    expect(requiredScope('GET', '/v2/schedules/2001')).toBe('SCHEDULE_READ');
    expect(requiredScope('GET', '/v2/teams')).toBeUndefined();
  });

  it('refuses to approve as a user that does not exist, and lists the clients', () => {
    const { simulator } = harness();
    expect(() => simulator.oauth.approveAs(7)).toThrow('approveAs(7): no such user. Seeded users: 1001, 1002.');
    expect(simulator.oauth.clients.map((client) => client.clientId)).toEqual([
      OAUTH_CONFIDENTIAL_CLIENT_ID,
      OAUTH_PUBLIC_CLIENT_ID,
    ]);
  });

  it('forgets codes, tokens and the approving user on reset()', async () => {
    const { simulator } = harness();
    simulator.oauth.approveAs(1002);
    const tokens = await publicTokens(simulator);
    simulator.reset();
    expect(await me(simulator, tokens.access_token)).toMatchObject(INVALID_TOKEN);
    const again = await publicTokens(simulator, 'PROFILE_READ');
    expect((await me(simulator, again.access_token)).body).toMatchObject({ data: { id: 1001 } });
  });
});
