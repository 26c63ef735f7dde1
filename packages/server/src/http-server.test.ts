import { SECOND_API_KEY } from '@calcom-int/testkit';
import { simulator, TEST_API_KEY } from '@calcom-int/testkit/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, startTestServer, textOf } from '../test/support';
import type { McpHttpServer } from './http-server';

let running: McpHttpServer | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Posts a raw body to the MCP endpoint. */
async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: `Bearer ${TEST_API_KEY}`,
      ...headers,
    },
    body,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
});

describe('startMcpHttpServer', () => {
  it('serves the tools over Streamable HTTP for the user of the bearer token', async () => {
    const { server, log } = await startTestServer();
    running = server;
    const client = await connect(server.url, TEST_API_KEY);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('create_booking');
    const profile = await client.callTool({ name: 'get_user_profile', arguments: {} });
    expect(textOf(profile)).toMatch(/^user_id 1001 \|/);
    await client.close();
    expect(log.text()).not.toContain(TEST_API_KEY);
    const lines = log
      .text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'tool call', tool: 'get_user_profile', ok: true }),
    );
  });

  it('serves two users in parallel, each seeing and touching only their own data', async () => {
    const { server } = await startTestServer();
    running = server;
    const [ada, grace] = await Promise.all([connect(server.url, TEST_API_KEY), connect(server.url, SECOND_API_KEY)]);
    const adaBookings = simulator().state.bookings.filter((booking) => booking.hosts.some((host) => host.id === 1001));
    const graceUser = simulator().state.users.find((user) => user.apiKey === SECOND_API_KEY);
    const graceBookings = simulator().state.bookings.filter((booking) =>
      booking.hosts.some((host) => host.id === graceUser?.id),
    );
    expect(graceBookings.length).toBeGreaterThan(0);
    const rounds = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const [adaProfile, graceProfile, adaList, graceList] = await Promise.all([
          ada.callTool({ name: 'get_user_profile', arguments: {} }),
          grace.callTool({ name: 'get_user_profile', arguments: {} }),
          ada.callTool({ name: 'list_bookings', arguments: {} }),
          grace.callTool({ name: 'list_bookings', arguments: {} }),
        ]);
        return { adaProfile, graceProfile, adaList, graceList };
      }),
    );
    for (const round of rounds) {
      expect(textOf(round.adaProfile)).toMatch(/^user_id 1001 \|/);
      expect(textOf(round.graceProfile)).toMatch(new RegExp(`^user_id ${graceUser?.id} \\|`));
      for (const booking of graceBookings) {
        expect(textOf(round.adaList)).not.toContain(booking.uid);
      }
      for (const booking of adaBookings) {
        expect(textOf(round.graceList)).not.toContain(booking.uid);
      }
    }
    // Ada cannot cancel Grace's booking: Cal.com refuses, and Grace's booking is untouched.
    const target = graceBookings.find((booking) => booking.status === 'accepted');
    const attempt = await ada.callTool({ name: 'cancel_booking', arguments: { booking_id: target?.uid } });
    expect(attempt.isError).toBe(true);
    expect(simulator().state.bookings.find((booking) => booking.uid === target?.uid)?.status).toBe('accepted');
    await Promise.all([ada.close(), grace.close()]);
  });
});

