import { createHash } from 'node:crypto';
import type { ResponseSpec } from '../fixtures/errors';
import { ok, type Route, type RouteContext, type RouteReply } from './context';
import { forbiddenError, notFoundError } from './http-error';
import type { SimulatorUser } from './types';

/**
 * Cal.com's OAuth2 for third-party apps, as the simulator models it (docs/CALCOM-API.md §2.1): the authorize page
 * (a loopback route that approves at once for a configurable seeded user), the token endpoint
 * `POST /v2/auth/oauth2/token` (authorization code with PKCE, refresh with rotation, RFC 6749 error bodies), the client
 * lookup `GET /v2/auth/oauth2/clients/{clientId}`, access tokens that expire on the simulator's clock, revocation
 * (a test control), and scopes enforced per area.
 */

/** The authorize page's path. Cal.com serves it at `https://app.cal.com/auth/oauth2/authorize`. */
export const OAUTH_AUTHORIZE_PATH = '/auth/oauth2/authorize';
/** The token endpoint's path. */
export const OAUTH_TOKEN_PATH = '/v2/auth/oauth2/token';
/** Seconds an access token lives (Cal.com's tokens say `expires_in: 1800`). */
export const OAUTH_ACCESS_TOKEN_TTL_SECONDS = 1800;
/** Seconds an authorization code lives. */
export const OAUTH_CODE_TTL_SECONDS = 600;

/** The seeded confidential OAuth client (a server-side app with a secret). */
export const OAUTH_CONFIDENTIAL_CLIENT_ID = 'sim_oauth_client_confidential';
/** The secret of {@link OAUTH_CONFIDENTIAL_CLIENT_ID}. */
export const OAUTH_CONFIDENTIAL_CLIENT_SECRET = 'sim_oauth_secret_0001';
/** The seeded public OAuth client (PKCE, no secret): what an MCP client such as Claude uses. */
export const OAUTH_PUBLIC_CLIENT_ID = 'sim_oauth_client_public';

/** The scopes of a user's own data (Cal.com's `INDIVIDUAL_SCOPES`). */
export const OAUTH_SCOPES = [
  'EVENT_TYPE_READ',
  'EVENT_TYPE_WRITE',
  'BOOKING_READ',
  'BOOKING_WRITE',
  'SCHEDULE_READ',
  'SCHEDULE_WRITE',
  'APPS_READ',
  'APPS_WRITE',
  'PROFILE_READ',
  'PROFILE_WRITE',
] as const;

/** Legacy scope names Cal.com still accepts, and the scope each stands for. */
const LEGACY_SCOPES: Readonly<Record<string, string>> = { READ_BOOKING: 'BOOKING_READ', READ_PROFILE: 'PROFILE_READ' };

/** An OAuth client registered with Cal.com. */
export interface OAuthClientRecord {
  /** `client_id`. */
  readonly clientId: string;
  /** The secret of a confidential client; `null` for a public one. */
  readonly clientSecret: string | null;
  /** The app's name. */
  readonly name: string;
  /**
   * Registered redirect URIs. A loopback one (`http://127.0.0.1/…`, `http://localhost/…`) matches any port
   * (RFC 8252 §7.3), as native and CLI MCP clients listen on a free port.
   */
  readonly redirectUris: readonly string[];
  /** The scopes the client may ask for. */
  readonly scopes: readonly string[];
}

/** OAuth settings of a simulator (`SimulatorOptions.oauth`). */
export interface OAuthOptions {
  /** The user the authorize page signs in and approves for (default 1001, the default user). */
  approveUserId?: number;
  /** Access token lifetime in seconds (default 1800). */
  accessTokenTtlSeconds?: number;
  /** Authorization code lifetime in seconds (default 600). */
  codeTtlSeconds?: number;
  /** The registered clients (default the seeded confidential and public ones). */
  clients?: readonly OAuthClientRecord[];
}

interface StoredCode {
  readonly clientId: string;
  readonly userId: number;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly codeChallenge: string | undefined;
  readonly expiresAt: number;
}

interface StoredGrant {
  readonly clientId: string;
  readonly userId: number;
  readonly scopes: readonly string[];
  revoked: boolean;
}

interface StoredAccessToken {
  readonly grant: StoredGrant;
  readonly expiresAt: number;
}

interface StoredRefreshToken {
  readonly grant: StoredGrant;
  used: boolean;
}

