import { createHash } from 'node:crypto';
import { rateLimitKey } from '@calcom-int/core';
import { createCalComSimulator, OAUTH_PUBLIC_CLIENT_ID } from '@calcom-int/testkit';
import { buildMe } from '@calcom-int/testkit/fixtures';
import { type CalComServer, startCalComServer } from '@calcom-int/testkit/server';
import { server as msw, TEST_NOW } from '@calcom-int/testkit/vitest';
import { http, passthrough } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, startTestServer, textOf } from '../test/support';
import type { McpHttpServer } from './http-server';
import { createOAuthUsers, isApiKey, oauthMetadata } from './oauth';

const VERIFIER = 'mcp-client-pkce-verifier-0123456789-0123456789-xyz';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const REDIRECT = 'http://127.0.0.1:43210/callback';

let mcp: McpHttpServer | undefined;
let calcom: CalComServer | undefined;

afterEach(async () => {
  await mcp?.close();
  await calcom?.close();
  mcp = undefined;
  calcom = undefined;
});

interface Setup {
  readonly mcp: McpHttpServer;
  readonly calcom: CalComServer;
  readonly budgetKeys: string[];
  advance(seconds: number): void;
}

/** The simulator over HTTP on a clock the test moves, and the MCP server with OAuth pointed at it. */
async function setup(): Promise<Setup> {
  let now = new Date(TEST_NOW);
  const simulator = createCalComSimulator({ now: () => now, rateLimit: { enabled: false } });
  calcom = await startCalComServer({ simulator });
  msw.use(http.all(`${new URL(calcom.url).origin}/*`, () => passthrough()));
  const budgetKeys: string[] = [];
  const started = await startTestServer({
    clientOptions: { baseUrl: calcom.url, now: () => now, maxRetries: 0 },
    // The token's user is remembered longer than the token lives, so the first call after expiry reaches Cal.com.
    oauth: { authorizeUrl: `${new URL(calcom.url).origin}/auth/oauth2/authorize`, userCacheMs: 3_600_000 },
    rateLimitStore: {
      async take(key) {
        budgetKeys.push(key);
        return { granted: true };
      },
    },
  });
  mcp = started.server;
  return {
    mcp: started.server,
    calcom,
    budgetKeys,
    advance(seconds) {
      now = new Date(now.getTime() + seconds * 1000);
    },
  };
}

interface AuthorizationServer {
  authorization_endpoint: string;
  token_endpoint: string;
}

interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

/** What an MCP client does: discovery, authorize with PKCE (the page approves at once), code exchange. */
async function signIn(mcpUrl: string): Promise<{ tokens: Tokens; metadata: AuthorizationServer }> {
  const origin = new URL(mcpUrl).origin;
  const resource = (await (await fetch(`${origin}/.well-known/oauth-protected-resource`)).json()) as {
    authorization_servers: string[];
  };
  const issuer = resource.authorization_servers[0] ?? '';
  const metadata = (await (
    await fetch(`${issuer}/.well-known/oauth-authorization-server`)
  ).json()) as AuthorizationServer;
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: OAUTH_PUBLIC_CLIENT_ID,
    redirect_uri: REDIRECT,
    state: 'state-1',
    scope: 'PROFILE_READ BOOKING_READ BOOKING_WRITE EVENT_TYPE_READ',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
  });
  const authorized = await fetch(`${metadata.authorization_endpoint}?${query}`, { redirect: 'manual' });
  expect(authorized.status).toBe(303);
  const callback = new URL(authorized.headers.get('location') ?? '');
  expect(callback.searchParams.get('state')).toBe('state-1');
  const exchanged = await fetch(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    }),
  });
  expect(exchanged.status).toBe(200);
  return { tokens: (await exchanged.json()) as Tokens, metadata };
}

async function refresh(metadata: AuthorizationServer, refreshToken: string): Promise<Tokens> {
  const response = await fetch(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      refresh_token: refreshToken,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Tokens;
}

/** A raw `tools/call` (an MCP client gives up on a 401 before the test could see it). */
async function callRaw(url: string, token: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { name: 'get_user_profile', arguments: {} },
    }),
  });
  return { status: response.status, challenge: response.headers.get('www-authenticate'), body: await response.json() };
}

