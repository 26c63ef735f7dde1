import { createFetch, type FetchOptions } from 'ofetch';
import { Agent } from 'undici';

/** One HTTP request as the transport sends it. */
export interface TransportRequest {
  /** The absolute URL, query included. */
  readonly url: string;
  /** The HTTP method. */
  readonly method: string;
  /** The request headers. */
  readonly headers: Record<string, string>;
  /** The serialised body. */
  readonly body?: string;
  /** Aborts the request (timeout or caller). */
  readonly signal: AbortSignal;
}

/** The raw answer: status, headers and the body as text (parsed by the request loop, not here). */
export interface TransportResponse {
  /** The HTTP status; 0 for an opaque redirect (a browser's answer to `redirect: 'manual'`). */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The body as text; empty when there was none. Only its first `maxResponseBytes` bytes when `truncated`. */
  readonly bodyText: string;
  /** Whether the body was longer than `maxResponseBytes`: reading stopped there (at once when `content-length` said so). */
  readonly truncated?: boolean | undefined;
  /** Whether the body was not valid UTF-8; `bodyText` then holds replacement characters. */
  readonly invalidUtf8?: boolean | undefined;
  /** Where a fetch that followed a redirect anyway (some custom fetch implementations ignore `redirect: 'manual'`) ended up. */
  readonly redirectedTo?: string | undefined;
}

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /** The fetch implementation; default `globalThis.fetch`, looked up per request so that msw can patch it. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** How long idle keep-alive sockets stay open, in milliseconds. */
  readonly keepAliveTimeoutMs: number;
  /** The most sockets per origin. */
  readonly connections: number;
  /** The most body bytes read per response (the `maxResponseBytes` option); the rest is not read. */
  readonly maxResponseBytes: number;
}

/** Sends requests over a per-client keep-alive pool. */
export interface Transport {
  /**
   * Sends one request. Resolves for every HTTP status; rejects only when no response arrived.
   *
   * @param request The request.
   * @returns The status, headers and body text.
   */
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Closes the connection pool. */
  close(): Promise<void>;
}

/**
 * Creates the transport (D5): ofetch as transport only (`retry: false`, `ignoreResponseError: true`,
 * `redirect: 'manual'`, the body as a stream), over `globalThis.fetch` or the injected fetch, with a per-client undici
 * `Agent` as the `dispatcher` for connection reuse. Redirects are never followed: a 3xx comes back as it is, so that
 * no answer from another origin passes for Cal.com's and no write body is resent elsewhere. The body is read up to
 * `maxResponseBytes` and no further.
 *
 * @param options The fetch implementation, pool settings and body cap.
 * @returns The transport.
 */
export function createTransport(options: TransportOptions): Transport {
  const agent = new Agent({ keepAliveTimeout: options.keepAliveTimeoutMs, connections: options.connections });
  const maxResponseBytes = options.maxResponseBytes;
  const $fetch = createFetch({
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    Headers: globalThis.Headers,
    AbortController: globalThis.AbortController,
  });
  let closed = false;
  return {
    async send(request) {
      const fetchOptions: FetchOptions<'stream'> & { dispatcher: Agent } = {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: request.signal,
        redirect: 'manual',
        retry: false,
        ignoreResponseError: true,
        responseType: 'stream',
        dispatcher: agent,
      };
      const response = await $fetch.raw<ReadableStream<Uint8Array>, 'stream'>(request.url, fetchOptions);
      const body = await readBody(response._data, declaredLength(response.headers), maxResponseBytes);
      return {
        status: response.status,
        headers: response.headers,
        ...decode(body.bytes),
        ...(body.truncated ? { truncated: true } : {}),
        ...(response.redirected && response.url !== '' ? { redirectedTo: response.url } : {}),
      };
    },
    async close() {
      if (!closed) {
        closed = true;
        await agent.close();
      }
    },
  };
}

/** A body as read: at most the cap's bytes, and whether there was more. */
interface ReadBody {
  readonly bytes: Uint8Array;
  readonly truncated: boolean;
}

/**
 * Reads `content-length` when it is a plain decimal number.
 *
 * @param headers The response headers.
 * @returns The declared length, or `undefined`.
 */
export function declaredLength(headers: Headers): number | undefined {
  const value = headers.get('content-length');
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/**
 * Reads a body up to a byte cap: a web `ReadableStream` (fetch), a Node stream (a custom `fetch` such as node-fetch)
 * or text (a fetch polyfill). A declared `content-length` above the cap stops at once; otherwise reading stops at the
 * first chunk that crosses the cap. Either way the rest of the stream is cancelled, never buffered.
 *
 * @param body The body, if any.
 * @param contentLength The declared length, if any.
 * @param maxBytes The cap.
 * @returns The bytes read (at most `maxBytes`) and whether the body was longer.
 */
async function readBody(body: unknown, contentLength: number | undefined, maxBytes: number): Promise<ReadBody> {
  if (typeof body === 'string') {
    const bytes = new TextEncoder().encode(body);
    return { bytes: bytes.subarray(0, maxBytes), truncated: bytes.byteLength > maxBytes };
  }
  if (typeof body !== 'object' || body === null || !(Symbol.asyncIterator in body)) {
    return { bytes: new Uint8Array(0), truncated: false };
  }
  const chunks = (body as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
  if (contentLength !== undefined && contentLength > maxBytes) {
    stopQuietly(chunks);
    return { bytes: new Uint8Array(0), truncated: true };
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done === true) {
      return { bytes: concat(parts, total), truncated: false };
    }
    const chunk = typeof next.value === 'string' ? new TextEncoder().encode(next.value) : next.value;
    if (total + chunk.byteLength > maxBytes) {
      parts.push(chunk.subarray(0, maxBytes - total));
      stopQuietly(chunks);
      return { bytes: concat(parts, maxBytes), truncated: true };
    }
    parts.push(chunk);
    total += chunk.byteLength;
  }
}

/**
 * Cancels the rest of a body in the background (`return()` cancels a web stream and destroys a Node stream): nothing
 * waits on the rest of an oversized body.
 *
 * @param chunks The body's iterator.
 */
function stopQuietly(chunks: AsyncIterator<unknown>): void {
  Promise.resolve(chunks.return?.()).catch(() => undefined);
}

/**
 * Joins chunks into one byte array.
 *
 * @param chunks The chunks.
 * @param length Their total length.
 * @returns The bytes.
 */
function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]?.byteLength === length) {
    return chunks[0];
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Decodes a body as UTF-8 (a leading byte-order mark is dropped, as `Response.text()` does), and says when it was not
 * valid UTF-8.
 *
 * @param bytes The body.
 * @returns The text, and `invalidUtf8: true` when replacement characters had to be used.
 */
function decode(bytes: Uint8Array): { bodyText: string; invalidUtf8?: true } {
  try {
    return { bodyText: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { bodyText: new TextDecoder('utf-8').decode(bytes), invalidUtf8: true };
  }
}
