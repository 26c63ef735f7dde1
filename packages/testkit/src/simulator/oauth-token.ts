import { createHash } from 'node:crypto';
import { ok, type Route, type RouteContext, type RouteReply } from './context';
import { notFoundError } from './http-error';
import { nextToken, OAUTH_TOKEN_PATH, type OAuthState, type StoredGrant } from './oauth';

// The token endpoint (`POST /v2/auth/oauth2/token`: code exchange with PKCE, refresh with rotation) and the client
// lookup, the OAuth2 routes of the API.

/** The PKCE S256 challenge of a verifier. */
function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** An RFC 6749 §5.2 error, as Cal.com's token endpoint sends it (no envelope). */
function oauthError(status: number, error: string, description: string): RouteReply {
  return { status, body: { error, error_description: description } };
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
