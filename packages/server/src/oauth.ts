import { createHash } from 'node:crypto';
import {
  CalComClient,
  type CalComClientOptions,
  CalComError,
  type RateLimitStore,
  rateLimitKey,
  redact,
} from '@calcom-int/core';

/** Cal.com's authorize page (docs/CALCOM-API.md §2). */
export const CALCOM_AUTHORIZE_URL = 'https://app.cal.com/auth/oauth2/authorize';
/** Cal.com's API, whose `/auth/oauth2/token` is the token endpoint (docs/CALCOM-API.md §2). */
const CALCOM_API_URL = 'https://api.cal.com/v2';
/** The scopes the tools use (docs/CALCOM-API.md §2.1): profile, bookings, event types, schedules. */
export const DEFAULT_OAUTH_SCOPES: readonly string[] = [
  'PROFILE_READ',
  'PROFILE_WRITE',
  'BOOKING_READ',
  'BOOKING_WRITE',
  'EVENT_TYPE_READ',
  'EVENT_TYPE_WRITE',
  'SCHEDULE_READ',
  'SCHEDULE_WRITE',
];

/** OAuth 2.1 settings of the server (option `oauth`). */
export interface McpOAuthOptions {
  /** Cal.com's authorize page. Default `https://app.cal.com/auth/oauth2/authorize` (EU: `https://app.cal.eu/…`). */
  readonly authorizeUrl?: string;
  /** Cal.com's token endpoint. Default `<the client's base URL>/auth/oauth2/token`. */
  readonly tokenUrl?: string;
  /** The scopes offered to MCP clients. Default {@link DEFAULT_OAUTH_SCOPES}. */
  readonly scopes?: readonly string[];
  /** How long the user behind a token is remembered, in ms. Default 300 000 (5 minutes). */
  readonly userCacheMs?: number;
}

/** RFC 8414 authorization server metadata, as the server publishes it. */
export interface AuthorizationServerMetadata {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly response_types_supported: readonly string[];
  readonly grant_types_supported: readonly string[];
  readonly code_challenge_methods_supported: readonly string[];
  readonly token_endpoint_auth_methods_supported: readonly string[];
  readonly scopes_supported: readonly string[];
}

/**
 * Whether a bearer token is a Cal.com API key (`cal_…`, docs/CALCOM-API.md §2); anything else is an OAuth access
 * token.
 *
 * @param token The bearer token.
 * @returns Whether it is an API key.
 */
export function isApiKey(token: string): boolean {
  return token.startsWith('cal_');
}

/**
 * The authorization server metadata that sends MCP clients to Cal.com: Cal.com publishes none (no RFC 8414 document,
 * no dynamic client registration), so the server publishes it, as its own issuer, with Cal.com's endpoints.
 *
 * @param publicUrl The server's public URL.
 * @param oauth The OAuth settings (`undefined`: OAuth off).
 * @param baseUrl The Cal.com client's base URL, if set.
 * @returns The metadata, or `undefined` when OAuth is off.
 */
export function oauthMetadata(
  publicUrl: string,
  oauth: McpOAuthOptions | undefined,
  baseUrl: string | undefined,
): AuthorizationServerMetadata | undefined {
  if (oauth === undefined) {
    return undefined;
  }
  const api = (baseUrl ?? process.env.CAL_COM_BASE_URL ?? CALCOM_API_URL).replace(/\/+$/, '');
  return {
    issuer: publicUrl,
    authorization_endpoint: oauth.authorizeUrl ?? CALCOM_AUTHORIZE_URL,
    token_endpoint: oauth.tokenUrl ?? `${api}/auth/oauth2/token`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_post'],
    scopes_supported: [...(oauth.scopes ?? DEFAULT_OAUTH_SCOPES)],
  };
}

/** Who an OAuth access token acts for. */
export type Identified =
  /** The user: their budget and write de-duplication key (`calcom:user:<id>`). */
  | { readonly kind: 'user'; readonly userKey: string }
  /** Cal.com refused the token (401/498): expired, revoked or unknown. */
  | { readonly kind: 'rejected'; readonly message: string }
  /** Cal.com could not be asked (network, 5xx, 429). */
  | { readonly kind: 'unavailable'; readonly message: string };