/** The simulator's OAuth state: settings, clients, codes and tokens (reset with the rest of the state). */
export interface OAuthState {
  approveUserId: number;
  accessTokenTtlSeconds: number;
  codeTtlSeconds: number;
  clients: OAuthClientRecord[];
  readonly codes: Map<string, StoredCode>;
  readonly accessTokens: Map<string, StoredAccessToken>;
  readonly refreshTokens: Map<string, StoredRefreshToken>;
  counter: number;
}

/** An access token the simulator accepts: its user and scopes. */
export interface OAuthGrantView {
  /** The user the token acts for. */
  readonly userId: number;
  /** The client it was issued to. */
  readonly clientId: string;
  /** Its scopes. */
  readonly scopes: readonly string[];
}

/** Test controls of the simulator's OAuth (`simulator.oauth`). */
export interface OAuthControls {
  /** The user the authorize page approves for from now on (a seeded user id, e.g. 1001 or 1002). */
  approveAs(userId: number): void;
  /**
   * Revokes the grant an access or refresh token belongs to (the user removed the app): its access tokens answer 401
   * and its refresh tokens `invalid_grant`. Returns whether the token was known.
   */
  revoke(token: string): boolean;
  /** The registered clients. */
  readonly clients: readonly OAuthClientRecord[];
}

const DEFAULT_CLIENTS: readonly OAuthClientRecord[] = [
  {
    clientId: OAUTH_CONFIDENTIAL_CLIENT_ID,
    clientSecret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
    name: 'Simulator Confidential App',
    redirectUris: ['https://app.example.com/oauth/callback', 'http://127.0.0.1/callback'],
    scopes: OAUTH_SCOPES,
  },
  {
    clientId: OAUTH_PUBLIC_CLIENT_ID,
    clientSecret: null,
    name: 'Simulator Public App',
    redirectUris: ['http://127.0.0.1/callback', 'http://localhost/callback', 'https://claude.ai/api/mcp/auth_callback'],
    scopes: OAUTH_SCOPES,
  },
];

/**
 * Creates the OAuth state with its settings.
 *
 * @param options The settings.
 * @returns The state.
 */
export function createOAuthState(options: OAuthOptions = {}): OAuthState {
  return {
    approveUserId: options.approveUserId ?? 1001,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? OAUTH_ACCESS_TOKEN_TTL_SECONDS,
    codeTtlSeconds: options.codeTtlSeconds ?? OAUTH_CODE_TTL_SECONDS,
    clients: [...(options.clients ?? DEFAULT_CLIENTS)],
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    counter: 0,
  };
}

/**
 * The controls over a state that may be replaced (the simulator's `reset()` makes a new one).
 *
 * @param state Reads the current state.
 * @param users Reads the current users.
 * @returns The controls.
 */
export function oauthControls(state: () => OAuthState, users: () => readonly SimulatorUser[]): OAuthControls {
  return {
    approveAs(userId) {
      if (!users().some((user) => user.id === userId)) {
        throw new Error(
          `approveAs(${userId}): no such user. Seeded users: ${users()
            .map((user) => user.id)
            .join(', ')}.`,
        );
      }
      state().approveUserId = userId;
    },
    revoke(token) {
      const grant = state().accessTokens.get(token)?.grant ?? state().refreshTokens.get(token)?.grant;
      if (grant === undefined) return false;
      grant.revoked = true;
      return true;
    },
    get clients() {
      return structuredClone(state().clients);
    },
  };
}

/**
 * Finds the grant of a valid OAuth access token: known, not expired on the simulator's clock, not revoked.
 *
 * @param state The OAuth state.
 * @param token The bearer token.
 * @param now The simulator's clock.
 * @returns The grant, or `undefined` (Cal.com answers 401).
 */
export function accessTokenGrant(state: OAuthState, token: string, now: Date): OAuthGrantView | undefined {
  const stored = state.accessTokens.get(token);
  if (stored === undefined || stored.grant.revoked || now.getTime() >= stored.expiresAt) return undefined;
  return { userId: stored.grant.userId, clientId: stored.grant.clientId, scopes: stored.grant.scopes };
}

/**
 * The grant of the OAuth access token in an `Authorization` header, if it carries a valid one.
 *
 * @param state The OAuth state.
 * @param header The header.
 * @param now The simulator's clock.
 * @returns The grant, or `undefined` (no header, an API key, or an invalid token).
 */
export function bearerGrant(state: OAuthState, header: string | null, now: Date): OAuthGrantView | undefined {
  const token = header === null ? undefined : /^Bearer\s+(\S+)\s*$/.exec(header)?.[1];
  return token === undefined || token.startsWith('cal_') ? undefined : accessTokenGrant(state, token, now);
}

