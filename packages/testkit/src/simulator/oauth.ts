import { createHash } from 'node:crypto';
import type { SimulatorUser } from './types';

/**
 * Cal.com's OAuth2 for third-party apps, as the simulator models it (docs/CALCOM-API.md §2.1): the authorize page
 * (a loopback route that approves at once for a configurable seeded user), the token endpoint
 * `POST /v2/auth/oauth2/token` (authorization code with PKCE, refresh with rotation, RFC 6749 error bodies), the client
 * lookup `GET /v2/auth/oauth2/clients/{clientId}`, access tokens that expire on the simulator's clock, revocation
 * (a test control), and scopes enforced per area. This file holds the settings, the state and the test controls; the
 * authorize page is oauth-authorize.ts, the token endpoint oauth-token.ts, the checks of each API request
 * oauth-access.ts.
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

export interface StoredCode {
  readonly clientId: string;
  readonly userId: number;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly codeChallenge: string | undefined;
  readonly expiresAt: number;
}

export interface StoredGrant {
  readonly clientId: string;
  readonly userId: number;
  readonly scopes: readonly string[];
  revoked: boolean;
}

export interface StoredAccessToken {
  readonly grant: StoredGrant;
  readonly expiresAt: number;
}

export interface StoredRefreshToken {
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

/** A new opaque token or code: `<prefix>_<counter>_<hash>`, unique within the state. */
export function nextToken(state: OAuthState, prefix: string): string {
  state.counter += 1;
  const tail = createHash('sha256').update(`${prefix}:${state.counter}:${state.clients.length}`).digest('hex');
  return `${prefix}_${state.counter.toString(36)}_${tail.slice(0, 24)}`;
}