/** The users behind OAuth access tokens, resolved once per token with `GET /v2/me` and remembered by token hash. */
export interface OAuthUsers {
  /** Finds the user of a token (cached; concurrent first requests share one `GET /v2/me`). */
  identify(token: string, fetch: typeof globalThis.fetch): Promise<Identified>;
  /** Forgets a token (Cal.com refused it). */
  forget(token: string): void;
  /** Tokens remembered now. */
  size(): number;
}

/** Options of {@link createOAuthUsers}. */
export interface OAuthUsersOptions {
  /** The Cal.com client's options (base URL, clock, timeouts). */
  readonly clientOptions?:
    | Omit<CalComClientOptions, 'apiKey' | 'rateLimitStore' | 'logger' | 'refreshToken'>
    | undefined;
  /** The shared budget (the look-up counts against the token's own key). */
  readonly rateLimitStore?: RateLimitStore | undefined;
  /** How long a token's user is remembered, in ms. Default 300 000. */
  readonly ttlMs?: number | undefined;
  /** The most tokens remembered; the oldest go first. Default 10 000. */
  readonly maxEntries?: number;
}

/**
 * Creates the token → user cache. It stores a SHA-256 of each token (never the token) and the user id, nothing else;
 * a token that Cal.com later refuses is forgotten, and every call still goes to Cal.com with the token, so the cache
 * only names the budget, it never authorizes anything.
 *
 * @param options Client options, budget, lifetime and size.
 * @returns The cache.
 */
export function createOAuthUsers(options: OAuthUsersOptions = {}): OAuthUsers {
  const ttlMs = options.ttlMs ?? 300_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = () => (options.clientOptions?.now?.() ?? new Date()).getTime();
  const known = new Map<string, { userKey: string; until: number }>();
  const pending = new Map<string, Promise<Identified>>();
  const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

  const lookUp = async (token: string, fetch: typeof globalThis.fetch): Promise<Identified> => {
    let client: CalComClient;
    try {
      client = new CalComClient({
        logLevel: 'silent',
        ...options.clientOptions,
        apiKey: token,
        fetch,
        ...(options.rateLimitStore === undefined ? {} : { rateLimitStore: options.rateLimitStore }),
      });
    } catch (error) {
      return {
        kind: 'rejected',
        message: CalComError.isInstance(error) ? redact(error.message) : 'the bearer token is not usable',
      };
    }
    try {
      const me = await client.me.get();
      return { kind: 'user', userKey: `calcom:user:${me.id}` };
    } catch (error) {
      const status = CalComError.isInstance(error) ? (error as { status?: unknown }).status : undefined;
      if (status === 401 || status === 498) {
        return {
          kind: 'rejected',
          message: 'Cal.com refused the access token (expired, revoked or unknown). Refresh it or sign in again.',
        };
      }
      if (status === 403) {
        // No PROFILE_READ scope: the token cannot name its user, so it is budgeted on its own.
        return { kind: 'user', userKey: rateLimitKey(token) };
      }
      const reason = error instanceof Error ? redact(error.message) : 'unknown error';
      return {
        kind: 'unavailable',
        message: `Could not identify the token's Cal.com user (${reason}); send the request again shortly.`,
      };
    } finally {
      await client.close();
    }
  };

  return {
    async identify(token, fetch) {
      const hash = hashOf(token);
      const entry = known.get(hash);
      if (entry !== undefined && entry.until > now()) {
        return { kind: 'user', userKey: entry.userKey };
      }
      const running = pending.get(hash);
      if (running !== undefined) {
        return running;
      }
      const lookup = lookUp(token, fetch).then((identified) => {
        pending.delete(hash);
        if (identified.kind === 'user') {
          known.delete(hash);
          known.set(hash, { userKey: identified.userKey, until: now() + ttlMs });
          while (known.size > maxEntries) {
            const oldest = known.keys().next().value;
            if (oldest === undefined) break;
            known.delete(oldest);
          }
        }
        return identified;
      });
      pending.set(hash, lookup);
      return lookup;
    },
    forget(token) {
      known.delete(hashOf(token));
    },
    size: () => known.size,
  };
}