describe('transport security and errors', () => {
  it('answers 401 with WWW-Authenticate pointing at the protected-resource metadata', async () => {
    const { server } = await startTestServer({ authorizationServers: ['https://auth.example.com'] });
    running = server;
    const origin = new URL(server.url).origin;
    const response = await post(server.url, INITIALIZE, { authorization: '' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource"`,
    );
    expect(response.body).toEqual({
      jsonrpc: '2.0',
      error: {
        code: -32001,
        message:
          'Unauthorized: send your Cal.com API key (or an OAuth access token) as "Authorization: Bearer <token>".',
      },
      id: null,
    });
    const metadata = await fetch(`${origin}/.well-known/oauth-protected-resource`);
    expect(await metadata.json()).toEqual({
      resource: `${origin}/mcp`,
      authorization_servers: ['https://auth.example.com'],
      bearer_methods_supported: ['header'],
      resource_name: 'Cal.com MCP server',
    });
  });

  it('refuses a token Cal.com could never accept, as invalid_token', async () => {
    const { server } = await startTestServer({ publicUrl: 'https://mcp.example.com/' });
    running = server;
    const response = await post(server.url, INITIALIZE, { authorization: 'Bearer cal_' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="The access token is expired, revoked or invalid; refresh it or sign in again.", resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource"',
    );
    expect(response.body).toMatchObject({ error: { code: -32001, message: expect.stringMatching(/^Unauthorized: /) } });
  });

  it('refuses an Origin that is not allowed, and accepts one that is', async () => {
    const { server } = await startTestServer({ allowedOrigins: ['https://claude.ai'] });
    running = server;
    const refused = await post(server.url, INITIALIZE, { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      jsonrpc: '2.0',
      error: {
        code: -32000,
        message:
          "Origin https://evil.example is not allowed. Add it to the server's allowed origins (CALCOM_MCP_ALLOWED_ORIGINS) if it should be.",
      },
      id: null,
    });
    const allowed = await post(server.url, INITIALIZE, { origin: 'https://claude.ai' });
    expect(allowed.status).toBe(200);
  });

  it('answers bad requests with a JSON-RPC error and no stack trace', async () => {
    const { server } = await startTestServer({ maxBodyBytes: 200 });
    running = server;
    const origin = new URL(server.url).origin;
    const tooLarge = await post(server.url, JSON.stringify({ padding: 'x'.repeat(300) }));
    expect(tooLarge).toMatchObject({
      status: 413,
      body: { error: { code: -32600, message: 'Request body larger than 200 bytes; send a smaller message.' } },
    });
    const badJson = await post(server.url, '{"jsonrpc":');
    expect(badJson).toMatchObject({
      status: 400,
      body: { error: { code: -32700, message: 'Parse error: the request body is not valid JSON.' } },
    });
    const notJson = await post(server.url, 'hello', { 'content-type': 'text/plain' });
    expect(notJson).toMatchObject({
      status: 415,
      body: {
        error: { code: -32000, message: 'Unsupported Content-Type: send the JSON-RPC message as application/json.' },
      },
    });
    const get = await fetch(server.url, { headers: { authorization: `Bearer ${TEST_API_KEY}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const missing = await fetch(`${origin}/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      jsonrpc: '2.0',
      error: { code: -32600, message: 'Not found: /nothing. The MCP endpoint is POST /mcp.' },
      id: null,
    });
    for (const response of [tooLarge, badJson, notJson]) {
      expect(JSON.stringify(response.body)).not.toMatch(/\bat .+:\d+:\d+/);
    }
  });

  it('serves /healthz, /readyz and Prometheus /metrics', async () => {
    let ready = false;
    const { server } = await startTestServer({ ready: () => ready });
    running = server;
    const origin = new URL(server.url).origin;
    expect(await (await fetch(`${origin}/healthz`)).json()).toEqual({ status: 'ok' });
    const notReady = await fetch(`${origin}/readyz`);
    expect([notReady.status, await notReady.json()]).toEqual([503, { status: 'not ready' }]);
    ready = true;
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    const client = await connect(server.url, TEST_API_KEY);
    await client.callTool({ name: 'list_teams', arguments: {} });
    await client.callTool({ name: 'no_such_tool', arguments: {} });
    await client.close();
    const metrics = await (await fetch(`${origin}/metrics`)).text();
    expect(metrics).toContain('calcom_mcp_tool_calls_total{tool="list_teams",outcome="ok"} 1');
    expect(metrics).toContain('calcom_mcp_tool_calls_total{tool="unknown",outcome="error"} 1');
    expect(metrics).toContain('calcom_mcp_tool_call_duration_seconds_count{tool="list_teams"} 1');
    expect(metrics).toContain('calcom_mcp_calcom_responses_total{status="200"} 3');
    expect(metrics).toContain('calcom_mcp_http_requests_total{route="healthz",status="200"} 1');
  });

  it('shuts down gracefully: the call in flight finishes, then new requests are refused', async () => {
    simulator().faults.add({ path: '/v2/teams', fault: { type: 'latency', ms: 300 } });
    const { server, log } = await startTestServer();
    const client = await connect(server.url, TEST_API_KEY);
    const call = client.callTool({ name: 'list_teams', arguments: {} });
    await expect.poll(() => server.inFlight()).toBe(1);
    const readyz = `${new URL(server.url).origin}/readyz`;
    const closed = server.close();
    expect(textOf(await call)).toMatch(/^\d+ teams?/);
    await closed;
    await expect(fetch(readyz)).rejects.toThrow();
    expect(log.text()).toContain('"msg":"shutting down","inFlight":1');
    await client.close();
  });
});
