import { describe, expect, it } from 'vitest';
import {
  authorizeCode,
  harness,
  me,
  publicTokens,
  REDIRECT,
  send,
  token,
  VERIFIER,
} from '../../test/support/oauth-harness';
import { OAUTH_CONFIDENTIAL_CLIENT_ID, OAUTH_CONFIDENTIAL_CLIENT_SECRET, OAUTH_PUBLIC_CLIENT_ID } from './oauth';

describe('the token endpoint', () => {
  it('exchanges a public client code with PKCE for un-enveloped, uncacheable tokens', async () => {
    const { simulator } = harness();
    const { code } = await authorizeCode(simulator);
    const response = await token(simulator, {
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    expect(response.body).toEqual({
      access_token: expect.stringMatching(/^sim_oat_/),
      token_type: 'bearer',
      refresh_token: expect.stringMatching(/^sim_ort_/),
      expires_in: 1800,
    });
  });

  it('exchanges a confidential client code sent as a form with the secret, and the token acts as the user', async () => {
    const { simulator } = harness();
    simulator.oauth.approveAs(1002);
    const { code } = await authorizeCode(simulator, {
      client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
      code_challenge: undefined,
      code_challenge_method: undefined,
      scope: 'PROFILE_READ',
    });
    const response = await token(
      simulator,
      {
        client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
      },
      true,
    );
    expect(response.status).toBe(200);
    const profile = await me(simulator, (response.body as { access_token: string }).access_token);
    expect(profile).toMatchObject({ status: 200, body: { data: { id: 1002 } } });
  });

  it('makes a code single-use: the second exchange is invalid_grant', async () => {
    const { simulator } = harness();
    const { code } = await authorizeCode(simulator);
    const body = {
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    };
    expect((await token(simulator, body)).status).toBe(200);
    expect(await token(simulator, body)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'code_invalid_or_expired' },
    });
  });

  it('lets a code expire after 600 s', async () => {
    const { simulator, advance } = harness();
    const { code } = await authorizeCode(simulator);
    advance(600);
    const response = await token(simulator, {
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    expect(response).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'code_invalid_or_expired' },
    });
  });

  it.each([
    ['a wrong verifier', { code_verifier: 'not-the-verifier' }, 400, 'invalid_grant', 'invalid_code_verifier'],
    [
      'another redirect_uri',
      { redirect_uri: 'http://127.0.0.1:1/callback' },
      400,
      'invalid_grant',
      'redirect_uri_mismatch',
    ],
    ['an unknown client', { client_id: 'nobody' }, 401, 'invalid_client', 'client_not_found'],
    [
      'another client',
      {
        client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
        client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
        code_verifier: undefined,
      },
      400,
      'invalid_grant',
      'code_invalid_or_expired',
    ],
  ])('refuses an exchange with %s', async (_name, overrides, status, error, description) => {
    const { simulator } = harness();
    const { code } = await authorizeCode(simulator);
    const body: Record<string, string | undefined> = {
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
      ...overrides,
    };
    const sent = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Record<
      string,
      string
    >;
    expect(await token(simulator, sent)).toMatchObject({ status, body: { error, error_description: description } });
  });

  it('asks a confidential client for its verifier when its code had a challenge and none is sent', async () => {
    const { simulator } = harness();
    simulator.oauth.approveAs(1001);
    const { code } = await authorizeCode(simulator, { client_id: OAUTH_CONFIDENTIAL_CLIENT_ID });
    const response = await token(simulator, {
      client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
    });
    expect(response).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'code_verifier_required' },
    });
  });

  it.each([
    ['a wrong secret', { client_secret: 'wrong' }, 401, 'invalid_client', 'invalid_client_credentials'],
    ['no client_id', { client_id: undefined }, 400, 'invalid_request', 'client_id is required'],
    [
      'an unknown grant type',
      { grant_type: 'password' },
      400,
      'invalid_request',
      "grant_type must be 'authorization_code' or 'refresh_token'",
    ],
    ['a missing code', { code: undefined }, 400, 'invalid_request', 'code property is wrong,code must be a string '],
    [
      'an unknown property',
      { scope: 'BOOKING_READ' },
      400,
      'invalid_request',
      'scope property is wrong,property scope should not exist ',
    ],
    ['an empty code', { code: '' }, 400, 'invalid_request', 'code property is wrong,code should not be empty '],
  ])('refuses a confidential exchange with %s', async (_name, overrides, status, error, description) => {
    const { simulator } = harness();
    const body: Record<string, string | undefined> = {
      client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
      grant_type: 'authorization_code',
      code: 'some-code',
      redirect_uri: REDIRECT,
      client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
      ...overrides,
    };
    const sent = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Record<
      string,
      string
    >;
    expect(await token(simulator, sent)).toEqual({
      status,
      headers: expect.any(Headers),
      body: { error, error_description: description },
    });
  });

  it('refuses a body that is missing or not an object', async () => {
    const { simulator } = harness();
    const post = (body: string) =>
      send(simulator, '/v2/auth/oauth2/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    expect((await post('')).body).toEqual({ error: 'invalid_request', error_description: 'Body is required' });
    expect((await post('"text"')).body).toEqual({
      error: 'invalid_request',
      error_description: 'Body should be an object',
    });
  });

  it('rotates refresh tokens: the new pair works, the old refresh token is invalid_grant', async () => {
    const { simulator } = harness();
    const first = await publicTokens(simulator);
    const refresh = (refreshToken: string) =>
      token(simulator, { client_id: OAUTH_PUBLIC_CLIENT_ID, grant_type: 'refresh_token', refresh_token: refreshToken });
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    const rotated = second.body as { access_token: string; refresh_token: string };
    expect(rotated.refresh_token).not.toBe(first.refresh_token);
    expect((await me(simulator, rotated.access_token)).status).toBe(200);
    expect(await refresh(first.refresh_token)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'invalid_refresh_token' },
    });
    expect(
      await token(simulator, {
        client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: rotated.refresh_token,
        client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
      }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'invalid_refresh_token' } });
  });
});

describe('GET /v2/auth/oauth2/clients/{clientId}', () => {
  it('describes a client without its secret', async () => {
    const { simulator } = harness();
    expect((await send(simulator, `/v2/auth/oauth2/clients/${OAUTH_CONFIDENTIAL_CLIENT_ID}`)).body).toEqual({
      status: 'success',
      data: {
        client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
        redirect_uri: 'https://app.example.com/oauth/callback',
        name: 'Simulator Confidential App',
        logo: null,
        is_trusted: false,
        client_type: 'CONFIDENTIAL',
      },
    });
  });

  it('answers 404 for an unknown client', async () => {
    const { simulator } = harness();
    expect(await send(simulator, '/v2/auth/oauth2/clients/nobody')).toMatchObject({
      status: 404,
      body: { error: { code: 'NotFoundException', message: 'OAuth client with ID nobody not found' } },
    });
  });
});