/**
 * The scope a request needs when made with an OAuth access token, by area: profile (`/v2/me`), bookings, event types
 * and schedules; reads need `*_READ`, anything else `*_WRITE`. Other paths need none.
 *
 * @param method The HTTP method.
 * @param path The request path.
 * @returns The scope, or `undefined`.
 */
export function requiredScope(method: string, path: string): string | undefined {
  const read = method === 'GET';
  const areas: [RegExp, string][] = [
    [/^\/v2\/me\/?$/, 'PROFILE'],
    [/^\/v2\/bookings(\/|$)/, 'BOOKING'],
    [/^\/v2\/event-types(\/|$)/, 'EVENT_TYPE'],
    [/^\/v2\/schedules(\/|$)/, 'SCHEDULE'],
  ];
  const area = areas.find(([pattern]) => pattern.test(path))?.[1];
  return area === undefined ? undefined : `${area}_${read ? 'READ' : 'WRITE'}`;
}

/**
 * Refuses a request whose OAuth access token lacks the scope of its area (403).
 *
 * @param grant The token's grant (`undefined` for API keys and anonymous calls: nothing to check).
 * @param method The HTTP method.
 * @param path The request path.
 */
export function enforceScope(grant: OAuthGrantView | undefined, method: string, path: string): void {
  if (grant === undefined) return;
  const scope = requiredScope(method, path);
  if (scope === undefined || grant.scopes.includes(scope)) return;
  throw forbiddenError(
    `Insufficient scope: this OAuth access token lacks ${scope} (it has ${grant.scopes.join(', ') || 'none'}). Authorize the app again with that scope.`,
  );
}

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

