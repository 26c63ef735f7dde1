import { Writable } from 'node:stream';
import { server as msw, TEST_BASE_URL, TEST_CLIENT_OPTIONS } from '@calcom-int/testkit/vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { http, passthrough } from 'msw';
import { type McpHttpServer, type McpHttpServerOptions, startMcpHttpServer } from '../src/http-server';
import { createJsonLogger } from '../src/json-logger';

/** A stream that keeps what is written to it. */
export function memoryStream(): Writable & { text(): string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return Object.assign(stream, { text: () => text });
}

/**
 * Starts a server against the test simulator (msw answers Cal.com at the test base URL on the test clock), and lets
 * requests to the server itself through msw.
 *
 * @param options Extra options.
 * @returns The server and its log stream.
 */
export async function startTestServer(
  options: McpHttpServerOptions = {},
): Promise<{ server: McpHttpServer; log: ReturnType<typeof memoryStream> }> {
  const log = memoryStream();
  const server = await startMcpHttpServer({
    clientOptions: { baseUrl: TEST_BASE_URL, now: TEST_CLIENT_OPTIONS.now, maxRetries: 0 },
    logger: createJsonLogger({ stream: log, level: 'debug', now: TEST_CLIENT_OPTIONS.now }),
    ...options,
  });
  msw.use(http.all(`${new URL(server.url).origin}/*`, () => passthrough()));
  return { server, log };
}

/**
 * fetch for the MCP client under msw: msw's passthrough leaves the empty body of a 202 (the answer to a notification)
 * open, and the SDK client waits for it forever when it cancels it; this reads it and hands over a closed one.
 *
 * @param input The URL.
 * @param init The request.
 * @returns The response.
 */
const emptyBodySafeFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status !== 202) {
    return response;
  }
  await response.arrayBuffer();
  return new Response(null, { status: response.status, headers: response.headers });
};

/**
 * Connects an MCP client over Streamable HTTP with a bearer token.
 *
 * @param url The MCP endpoint.
 * @param token The bearer token.
 * @returns The connected client.
 */
export async function connect(url: string, token: string): Promise<Client> {
  const client = new Client({ name: 'test', version: '0.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
      fetch: emptyBodySafeFetch,
    }),
  );
  return client;
}

/**
 * The text of a tool result.
 *
 * @param result The result.
 * @returns Its first text content.
 */
export function textOf(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content[0]?.text ?? '';
}
