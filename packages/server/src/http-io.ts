import type { IncomingMessage, ServerResponse } from 'node:http';

/** A JSON-RPC error code (JSON-RPC 2.0 and the MCP SDK's server errors). */
export type JsonRpcCode = -32700 | -32600 | -32603 | -32000 | -32001;

/** Hop-by-hop and framing headers, which belong to the node:http connection, not to the MCP message. */
const CONNECTION_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'content-length',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Reads the bearer token of an `Authorization` header.
 *
 * @param header The header.
 * @returns The token, or `undefined` when there is none.
 */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Reads a single header value.
 *
 * @param value The header value(s).
 * @returns The first value, if any and not empty.
 */
export function headerValue(value: string | string[] | undefined): string | undefined {
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
export async function readBody(request: IncomingMessage, limit: number): Promise<string> {
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
 * The web `Request` of a node:http request whose body was already read (the MCP transport gets it parsed).
 *
 * @param request The node:http request.
 * @param origin The origin the request was made to, e.g. `http://127.0.0.1:3333`.
 * @returns The request, with the method, URL and headers, without a body.
 */
export function webRequestOf(request: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || CONNECTION_HEADERS.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      headers.append(name, item);
    }
  }
  return new Request(new URL(request.url ?? '/', origin), { method: request.method ?? 'POST', headers });
}

/**
 * Writes a web `Response` (the MCP transport's answer) to a node:http response.
 *
 * @param response The node:http response.
 * @param answer The answer.
 */
export async function sendWebResponse(response: ServerResponse, answer: Response): Promise<void> {
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    headers[name] = value;
  });
  response.writeHead(answer.status, headers);
  if (answer.body !== null) {
    for await (const chunk of answer.body) {
      response.write(chunk);
    }
  }
  response.end();
}

/**
 * Sends a JSON body.
 *
 * @param response The response.
 * @param status The status.
 * @param body The body.
 */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
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
export function sendJsonRpcError(response: ServerResponse, status: number, code: JsonRpcCode, message: string): void {
  sendJson(response, status, { jsonrpc: '2.0', error: { code, message }, id: null });
}
