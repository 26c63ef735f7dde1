import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CalComClientOptions, RateLimitStore } from '@calcom-int/core';
import { type CalComTool, calComTools } from '@calcom-int/tools';
import { sendJson, sendJsonRpcError } from './http-io';
import { createJsonLogger, type JsonLogger } from './json-logger';
import { handleMcpRequest, type McpEndpoint } from './mcp-request';
import { createServerMetrics, type ServerMetrics } from './metrics';
import { createOAuthUsers, type McpOAuthOptions, oauthMetadata } from './oauth';
import { AUTHORIZATION_SERVER_METADATA_PATH, MCP_PATH, RESOURCE_METADATA_PATH } from './paths';
import type { WriteLedger } from './tool-calls';

export { AUTHORIZATION_SERVER_METADATA_PATH, MCP_PATH, RESOURCE_METADATA_PATH };

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
  const oauthUsers = createOAuthUsers({
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

  const endpoint: McpEndpoint = {
    clientOptions: options.clientOptions,
    tools,
    allowedOrigins,
    maxBodyBytes,
    store,
    oauthUsers,
    ledger: options.ledger,
    structuredContent: options.structuredContent === true,
    logger,
    metrics,
    fetch: fetchObserved,
    publicUrl: () => publicUrl,
    closing: () => closing,
    enter() {
      active += 1;
      metrics.inFlight.set(active);
      return () => {
        active -= 1;
        metrics.inFlight.set(active);
        if (active === 0) {
          for (const notify of idle.splice(0)) {
            notify();
          }
        }
      };
    },
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
    await handleMcpRequest(endpoint, request, response);
    return 'mcp';
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
