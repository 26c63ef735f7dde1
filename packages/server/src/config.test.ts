import { CalComConfigError } from '@calcom-int/core';
import { server as msw, TEST_API_KEY, TEST_BASE_URL, TEST_CLIENT_OPTIONS } from '@calcom-int/testkit/vitest';
import { http, passthrough } from 'msw';
import { describe, expect, it } from 'vitest';
import { startRedis } from '../../redis/test/redis-server';
import { connect, memoryStream, textOf } from '../test/support';
import { startFromEnvironment } from './config';
import { createJsonLogger } from './json-logger';

const overrides = () => ({
  clientOptions: { baseUrl: TEST_BASE_URL, now: TEST_CLIENT_OPTIONS.now },
  logger: createJsonLogger({ stream: memoryStream() }),
});

describe('startFromEnvironment', () => {
  it.each([
    [{ CALCOM_MCP_OAUTH: 'on' }, 'https://app.cal.com/auth/oauth2/authorize', `${TEST_BASE_URL}/auth/oauth2/token`],
    [
      {
        CALCOM_MCP_OAUTH_AUTHORIZE_URL: 'https://app.cal.eu/auth/oauth2/authorize',
        CALCOM_MCP_OAUTH_TOKEN_URL: 'https://api.cal.eu/v2/auth/oauth2/token',
        CALCOM_MCP_OAUTH_SCOPES: 'BOOKING_READ, PROFILE_READ',
      },
      'https://app.cal.eu/auth/oauth2/authorize',
      'https://api.cal.eu/v2/auth/oauth2/token',
    ],
  ])('turns OAuth on from %j', async (env, authorize, token) => {
    const running = await startFromEnvironment({ CALCOM_MCP_PORT: '0', ...env }, overrides());
    const origin = new URL(running.server.url).origin;
    msw.use(http.all(`${origin}/*`, () => passthrough()));
    const metadata = (await (await fetch(`${origin}/.well-known/oauth-authorization-server`)).json()) as Record<
      string,
      unknown
    >;
    expect(metadata).toMatchObject({ issuer: origin, authorization_endpoint: authorize, token_endpoint: token });
    if ('CALCOM_MCP_OAUTH_SCOPES' in env) {
      expect(metadata.scopes_supported).toEqual(['BOOKING_READ', 'PROFILE_READ']);
    }
    await running.close();
  });

  it('leaves OAuth off with CALCOM_MCP_OAUTH=off and refuses another value', async () => {
    const running = await startFromEnvironment({ CALCOM_MCP_PORT: '0', CALCOM_MCP_OAUTH: 'off' }, overrides());
    const origin = new URL(running.server.url).origin;
    msw.use(http.all(`${origin}/*`, () => passthrough()));
    expect((await fetch(`${origin}/.well-known/oauth-authorization-server`)).status).toBe(404);
    await running.close();
    await expect(startFromEnvironment({ CALCOM_MCP_PORT: '0', CALCOM_MCP_OAUTH: 'yes' }, overrides())).rejects.toThrow(
      'CALCOM_MCP_OAUTH must be on or off, got "yes". Set it to on to let users sign in with Cal.com.',
    );
  });

  it('starts without Redis on the port and limits of the environment', async () => {
    const running = await startFromEnvironment(
      { CALCOM_MCP_PORT: '0', CALCOM_MCP_ALLOWED_ORIGINS: 'https://a.example, https://b.example' },
      overrides(),
    );
    const origin = new URL(running.server.url).origin;
    msw.use(http.all(`${origin}/*`, () => passthrough()));
    const allowed = await fetch(running.server.url, { method: 'POST', headers: { origin: 'https://b.example' } });
    expect(allowed.status).toBe(401);
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    await running.close();
  });

  it('shares the rate budget and the write ledger through Redis when CALCOM_MCP_REDIS_URL is set', async () => {
    const redis = await startRedis();
    const running = await startFromEnvironment(
      { CALCOM_MCP_PORT: '0', CALCOM_MCP_REDIS_URL: redis.url, CALCOM_MCP_RATE_LIMIT: '50' },
      overrides(),
    );
    const origin = new URL(running.server.url).origin;
    msw.use(http.all(`${origin}/*`, () => passthrough()));
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    const client = await connect(running.server.url, TEST_API_KEY);
    expect(textOf(await client.callTool({ name: 'get_user_profile', arguments: {} }))).toMatch(/^user_id 1001/);
    await client.close();
    await redis.stop();
    await expect.poll(async () => (await fetch(`${origin}/readyz`)).status).toBe(503);
    await running.close();
  });

  it('starts on the local budget with a warning when Redis is not reachable', async () => {
    const log = memoryStream();
    const running = await startFromEnvironment(
      { CALCOM_MCP_PORT: '0', CALCOM_MCP_REDIS_URL: 'redis://user:secret@127.0.0.1:1' },
      { ...overrides(), logger: createJsonLogger({ stream: log }) },
    );
    expect(log.text()).toContain(
      '"msg":"Redis is not reachable yet; starting on the local rate budget until it answers."',
    );
    expect(log.text()).toContain('"redis":"redis://[REDACTED]@127.0.0.1:1"');
    await running.close();
  }, 15_000);

  it('refuses a bad number or log level, naming the variable and the fix', async () => {
    await expect(startFromEnvironment({ CALCOM_MCP_RATE_LIMIT: '0' }, overrides())).rejects.toThrow(
      new CalComConfigError(
        'CALCOM_MCP_RATE_LIMIT must be a whole number greater than 0, got "0". Fix it or unset it to use 120.',
        'CALCOM_MCP_RATE_LIMIT',
      ),
    );
    await expect(startFromEnvironment({ CALCOM_MCP_PORT: 'x' }, overrides())).rejects.toThrow(
      'CALCOM_MCP_PORT must be a whole number, got "x". Fix it or unset it to use 3333.',
    );
    await expect(startFromEnvironment({ CALCOM_MCP_LOG_LEVEL: 'loud' })).rejects.toThrow(
      'CALCOM_MCP_LOG_LEVEL "loud" is not a log level. Use one of silent, error, warn, info, debug.',
    );
  });
});
