import { describe, expect, it } from 'vitest';
import { authorizeCode, authorizeQuery, harness, send } from '../../test/support/oauth-harness';
import { parseScopes, redirectUriMatches } from './oauth-authorize';

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

describe('authorize helpers', () => {
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
});
