import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  CalComClient,
  type CalComClientOptions,
  CalComError,
  type RateLimitStore,
  rateLimitKey,
  redact,
} from '@calcom-int/core';
import { type CalComTool, calComTools } from '@calcom-int/tools';
import { createMcpServer } from '@calcom-int/tools/mcp';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createJsonLogger, type JsonLogger } from './json-logger';
import { createServerMetrics, type ServerMetrics } from './metrics';
import { createOAuthUsers, isApiKey, type McpOAuthOptions, type OAuthUsers, oauthMetadata } from './oauth';
import { handleToolCalls, type WriteLedger } from './tool-calls';

/** The MCP endpoint's path. */
export const MCP_PATH = '/mcp';
/** The OAuth 2.0 protected-resource metadata path (RFC 9728), as the MCP authorization spec asks. */
export const RESOURCE_METADATA_PATH = '/.well-known/oauth-protected-resource';
/** The OAuth 2.0 authorization server metadata path (RFC 8414), published when `oauth` is set. */
export const AUTHORIZATION_SERVER_METADATA_PATH = '/.well-known/oauth-authorization-server';

/** Options of {@link startMcpHttpServer}. */
export interface McpHttpServerOptions {
  /** The interface to bind. Default `127.0.0.1` (loopback only); put a TLS reverse proxy in front for remote users. */
  readonly host?: string;
  /** The port. Default 0 (a free one; read `url`). */
  readonly port?: number;
  /**
   * Options of every caller's Cal.com client (base URL, timeouts, retries, `now`); the API key always comes from the
   * request. Default: the environment (`CAL_COM_BASE_URL`, …) as the client reads it.
   */
  readonly clientOptions?: Omit<CalComClientOptions, 'apiKey' | 'rateLimitStore' | 'logger' | 'refreshToken'>;
  /** Browser origins allowed to call (`Origin` header). Default none: a request with an `Origin` is refused (403). */
  readonly allowedOrigins?: readonly string[];
  /** The largest request body, in bytes. Default 1 048 576 (1 MiB). */
  readonly maxBodyBytes?: number;
  /** The longest time to receive a whole request, in ms (node:http `requestTimeout`). Default 30 000. */
  readonly requestTimeoutMs?: number;
  /** The longest time to receive the headers, in ms (node:http `headersTimeout`). Default 10 000. */
  readonly headersTimeoutMs?: number;
  /** How long a shutdown waits for calls in flight, in ms. Default 30 000. */
  readonly shutdownGraceMs?: number;
  /**
   * The server's public URL (what users connect to, e.g. `https://mcp.example.com`), for the protected-resource
   * metadata and `WWW-Authenticate`. Default the address it listens on.
   */
  readonly publicUrl?: string;
  /**
   * OAuth 2.1 authorization servers users get tokens from (the protected-resource metadata's
   * `authorization_servers`). Default none: callers bring a Cal.com API key as a bearer token.
   */
  readonly authorizationServers?: readonly string[];
  /**
   * OAuth 2.1 sign-in with Cal.com (the MCP authorization spec): the server publishes authorization server metadata
   * (RFC 8414) that points MCP clients at Cal.com's authorize page and token endpoint, and names itself in the
   * protected-resource metadata. Default off.
   */
  readonly oauth?: McpOAuthOptions;
  /** The shared rate budget every caller's client takes its requests from (e.g. a `RedisRateLimitStore`). */
  readonly rateLimitStore?: RateLimitStore;
  /** The write de-duplication ledger (e.g. a `RedisWriteLedger`). Default none: writes run once per attempt. */
  readonly ledger?: WriteLedger;
  /** Extra readiness check for `/readyz` (e.g. Redis answers). Default always ready. */
  readonly ready?: () => boolean | Promise<boolean>;
  /** The structured logger. Default JSON lines on stderr at `info`. */
  readonly logger?: JsonLogger;
  /** The metrics. Default a new registry. */
  readonly metrics?: ServerMetrics;
  /** The tools to serve. Default all. */
  readonly tools?: readonly CalComTool[];
  /** Also send `structuredContent` in tool results. Default `false` (see `createMcpServer`). */
  readonly structuredContent?: boolean;
}

/** A running remote MCP server. */
export interface McpHttpServer {
  /** The MCP endpoint, e.g. `http://127.0.0.1:3333/mcp`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** The metrics. */
  readonly metrics: ServerMetrics;
  /** MCP requests being handled right now. */
  inFlight(): number;
  /**
   * Shuts down gracefully: refuses new requests (503, `/readyz` fails), lets calls in flight finish (up to
   * `shutdownGraceMs`), then closes every connection.
   */
  close(): Promise<void>;
}

