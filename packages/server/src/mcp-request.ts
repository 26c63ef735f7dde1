import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CalComClient,
  type CalComClientOptions,
  CalComError,
  type RateLimitStore,
  rateLimitKey,
  redact,
} from '@calcom-int/core';
import type { CalComTool } from '@calcom-int/tools';
import { createMcpServer } from '@calcom-int/tools/mcp';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { bearerToken, headerValue, readBody, sendJsonRpcError, sendWebResponse, webRequestOf } from './http-io';
import type { JsonLogger } from './json-logger';
import type { ServerMetrics } from './metrics';
import { isApiKey, type OAuthUsers } from './oauth';
import { MCP_PATH, RESOURCE_METADATA_PATH } from './paths';
import { handleToolCalls, type WriteLedger } from './tool-calls';
import { invalidTokenChallenge, missingTokenChallenge, sendUnauthorized } from './unauthorized';

/** What the MCP endpoint needs of its server: settings, shared state and the server's lifecycle. */
export interface McpEndpoint {
  /** The Cal.com client options of every caller (the API key comes from the request). */
  readonly clientOptions:
    | Omit<CalComClientOptions, 'apiKey' | 'rateLimitStore' | 'logger' | 'refreshToken'>
    | undefined;
  /** The tools to serve. */
  readonly tools: readonly CalComTool[];
  /** Browser origins allowed to call. */
  readonly allowedOrigins: ReadonlySet<string>;
  /** The largest request body, in bytes. */
  readonly maxBodyBytes: number;
  /** The measured shared rate budget, if any. */
  readonly store: RateLimitStore | undefined;
  /** The users behind OAuth access tokens. */
  readonly oauthUsers: OAuthUsers;
  /** The write de-duplication ledger, if any. */
  readonly ledger: WriteLedger | undefined;
  /** Also send `structuredContent` in tool results. */
  readonly structuredContent: boolean;
  /** The server's logger. */
  readonly logger: JsonLogger;
  /** The server's metrics. */
  readonly metrics: ServerMetrics;
  /** The fetch that counts Cal.com's answers. */
  readonly fetch: typeof globalThis.fetch;
  /** The server's public URL (no trailing slash). */
  publicUrl(): string;
  /** Whether the server is shutting down. */
  closing(): boolean;
  /** Counts an MCP request in flight; the returned function counts it out. */
  enter(): () => void;
}

/**
 * Answers one MCP request (stateless: a new MCP server and transport per request). Everything that decides the HTTP
 * answer is decided here, in order: method, shutdown, origin, bearer token, content type, body, the token's user, and
 * — after the MCP message ran — whether Cal.com refused an OAuth token meanwhile, which answers 401 in place of the
 * MCP answer.
 *
 * @param endpoint The server's settings, shared state and lifecycle.
 * @param request The request.
 * @param response The response.
 */
export async function handleMcpRequest(
  endpoint: McpEndpoint,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
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
  if (endpoint.closing()) {
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
  if (origin !== undefined && !endpoint.allowedOrigins.has(origin)) {
    sendJsonRpcError(
      response,
      403,
      -32000,
      `Origin ${origin} is not allowed. Add it to the server's allowed origins (CALCOM_MCP_ALLOWED_ORIGINS) if it should be.`,
    );
    return;
  }
  const token = bearerToken(request.headers.authorization);
  const resourceMetadata = `${endpoint.publicUrl()}${RESOURCE_METADATA_PATH}`;
  if (token === undefined) {
    sendUnauthorized(
      response,
      missingTokenChallenge(resourceMetadata),
      'send your Cal.com API key (or an OAuth access token) as "Authorization: Bearer <token>".',
    );
    return;
  }
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    sendJsonRpcError(response, 415, -32000, 'Unsupported Content-Type: send the JSON-RPC message as application/json.');
    return;
  }
  const body = await readBody(request, endpoint.maxBodyBytes);
  if (body === 'too-large') {
    response.setHeader('connection', 'close');
    sendJsonRpcError(
      response,
      413,
      -32600,
      `Request body larger than ${endpoint.maxBodyBytes} bytes; send a smaller message.`,
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
  if (oauthToken) {
    const identified = await endpoint.oauthUsers.identify(token, endpoint.fetch);
    if (identified.kind === 'rejected') {
      sendUnauthorized(response, invalidTokenChallenge(resourceMetadata), identified.message);
      return;
    }
    if (identified.kind === 'unavailable') {
      sendJsonRpcError(response, 503, -32000, identified.message);
      return;
    }
    userKey = identified.userKey;
  }
  // The cached user of an OAuth token only names the budget; Cal.com still checks the token on every call, and a
  // refusal (expired, revoked) is remembered here to answer 401 once the MCP message ran.
  let rejected = false;
  const fetchForRequest: typeof globalThis.fetch = async (input, init) => {
    const answer = await endpoint.fetch(input, init);
    if (oauthToken && (answer.status === 401 || answer.status === 498)) {
      rejected = true;
      endpoint.oauthUsers.forget(token);
    }
    return answer;
  };
  const requestLogger = endpoint.logger.child({ user: userKey.slice(7, 19) });
  const store = endpoint.store;
  // An OAuth user's budget is the user's, not the token's: a refreshed token keeps spending the same budget.
  const requestStore = store === undefined || !oauthToken ? store : { take: () => store.take(userKey) };
  let client: CalComClient;
  try {
    client = new CalComClient({
      logLevel: 'warn',
      ...endpoint.clientOptions,
      apiKey: token,
      logger: requestLogger,
      fetch: fetchForRequest,
      ...(requestStore === undefined ? {} : { rateLimitStore: requestStore }),
    });
  } catch (error) {
    sendUnauthorized(
      response,
      invalidTokenChallenge(resourceMetadata),
      CalComError.isInstance(error) ? redact(error.message) : 'the bearer token is not usable',
    );
    return;
  }
  const server = createMcpServer({ client, tools: endpoint.tools });
  handleToolCalls(server, {
    client,
    userKey,
    tools: endpoint.tools,
    idempotencyHeader: headerValue(request.headers['idempotency-key']),
    ledger: endpoint.ledger,
    metrics: endpoint.metrics,
    logger: requestLogger,
    structuredContent: endpoint.structuredContent,
  });
  // No `sessionIdGenerator`: stateless mode, so any instance answers. The transport answers with a web `Response`,
  // which is only written once it is known that Cal.com accepted the token.
  const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
  const leave = endpoint.enter();
  const finished = new Promise<void>((resolve) => response.once('close', resolve));
  try {
    await server.connect(transport);
    const answer = await transport.handleRequest(webRequestOf(request, endpoint.publicUrl()), { parsedBody: message });
    if (rejected) {
      await answer.body?.cancel();
      sendUnauthorized(
        response,
        invalidTokenChallenge(resourceMetadata),
        'Cal.com refused the access token (expired or revoked). Refresh it and send the request again.',
      );
    } else {
      await sendWebResponse(response, answer);
    }
    await finished;
  } finally {
    await Promise.allSettled([transport.close(), server.close(), client.close()]);
    leave();
  }
}
