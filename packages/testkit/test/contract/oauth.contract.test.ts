import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  OAUTH_CONFIDENTIAL_CLIENT_ID,
  OAUTH_CONFIDENTIAL_CLIENT_SECRET,
  OAUTH_PUBLIC_CLIENT_ID,
} from '../../src/simulator/oauth';
import { type ContractHarness, createContractHarness, dataOf, expectGroupCovered } from './simulator-harness';

const REDIRECT = 'http://127.0.0.1:50123/callback';
const VERIFIER = 'contract-test-verifier-0123456789-0123456789-abcdef';

/** Gets a code from the simulator's authorize page (not an API operation: it is Cal.com's web app). */
async function codeFor(harness: ContractHarness, clientId: string): Promise<string> {
  const query = new URLSearchParams({
    client_id: clientId,
    redirect_uri: REDIRECT,
    state: 's',
    scope: 'BOOKING_READ PROFILE_READ',
    code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
    code_challenge_method: 'S256',
  });
  const result = await harness.simulator.handle(new Request(`https://app.cal.com/auth/oauth2/authorize?${query}`));
  if (!(result instanceof Response)) throw new Error('the authorize page did not answer');
  return new URL(result.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

interface Tokens {
  access_token: string;
  refresh_token: string;
}

describe('simulator /v2/auth/oauth2 against the contract', () => {
  const harness = createContractHarness();
  const path = '/v2/auth/oauth2/token';

  it('POST token exchanges a public client code (OAuth2ExchangePublicInput → OAuth2TokensDto)', async () => {
    const body = {
      client_id: OAUTH_PUBLIC_CLIENT_ID,
      grant_type: 'authorization_code',
      code: await codeFor(harness, OAUTH_PUBLIC_CLIENT_ID),
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    };
    const tokens = (await harness.expectValid({ method: 'POST', path, key: null, body }, 200)) as Tokens;
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 1800 });
    const refreshed = (await harness.expectValid(
      {
        method: 'POST',
        path,
        key: null,
        body: { client_id: OAUTH_PUBLIC_CLIENT_ID, grant_type: 'refresh_token', refresh_token: tokens.refresh_token },
      },
      200,
    )) as Tokens;
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  });

  it('POST token exchanges and refreshes for a confidential client (the *ConfidentialInput schemas)', async () => {
    const code = await harness.simulator.handle(
      new Request(
        `https://app.cal.com/auth/oauth2/authorize?${new URLSearchParams({
          client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
          redirect_uri: REDIRECT,
          scope: 'PROFILE_READ',
        })}`,
      ),
    );
    if (!(code instanceof Response)) throw new Error('the authorize page did not answer');
    const tokens = (await harness.expectValid(
      {
        method: 'POST',
        path,
        key: null,
        body: {
          client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
          grant_type: 'authorization_code',
          code: new URL(code.headers.get('location') ?? '').searchParams.get('code'),
          redirect_uri: REDIRECT,
          client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
        },
      },
      200,
    )) as Tokens;
    await harness.expectValid(
      {
        method: 'POST',
        path,
        key: null,
        body: {
          client_id: OAUTH_CONFIDENTIAL_CLIENT_ID,
          grant_type: 'refresh_token',
          refresh_token: tokens.refresh_token,
          client_secret: OAUTH_CONFIDENTIAL_CLIENT_SECRET,
        },
      },
      200,
    );
    const me = await harness.expectValid({ method: 'GET', path: '/v2/me', key: tokens.access_token }, 200);
    expect(dataOf<{ id: number }>(me).id).toBe(1001);
  });

  it('GET clients/{clientId} describes a client (OAuth2ClientResponseDto)', async () => {
    const client = dataOf<{ client_type: string }>(
      await harness.expectValid({ method: 'GET', path: `/v2/auth/oauth2/clients/${OAUTH_PUBLIC_CLIENT_ID}` }, 200),
    );
    expect(client.client_type).toBe('PUBLIC');
  });

  it('an error of the token endpoint is the RFC 6749 body, not the envelope of §4.2', async () => {
    const exchange = await harness.send({
      method: 'POST',
      path,
      key: null,
      body: { client_id: OAUTH_PUBLIC_CLIENT_ID, grant_type: 'refresh_token', refresh_token: 'unknown' },
    });
    expect({ status: exchange.status, body: exchange.body, request: exchange.request.errors }).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'invalid_refresh_token' },
      request: [],
    });
  });

  it('covers every /v2/auth/oauth2 route', () => {
    expectGroupCovered(harness, 'oauth');
  });
});