/** A JSON-RPC error code (JSON-RPC 2.0 and the MCP SDK's server errors). */
type JsonRpcCode = -32700 | -32600 | -32603 | -32000 | -32001;

/**
 * Starts the remote MCP server: MCP Streamable HTTP at `/mcp` (stateless: a new MCP server and transport per request,
 * so any instance can answer any request), one Cal.com user per request from its bearer token, plus `/healthz`,
 * `/readyz`, `/metrics` and the OAuth protected-resource metadata.
 *
 * @param options Binding, limits, auth, shared state, logging and metrics.
 * @returns The running server.
 */
export async function startMcpHttpServer(options: McpHttpServerOptions = {}): Promise<McpHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? createJsonLogger();
  const metrics = options.metrics ?? createServerMetrics();
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const tools = options.tools ?? calComTools;
  const store = options.rateLimitStore === undefined ? undefined : measuredStore(options.rateLimitStore, metrics);
  const oauthUsers: OAuthUsers = createOAuthUsers({
    clientOptions: options.clientOptions,
    rateLimitStore: store,
    ttlMs: options.oauth?.userCacheMs,
  });
  let active = 0;
  let closing = false;
  let publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? '';
  const idle: (() => void)[] = [];

  const fetchObserved: typeof globalThis.fetch = async (input, init) => {
    const fetchImpl = options.clientOptions?.fetch ?? globalThis.fetch;
    const response = await fetchImpl(input, init);
    metrics.calcomResponses.inc({ status: String(response.status) });
    if (response.status === 429) {
      metrics.calcomRateLimited.inc();
    }
    return response;
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<string> => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz' && request.method === 'GET') {
      sendJson(response, 200, { status: 'ok' });
      return 'healthz';
    }
    if (path === '/readyz' && request.method === 'GET') {
      const ready = !closing && (await Promise.resolve(options.ready?.() ?? true).catch(() => false));
      sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : closing ? 'shutting down' : 'not ready' });
      return 'readyz';
    }
    if (path === '/metrics' && request.method === 'GET') {
      response.writeHead(200, { 'content-type': metrics.registry.contentType });
      response.end(await metrics.registry.metrics());
      return 'metrics';
    }
    const metadata = oauthMetadata(publicUrl, options.oauth, options.clientOptions?.baseUrl);
    if (path === RESOURCE_METADATA_PATH || path === `${RESOURCE_METADATA_PATH}${MCP_PATH}`) {
      sendJson(response, 200, {
        resource: `${publicUrl}${MCP_PATH}`,
        authorization_servers: [
          ...(metadata === undefined ? [] : [metadata.issuer]),
          ...(options.authorizationServers ?? []),
        ],
        bearer_methods_supported: ['header'],
        ...(metadata === undefined ? {} : { scopes_supported: metadata.scopes_supported }),
        resource_name: 'Cal.com MCP server',
      });
      return 'resource-metadata';
    }
    if (
      metadata !== undefined &&
      (path === AUTHORIZATION_SERVER_METADATA_PATH || path === `${AUTHORIZATION_SERVER_METADATA_PATH}${MCP_PATH}`)
    ) {
      sendJson(response, 200, metadata);
      return 'authorization-server-metadata';
    }
    if (path !== MCP_PATH) {
      sendJsonRpcError(response, 404, -32600, `Not found: ${path}. The MCP endpoint is POST ${MCP_PATH}.`);
      return 'not-found';
    }
    await handleMcp(request, response);
    return 'mcp';
  };

  const handleMcp = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      sendJsonRpcError(
        response,
        405,
        -32000,
        `Method ${request.method ?? ''} not allowed: this server is stateless; send each JSON-RPC message as POST ${MCP_PATH}.`,
      );
      return;
    }
    if (closing) {
      response.setHeader('connection', 'close');
      sendJsonRpcError(
        response,
        503,
        -32000,
        'The server is shutting down; send the request again (to another instance).',
      );
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      sendJsonRpcError(
        response,
        403,
        -32000,
        `Origin ${origin} is not allowed. Add it to the server's allowed origins (CALCOM_MCP_ALLOWED_ORIGINS) if it should be.`,
      );
      return;
    }
    const token = bearerToken(request.headers.authorization);
    const resourceMetadata = `${publicUrl}${RESOURCE_METADATA_PATH}`;
    if (token === undefined) {
      response.setHeader('www-authenticate', `Bearer resource_metadata="${resourceMetadata}"`);
      sendJsonRpcError(
        response,
        401,
        -32001,
        'Unauthorized: send your Cal.com API key (or an OAuth access token) as "Authorization: Bearer <token>".',
      );
      return;
    }
    const contentType = request.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(contentType)) {
      sendJsonRpcError(
        response,
        415,
        -32000,
        'Unsupported Content-Type: send the JSON-RPC message as application/json.',
      );
      return;
    }
    const body = await readBody(request, maxBodyBytes);
    if (body === 'too-large') {
      response.setHeader('connection', 'close');
      sendJsonRpcError(
        response,
        413,
        -32600,
        `Request body larger than ${maxBodyBytes} bytes; send a smaller message.`,
      );
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      sendJsonRpcError(response, 400, -32700, 'Parse error: the request body is not valid JSON.');
      return;
    }
    const oauthToken = !isApiKey(token);
    let userKey = rateLimitKey(token);
    let rejected = false;
    const fetchForRequest: typeof globalThis.fetch = async (input, init) => {
      const answer = await fetchObserved(input, init);
      if (oauthToken && (answer.status === 401 || answer.status === 498)) {
        rejected = true;
        oauthUsers.forget(token);
      }
      return answer;
    };
    if (oauthToken) {
      const identified = await oauthUsers.identify(token, fetchObserved);
      if (identified.kind === 'rejected') {
        response.setHeader('www-authenticate', invalidTokenChallenge(resourceMetadata));
        sendJsonRpcError(response, 401, -32001, `Unauthorized: ${identified.message}`);
        return;
      }
      if (identified.kind === 'unavailable') {
        sendJsonRpcError(response, 503, -32000, identified.message);
        return;
      }
      userKey = identified.userKey;
    }
    const requestLogger = logger.child({ user: userKey.slice(7, 19) });
    // An OAuth user's budget is the user's, not the token's: a refreshed token keeps spending the same budget.
    const requestStore = store === undefined || !oauthToken ? store : { take: () => store.take(userKey) };
    let client: CalComClient;
    try {
      client = new CalComClient({
        logLevel: 'warn',
        ...options.clientOptions,
        apiKey: token,
        logger: requestLogger,
        fetch: fetchForRequest,
        ...(requestStore === undefined ? {} : { rateLimitStore: requestStore }),
      });
    } catch (error) {
      response.setHeader('www-authenticate', invalidTokenChallenge(resourceMetadata));
      sendJsonRpcError(
        response,
        401,
        -32001,
        `Unauthorized: ${CalComError.isInstance(error) ? redact(error.message) : 'the bearer token is not usable'}`,
      );
      return;
    }
    const server = createMcpServer({ client, tools });
    handleToolCalls(server, {
      client,
      userKey,
      tools,
      idempotencyHeader: headerValue(request.headers['idempotency-key']),
      ledger: options.ledger,
      metrics,
      logger: requestLogger,
      structuredContent: options.structuredContent === true,
    });
    // No `sessionIdGenerator`: stateless mode (the SDK's `sessionIdGenerator: undefined`), so any instance answers.
    const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
    active += 1;
    metrics.inFlight.set(active);
    const finished = new Promise<void>((resolve) => response.once('close', resolve));
    if (oauthToken) {
      answerUnauthorizedWhen(response, () => rejected, resourceMetadata);
    }
    try {
      await server.connect(transport);
      await transport.handleRequest(request, response, message);
      await finished;
    } finally {
      await Promise.allSettled([transport.close(), server.close(), client.close()]);
      active -= 1;
      metrics.inFlight.set(active);
      if (active === 0) {
        for (const notify of idle.splice(0)) {
          notify();
        }
      }
    }
  };

  const http: Server = createServer((request, response) => {
    route(request, response)
      .then((name) => metrics.httpRequests.inc({ route: name, status: String(response.statusCode) }))
      .catch((error: unknown) => {
        logger.error('request failed', { error: error instanceof Error ? error.message : String(error) });
        metrics.httpRequests.inc({ route: 'error', status: '500' });
        if (!response.headersSent) {
          sendJsonRpcError(response, 500, -32603, 'Internal error; the request may be sent again.');
        } else {
          response.destroy();
        }
      });
  });
  http.requestTimeout = options.requestTimeoutMs ?? 30_000;
  http.headersTimeout = options.headersTimeoutMs ?? 10_000;
  http.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (publicUrl === '') {
    publicUrl = origin;
  }
  logger.info('listening', { url: `${origin}${MCP_PATH}`, version: __PACKAGE_VERSION__ });

  let closed: Promise<void> | undefined;
  return {
    url: `${origin}${MCP_PATH}`,
    port,
    metrics,
    inFlight: () => active,
    close() {
      closed ??= (async () => {
        closing = true;
        logger.info('shutting down', { inFlight: active });
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        if (active > 0) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            new Promise<void>((resolve) => idle.push(resolve)),
            new Promise<void>((resolve) => {
              timer = setTimeout(resolve, options.shutdownGraceMs ?? 30_000);
            }),
          ]);
          clearTimeout(timer);
        }
        http.closeAllConnections();
        await stopped;
        logger.info('stopped');
      })();
      return closed;
    },
  };
}

