import { describe, expect, it } from 'vitest';
import { harness, INVALID_TOKEN, me, publicTokens, send, token } from '../../test/support/oauth-harness';
import { OAUTH_PUBLIC_CLIENT_ID } from './oauth';
import { requiredScope } from './oauth-access';
import { DEFAULT_API_KEY } from './seed';

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

describe('scopes by area', () => {
  it('names the scope of each area', () => {
    expect(requiredScope('GET', '/v2/me')).toBe('PROFILE_READ');
    expect(requiredScope('PATCH', '/v2/me')).toBe('PROFILE_WRITE');
    expect(requiredScope('POST', '/v2/event-types')).toBe('EVENT_TYPE_WRITE');
    expect(requiredScope('GET', '/v2/schedules/2001')).toBe('SCHEDULE_READ');
    expect(requiredScope('GET', '/v2/teams')).toBeUndefined();
  });
});