async function profileOf(url: string, token: string): Promise<string> {
  const client = await connect(url, token);
  try {
    return textOf(await client.callTool({ name: 'get_user_profile', arguments: {} }));
  } finally {
    await client.close();
  }
}

function unauthorized(origin: string) {
  return {
    status: 401,
    challenge: `Bearer error="invalid_token", error_description="The access token is expired, revoked or invalid; refresh it or sign in again.", resource_metadata="${origin}/.well-known/oauth-protected-resource"`,
  };
}

describe('OAuth 2.1 over HTTP against the simulator', () => {
  it('authorize with PKCE → token → tools/call → expiry 401 → refresh → works → revoke → 401, on one user budget', async () => {
    const { mcp: server, calcom: api, budgetKeys, advance } = await setup();
    const origin = new URL(server.url).origin;
    const { tokens, metadata } = await signIn(server.url);
    expect(metadata).toMatchObject({
      authorization_endpoint: `${new URL(api.url).origin}/auth/oauth2/authorize`,
      token_endpoint: `${api.url}/auth/oauth2/token`,
    });
    expect(await profileOf(server.url, tokens.access_token)).toMatch(/^user_id 1001 \|/);

    advance(tokens.expires_in);
    // The first call after expiry: the token's user is still known, Cal.com refuses the token, the answer is a 401.
    expect(await callRaw(server.url, tokens.access_token)).toMatchObject({
      ...unauthorized(origin),
      body: {
        jsonrpc: '2.0',
        error: {
          code: -32001,
          message:
            'Unauthorized: Cal.com refused the access token (expired or revoked). Refresh it and send the request again.',
        },
        id: null,
      },
    });
    // The next one: the token was forgotten, identifying it fails, still a 401.
    expect(await callRaw(server.url, tokens.access_token)).toMatchObject({
      ...unauthorized(origin),
      body: {
        error: {
          message:
            'Unauthorized: Cal.com refused the access token (expired, revoked or unknown). Refresh it or sign in again.',
        },
      },
    });

    const refreshed = await refresh(metadata, tokens.refresh_token);
    expect(await profileOf(server.url, refreshed.access_token)).toMatch(/^user_id 1001 \|/);

    expect(api.simulator.oauth.revoke(refreshed.access_token)).toBe(true);
    expect(await callRaw(server.url, refreshed.access_token)).toMatchObject(unauthorized(origin));

    // Both tokens spent the user's budget, never a per-token one.
    const toolKeys = new Set(budgetKeys.filter((key) => key.startsWith('calcom:user:')));
    expect([...toolKeys]).toEqual(['calcom:user:1001']);
    expect(budgetKeys).not.toContain(rateLimitKey(tokens.access_token).replace('calcom:', 'calcom:user:'));
  });

  it('serves two OAuth users in parallel, each seeing only their own data', async () => {
    const { mcp: server, calcom: api } = await setup();
    api.simulator.oauth.approveAs(1001);
    const ada = (await signIn(server.url)).tokens;
    api.simulator.oauth.approveAs(1002);
    const charles = (await signIn(server.url)).tokens;
    const [adaClient, charlesClient] = await Promise.all([
      connect(server.url, ada.access_token),
      connect(server.url, charles.access_token),
    ]);
    const bookingsOf = (userId: number) =>
      api.simulator.state.bookings.filter((booking) => booking.hosts.some((host) => host.id === userId));
    expect(bookingsOf(1002).length).toBeGreaterThan(0);
    const rounds = await Promise.all(
      Array.from({ length: 3 }, async () =>
        Promise.all([
          adaClient.callTool({ name: 'get_user_profile', arguments: {} }),
          charlesClient.callTool({ name: 'get_user_profile', arguments: {} }),
          adaClient.callTool({ name: 'list_bookings', arguments: {} }),
          charlesClient.callTool({ name: 'list_bookings', arguments: {} }),
        ]),
      ),
    );
    for (const [adaProfile, charlesProfile, adaList, charlesList] of rounds) {
      expect(textOf(adaProfile)).toMatch(/^user_id 1001 \|/);
      expect(textOf(charlesProfile)).toMatch(/^user_id 1002 \|/);
      for (const booking of bookingsOf(1002)) {
        expect(textOf(adaList)).not.toContain(booking.uid);
      }
      for (const booking of bookingsOf(1001)) {
        expect(textOf(charlesList)).not.toContain(booking.uid);
      }
    }
    await Promise.all([adaClient.close(), charlesClient.close()]);
  });

  it('publishes no authorization server metadata without the oauth option', async () => {
    const { server } = await startTestServer();
    mcp = server;
    const response = await fetch(`${new URL(server.url).origin}/.well-known/oauth-authorization-server`);
    expect(response.status).toBe(404);
    const resource = (await (
      await fetch(`${new URL(server.url).origin}/.well-known/oauth-protected-resource`)
    ).json()) as Record<string, unknown>;
    expect(resource.authorization_servers).toEqual([]);
    expect(resource.scopes_supported).toBeUndefined();
  });
});