/**
 * Wraps a store so that every wait is counted, and the degraded gauge follows a store that reports `isDegraded`.
 *
 * @param store The store.
 * @param metrics The metrics.
 * @returns The measured store.
 */
function measuredStore(store: RateLimitStore, metrics: ServerMetrics): RateLimitStore {
  return {
    async take(key) {
      const taken = await store.take(key);
      const degraded = (store as { isDegraded?: boolean }).isDegraded === true;
      metrics.rateBudgetDegraded.set(degraded ? 1 : 0);
      if (!taken.granted) {
        metrics.rateBudgetWaits.inc({ mode: degraded ? 'degraded' : 'shared' });
      }
      return taken;
    },
  };
}

/**
 * The `WWW-Authenticate` challenge for a token that cannot be used (RFC 6750 §3.1, with the resource metadata).
 *
 * @param resourceMetadata The protected-resource metadata URL.
 * @returns The header value.
 */
function invalidTokenChallenge(resourceMetadata: string): string {
  return `Bearer error="invalid_token", error_description="The access token is expired, revoked or invalid; refresh it or sign in again.", resource_metadata="${resourceMetadata}"`;
}

/**
 * Turns the MCP answer to an OAuth request into a 401 with `WWW-Authenticate` when Cal.com refused the token during
 * the request (expired or revoked): MCP clients refresh on a 401, not on a tool's error text (MCP authorization spec,
 * "invalid or expired tokens MUST receive a HTTP 401"). Nothing was written: Cal.com checks the token first.
 *
 * @param response The response the transport writes.
 * @param rejected Whether Cal.com refused the token.
 * @param resourceMetadata The protected-resource metadata URL.
 */
