import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { createCalComSimulator } from '../../src/simulator/create-simulator';
import { OAUTH_PUBLIC_CLIENT_ID } from '../../src/simulator/oauth';
import type { CalComSimulator, SimulatorOptions } from '../../src/simulator/types';

// What the tests of the simulator's OAuth share: a simulator on a clock the test moves, and the authorize and token
// calls of a client.

export const START = new Date('2030-09-02T06:00:00.000Z');
export const ORIGIN = 'https://api.cal.com';
export const REDIRECT = 'http://127.0.0.1:49152/callback';
export const VERIFIER = 'a-verifier-of-at-least-forty-three-characters-0123456789';
export const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

export interface Harness {
  simulator: CalComSimulator;
  advance(seconds: number): void;
}

export function harness(options: SimulatorOptions = {}): Harness {
  let now = START;
  const simulator = createCalComSimulator({ now: () => now, rateLimit: { enabled: false }, ...options });
  return {
    simulator,
    advance(seconds) {
      now = new Date(now.getTime() + seconds * 1000);
    },
  };
}

export async function send(
  simulator: CalComSimulator,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const result = await simulator.handle(new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }));
  if (!(result instanceof Response)) throw new Error(`network fault ${result.kind}`);
  const text = await result.text();
  return { status: result.status, headers: result.headers, body: text === '' ? undefined : JSON.parse(text) };
}

export function authorizeQuery(overrides: Record<string, string | undefined> = {}): string {
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

export async function authorizeCode(simulator: CalComSimulator, overrides: Record<string, string | undefined> = {}) {
  const response = await send(simulator, authorizeQuery(overrides));
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('location') ?? '');
  return { location, code: location.searchParams.get('code') ?? '' };
}

export function token(simulator: CalComSimulator, body: Record<string, string>, form = false) {
  return send(simulator, '/v2/auth/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
}

export async function publicTokens(simulator: CalComSimulator, scope = 'BOOKING_READ PROFILE_READ') {
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

export function me(simulator: CalComSimulator, accessToken: string) {
  return send(simulator, '/v2/me', { headers: { authorization: `Bearer ${accessToken}` } });
}

export const INVALID_TOKEN = {
  status: 401,
  body: {
    status: 'error',
    error: expect.objectContaining({
      code: 'UnauthorizedException',
      message: 'ApiAuthStrategy - access token - Invalid access token',
    }),
  },
};