function nextToken(state: OAuthState, prefix: string): string {
  state.counter += 1;
  const tail = createHash('sha256').update(`${prefix}:${state.counter}:${state.clients.length}`).digest('hex');
  return `${prefix}_${state.counter.toString(36)}_${tail.slice(0, 24)}`;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** An RFC 6749 §5.2 error, as Cal.com's token endpoint sends it (no envelope). */
function oauthError(status: number, error: string, description: string): RouteReply {
  return { status, body: { error, error_description: description } };
}

function redirectTo(uri: string, params: Record<string, string | undefined>): ResponseSpec {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return { status: 303, headers: { location: url.toString() }, body: '' };
}

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

type FieldRules = Record<string, boolean>;

/** Fields of each token request body: `true` required, `false` optional (Cal.com forbids any other). */
const EXCHANGE_CONFIDENTIAL: FieldRules = {
  client_id: true,
  grant_type: true,
  code: true,
  redirect_uri: true,
  client_secret: true,
  // Not in the document's schema, but a confidential client whose code had a challenge must prove it (PKCE).
  code_verifier: false,
};
const EXCHANGE_PUBLIC: FieldRules = {
  client_id: true,
  grant_type: true,
  code: true,
  redirect_uri: true,
  code_verifier: true,
};
const REFRESH_CONFIDENTIAL: FieldRules = {
  client_id: true,
  grant_type: true,
  refresh_token: true,
  client_secret: true,
};
const REFRESH_PUBLIC: FieldRules = { client_id: true, grant_type: true, refresh_token: true };

/**
 * Checks a token request body like Cal.com's pipe (class-validator, whitelist, forbid unknown properties) and
 * describes the failures the way it does.
 *
 * @param body The body.
 * @param rules The fields.
 * @returns The `error_description`, or `undefined` when the body is valid.
 */
function fieldProblems(body: Record<string, unknown>, rules: FieldRules): string | undefined {
  const problems: string[] = [];
  for (const name of Object.keys(body)) {
    if (!(name in rules)) problems.push(`${name} property is wrong,property ${name} should not exist `);
  }
  for (const [name, required] of Object.entries(rules)) {
    const value = body[name];
    if (value === undefined && !required) continue;
    if (typeof value !== 'string') problems.push(`${name} property is wrong,${name} must be a string `);
    else if (value === '') problems.push(`${name} property is wrong,${name} should not be empty `);
  }
  return problems.length === 0 ? undefined : problems.join(', ');
}

function issueTokens(state: OAuthState, grant: StoredGrant, now: Date): RouteReply {
  const accessToken = nextToken(state, 'sim_oat');
  const refreshToken = nextToken(state, 'sim_ort');
  state.accessTokens.set(accessToken, { grant, expiresAt: now.getTime() + state.accessTokenTtlSeconds * 1000 });
  state.refreshTokens.set(refreshToken, { grant, used: false });
  return {
    status: 200,
    headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
    body: {
      access_token: accessToken,
      token_type: 'bearer',
      refresh_token: refreshToken,
      expires_in: state.accessTokenTtlSeconds,
    },
  };
}

/**
 * `POST /v2/auth/oauth2/token`: exchanges a code (confidential: `client_secret`; public: PKCE `code_verifier`) or a
 * refresh token (rotated: the old one stops working) for tokens, un-enveloped; errors as RFC 6749 §5.2 bodies.
 *
 * @param context The route context (JSON or form body, already parsed).
 * @returns The reply.
 */
function token(context: RouteContext): RouteReply {
  const state = context.data.oauth;
  const body = context.body;
  if (body === undefined || body === null) return oauthError(400, 'invalid_request', 'Body is required');
  if (typeof body !== 'object' || Array.isArray(body)) {
    return oauthError(400, 'invalid_request', 'Body should be an object');
  }
  const fields = body as Record<string, unknown>;
  if (typeof fields.client_id !== 'string' || fields.client_id === '') {
    return oauthError(400, 'invalid_request', 'client_id is required');
  }
  const grantType = fields.grant_type;
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return oauthError(400, 'invalid_request', "grant_type must be 'authorization_code' or 'refresh_token'");
  }
  const confidential = 'client_secret' in fields;
  const rules =
    grantType === 'authorization_code'
      ? confidential
        ? EXCHANGE_CONFIDENTIAL
        : EXCHANGE_PUBLIC
      : confidential
        ? REFRESH_CONFIDENTIAL
        : REFRESH_PUBLIC;
  const problems = fieldProblems(fields, rules);
  if (problems !== undefined) return oauthError(400, 'invalid_request', problems);
  const client = state.clients.find((candidate) => candidate.clientId === fields.client_id);
  if (client === undefined) return oauthError(401, 'invalid_client', 'client_not_found');
  if (client.clientSecret !== null && fields.client_secret !== client.clientSecret) {
    return oauthError(401, 'invalid_client', 'invalid_client_credentials');
  }
  const now = context.now;
  if (grantType === 'authorization_code') {
    const code = String(fields.code);
    const stored = state.codes.get(code);
    // A code is single-use: the first attempt consumes it, whatever its outcome.
    state.codes.delete(code);
    if (stored === undefined || stored.clientId !== client.clientId || now.getTime() >= stored.expiresAt) {
      return oauthError(400, 'invalid_grant', 'code_invalid_or_expired');
    }
    if (stored.redirectUri !== fields.redirect_uri) return oauthError(400, 'invalid_grant', 'redirect_uri_mismatch');
    if (client.clientSecret === null || stored.codeChallenge !== undefined) {
      if (stored.codeChallenge === undefined || typeof fields.code_verifier !== 'string') {
        return oauthError(400, 'invalid_request', 'code_verifier_required');
      }
      if (s256(fields.code_verifier) !== stored.codeChallenge) {
        return oauthError(400, 'invalid_grant', 'invalid_code_verifier');
      }
    }
    const grant: StoredGrant = {
      clientId: client.clientId,
      userId: stored.userId,
      scopes: stored.scopes,
      revoked: false,
    };
    return issueTokens(state, grant, now);
  }
  const stored = state.refreshTokens.get(String(fields.refresh_token));
  if (stored === undefined || stored.used || stored.grant.revoked || stored.grant.clientId !== client.clientId) {
    return oauthError(400, 'invalid_grant', 'invalid_refresh_token');
  }
  stored.used = true;
  return issueTokens(state, stored.grant, now);
}

/** The OAuth2 routes of the API: the token endpoint and the client lookup (unversioned, no key needed). */
export const oauthRoutes: Route[] = [
  { method: 'POST', pattern: OAUTH_TOKEN_PATH, auth: 'optional', handle: token },
  {
    method: 'GET',
    pattern: '/v2/auth/oauth2/clients/:clientId',
    auth: 'optional',
    handle(context) {
      const client = context.data.oauth.clients.find((candidate) => candidate.clientId === context.params.clientId);
      if (client === undefined) throw notFoundError(`OAuth client with ID ${context.params.clientId} not found`);
      return ok({
        client_id: client.clientId,
        redirect_uri: client.redirectUris[0] ?? '',
        name: client.name,
        logo: null,
        is_trusted: false,
        client_type: client.clientSecret === null ? 'PUBLIC' : 'CONFIDENTIAL',
      });
    },
  },
];
