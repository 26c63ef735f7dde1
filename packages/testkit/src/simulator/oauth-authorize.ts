import type { ResponseSpec } from '../fixtures/errors';
import { nextToken, OAUTH_SCOPES, type OAuthState } from './oauth';
import type { SimulatorUser } from './types';

// The authorize page (`/auth/oauth2/authorize`): approves at once for the configured user and redirects with a code.

/** Legacy scope names Cal.com still accepts, and the scope each stands for. */
const LEGACY_SCOPES: Readonly<Record<string, string>> = { READ_BOOKING: 'BOOKING_READ', READ_PROFILE: 'PROFILE_READ' };

/**
 * Whether a redirect URI matches a registered one: exactly, or for a loopback URI on any port (RFC 8252 §7.3).
 *
 * @param registered The registered URI.
 * @param candidate The URI of the request.
 * @returns Whether they match.
 */
export function redirectUriMatches(registered: string, candidate: string): boolean {
  if (registered === candidate) return true;
  let a: URL;
  let b: URL;
  try {
    a = new URL(registered);
    b = new URL(candidate);
  } catch {
    return false;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  return (
    a.protocol === 'http:' &&
    b.protocol === 'http:' &&
    loopback.includes(a.hostname) &&
    a.hostname === b.hostname &&
    a.pathname === b.pathname &&
    a.search === b.search
  );
}

/** A 303 to `uri` with the given query parameters. */
function redirectTo(uri: string, params: Record<string, string | undefined>): ResponseSpec {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return { status: 303, headers: { location: url.toString() }, body: '' };
}

/** A JSON error on the page itself (no redirect). */
function jsonError(status: number, error: string, description: string): ResponseSpec {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: { error, error_description: description },
  };
}

/**
 * Parses a `scope` parameter (space- or comma-separated) into scope names, legacy names mapped.
 *
 * @param raw The parameter.
 * @returns The scopes, sorted and without duplicates.
 */
export function parseScopes(raw: string | null): string[] {
  const names = (raw ?? '')
    .split(/[\s,]+/)
    .filter((name) => name !== '')
    .map((name) => name.toUpperCase());
  return [...new Set(names.map((name) => LEGACY_SCOPES[name] ?? name))].sort();
}

/**
 * The authorize page: signs in the configured user, approves at once and redirects (303) to `redirect_uri` with
 * `code` and `state`. A bad `client_id` or `redirect_uri` is answered on the page itself (400, no redirect, as RFC
 * 6749 §4.1.2.1 asks); other problems redirect with `error` and `error_description`.
 *
 * @param state The OAuth state.
 * @param users The users.
 * @param url The request URL.
 * @param now The simulator's clock.
 * @returns The response.
 */
export function authorize(state: OAuthState, users: readonly SimulatorUser[], url: URL, now: Date): ResponseSpec {
  const query = url.searchParams;
  const client = state.clients.find((candidate) => candidate.clientId === query.get('client_id'));
  if (client === undefined) return jsonError(400, 'invalid_client', 'client_not_found');
  const redirectUri = query.get('redirect_uri') ?? '';
  if (!client.redirectUris.some((registered) => redirectUriMatches(registered, redirectUri))) {
    return jsonError(400, 'invalid_request', 'redirect_uri_mismatch');
  }
  const clientState = query.get('state') ?? undefined;
  const fail = (error: string, description: string) =>
    redirectTo(redirectUri, { error, error_description: description, state: clientState });
  const responseType = query.get('response_type');
  if (responseType !== null && responseType !== 'code') {
    return fail('unsupported_response_type', 'response_type must be code');
  }
  const requested = parseScopes(query.get('scope'));
  const scopes = requested.length === 0 ? [...client.scopes] : requested;
  const unknown = scopes.filter((scope) => !(OAUTH_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0) return fail('invalid_scope', `Unknown scopes: ${unknown.join(', ')}`);
  if (scopes.some((scope) => !client.scopes.includes(scope))) {
    return fail('invalid_scope', "Requested scope exceeds the client's registered scopes");
  }
  const codeChallenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? 'S256';
  if (client.clientSecret === null && codeChallenge === undefined) {
    return fail('invalid_request', 'code_challenge_required');
  }
  if (codeChallenge !== undefined && method !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256');
  }
  const user = users.find((candidate) => candidate.id === state.approveUserId);
  if (user === undefined) return fail('access_denied', 'user_not_found');
  const code = nextToken(state, 'sim_oac');
  state.codes.set(code, {
    clientId: client.clientId,
    userId: user.id,
    redirectUri,
    scopes,
    codeChallenge,
    expiresAt: now.getTime() + state.codeTtlSeconds * 1000,
  });
  return redirectTo(redirectUri, { code, state: clientState });
}