function answerUnauthorizedWhen(response: ServerResponse, rejected: () => boolean, resourceMetadata: string): void {
  const writeHead = response.writeHead.bind(response);
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  let replaced = false;
  response.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
    if (!rejected()) {
      return writeHead(...args);
    }
    replaced = true;
    return response;
  }) as ServerResponse['writeHead'];
  response.write = ((...args: Parameters<ServerResponse['write']>) =>
    replaced ? true : write(...args)) as ServerResponse['write'];
  response.end = ((...args: Parameters<ServerResponse['end']>) => {
    if (!replaced) {
      return end(...args);
    }
    response.writeHead = writeHead;
    response.write = write;
    response.end = end;
    response.setHeader('www-authenticate', invalidTokenChallenge(resourceMetadata));
    sendJsonRpcError(
      response,
      401,
      -32001,
      'Unauthorized: Cal.com refused the access token (expired or revoked). Refresh it and send the request again.',
    );
    return response;
  }) as ServerResponse['end'];
}

/**
 * Reads the bearer token of an `Authorization` header.
 *
 * @param header The header.
 * @returns The token, or `undefined` when there is none.
 */
function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Reads a single header value.
 *
 * @param value The header value(s).
 * @returns The first value, if any and not empty.
 */
function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first.trim();
}

/**
 * Reads a request body up to a limit.
 *
 * @param request The request.
 * @param limit The most bytes.
 * @returns The body text, or `'too-large'`.
 */
async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return 'too-large';
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      request.resume();
      return 'too-large';
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends a JSON body.
 *
 * @param response The response.
 * @param status The status.
 * @param body The body.
 */
function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * Sends a JSON-RPC error (never a stack trace).
 *
 * @param response The response.
 * @param status The HTTP status.
 * @param code The JSON-RPC code.
 * @param message What went wrong and what to do.
 */
function sendJsonRpcError(response: ServerResponse, status: number, code: JsonRpcCode, message: string): void {
  sendJson(response, status, { jsonrpc: '2.0', error: { code, message }, id: null });
}