describe('oauth helpers', () => {
  it('tells API keys from OAuth access tokens by the cal_ prefix', () => {
    expect(isApiKey('cal_live_abc')).toBe(true);
    expect(isApiKey('eyJhbGciOiJIUzI1NiJ9.x.y')).toBe(false);
  });

  it("defaults to Cal.com's endpoints and the tools' scopes", () => {
    expect(oauthMetadata('https://mcp.example.com', {}, undefined)).toEqual({
      issuer: 'https://mcp.example.com',
      authorization_endpoint: 'https://app.cal.com/auth/oauth2/authorize',
      token_endpoint: 'https://api.cal.com/v2/auth/oauth2/token',
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_post'],
      scopes_supported: [
        'PROFILE_READ',
        'PROFILE_WRITE',
        'BOOKING_READ',
        'BOOKING_WRITE',
        'EVENT_TYPE_READ',
        'EVENT_TYPE_WRITE',
        'SCHEDULE_READ',
        'SCHEDULE_WRITE',
      ],
    });
    expect(oauthMetadata('https://mcp.example.com', undefined, undefined)).toBeUndefined();
  });

  it('looks a token up once while it is cached, and again after the cache time', async () => {
    let now = new Date(TEST_NOW);
    let lookups = 0;
    const users = createOAuthUsers({
      clientOptions: { baseUrl: 'https://calcom.test/v2', now: () => now, maxRetries: 0 },
      ttlMs: 1000,
      maxEntries: 1,
    });
    const fetchMe: typeof fetch = async () => {
      lookups += 1;
      return Response.json({ status: 'success', data: buildMe() });
    };
    const results = await Promise.all([
      users.identify('token-0001-abcdef', fetchMe),
      users.identify('token-0001-abcdef', fetchMe),
    ]);
    expect(results).toEqual([
      { kind: 'user', userKey: 'calcom:user:1001' },
      { kind: 'user', userKey: 'calcom:user:1001' },
    ]);
    await users.identify('token-0001-abcdef', fetchMe);
    expect(lookups).toBe(1);
    now = new Date(TEST_NOW + 1000);
    await users.identify('token-0001-abcdef', fetchMe);
    expect(lookups).toBe(2);
    await users.identify('token-0002-abcdef', fetchMe);
    expect(users.size()).toBe(1);
    users.forget('token-0002-abcdef');
    expect(users.size()).toBe(0);
  });

  it('budgets a token without PROFILE_READ on its own, and reports Cal.com being unreachable', async () => {
    const users = createOAuthUsers({ clientOptions: { baseUrl: 'https://calcom.test/v2', maxRetries: 0 } });
    const forbidden: typeof fetch = async () =>
      Response.json(
        { status: 'error', error: { code: 'ForbiddenException', message: 'Insufficient scope' } },
        { status: 403 },
      );
    expect(await users.identify('token-0003-abcdef', forbidden)).toEqual({
      kind: 'user',
      userKey: rateLimitKey('token-0003-abcdef'),
    });
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await users.identify('tok', down)).toEqual({
      kind: 'rejected',
      message: expect.stringContaining('apiKey is too short'),
    });
    expect(await users.identify('token-0004-abcdef', down)).toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(
        /^Could not identify the token's Cal.com user \(.+\); send the request again shortly\.$/,
      ),
    });
  });
});
