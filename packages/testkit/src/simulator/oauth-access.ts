import { forbiddenError } from './http-error';
import type { OAuthGrantView, OAuthState } from './oauth';

// How the API checks an OAuth access token on each request: valid on the simulator's clock, not revoked, and
// holding the scope of the request's area.

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
