import { createFetch, type FetchOptions } from 'ofetch';

/**
 * A connection pool for Node's built-in `fetch`, passed to it as its (Node-specific) `dispatcher` request option: an
 * undici `Dispatcher`, e.g. `new Agent({ connections: 10, keepAliveTimeout: 10_000 })` from the `undici` package.
 * Only the `dispatch` method is named, so that no undici type (and no undici import) is part of this package.
 */
export interface FetchDispatcher {
  /**
   * Dispatches one request (undici's `Dispatcher.dispatch`); called by `fetch`, never by the client.
   *
   * @param options The request, as `fetch` describes it to the dispatcher.
   * @param handler The callbacks that receive the response.
   * @returns Whether the dispatcher can take more requests at once.
   */
  dispatch(options: object, handler: object): boolean;
}

/** One HTTP request as the transport sends it. */
export interface TransportRequest {
  /** The absolute URL, query included. */
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /**
   * The caller's signal, passed to fetch; absent when the caller gave none (the request loop enforces its time limit
   * without one, see `RequestExecutor`).
   */
  readonly signal?: AbortSignal | undefined;
}

/** The raw answer: status, headers and the body as text (parsed by the request loop, not here). */
export interface TransportResponse {
  /** The HTTP status; 0 for an opaque redirect (a browser's answer to `redirect: 'manual'`). */
  readonly status: number;
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
  /** The caller's connection pool, passed to `fetch` as `dispatcher`; default none (fetch's own keep-alive pool). */
  readonly dispatcher?: FetchDispatcher | undefined;
  /** The most body bytes read per response (the `maxResponseBytes` option); the rest is not read. */
  readonly maxResponseBytes: number;
}

/** Sends requests over fetch's keep-alive pool (or the caller's `dispatcher`). */
export interface Transport {
  /** Sends one request. Resolves for every HTTP status; rejects only when no response arrived. */
  send(request: TransportRequest): Promise<TransportResponse>;
  /**
   * Ends the transport. Nothing to release: the sockets belong to fetch's shared pool (idle ones close after its
   * keep-alive timeout and never keep the process alive) or to the caller's `dispatcher`, which the caller closes.
   */
  close(): Promise<void>;
}

/**
 * Creates the transport (D5): ofetch as transport only (`retry: false`, `ignoreResponseError: true`,
 * `redirect: 'manual'`, the body as a stream), over `globalThis.fetch` or the injected fetch. Node's fetch reuses
 * keep-alive connections by itself; a caller's `dispatcher` (an undici `Agent`) is passed through when given, and no
 * dispatcher is created here, so that undici is never imported. Redirects are never followed: a 3xx comes back as it
 * is, so that no answer from another origin passes for Cal.com's and no write body is resent elsewhere. The body is
 * read up to `maxResponseBytes` and no further.
 */
export function createTransport(options: TransportOptions): Transport {
  const maxResponseBytes = options.maxResponseBytes;
  const dispatcher = options.dispatcher;
  const $fetch = createFetch({
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    Headers: globalThis.Headers,
    AbortController: globalThis.AbortController,
  });
  return {
    async send(request) {
      const fetchOptions: FetchOptions<'stream'> = {
        method: request.method,
        headers: request.headers,
        redirect: 'manual',
        retry: false,
        ignoreResponseError: true,
        responseType: 'stream',
      };
      if (request.body !== undefined) {
        fetchOptions.body = request.body;
      }
      if (request.signal !== undefined) {
        fetchOptions.signal = request.signal;
      }
      if (dispatcher !== undefined) {
        // ofetch types `dispatcher` with undici's full Dispatcher class; ours names only what fetch calls.
        fetchOptions.dispatcher = dispatcher as NonNullable<FetchOptions['dispatcher']>;
      }
      const response = await $fetch.raw<ReadableStream<Uint8Array>, 'stream'>(request.url, fetchOptions);
      const body = await readBody(response._data, declaredLength(response.headers), maxResponseBytes);
      const decoded = decode(body.bytes);
      return {
        status: response.status,
        headers: response.headers,
        bodyText: decoded.bodyText,
        ...(decoded.invalidUtf8 === true ? { invalidUtf8: true } : {}),
        ...(body.truncated ? { truncated: true } : {}),
        ...(response.redirected && response.url !== '' ? { redirectedTo: response.url } : {}),
      };
    },
    async close() {
      // Nothing to release: see Transport.close.
    },
  };
}

/** A body as read: at most the cap's bytes, and whether there was more. */
interface ReadBody {
  readonly bytes: Uint8Array;
  readonly truncated: boolean;
}

/** Reads `content-length` when it is a plain decimal number. */
export function declaredLength(headers: Headers): number | undefined {
  const value = headers.get('content-length');
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/**
 * Reads a body up to a byte cap: a web `ReadableStream` (fetch), a Node stream (a custom `fetch` such as node-fetch)
 * or text (a fetch polyfill). A declared `content-length` above the cap stops at once; otherwise reading stops at the
 * first chunk that crosses the cap. Either way the rest of the stream is cancelled, never buffered.
 *
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
  const chunks = chunkReader(body as AsyncIterable<Uint8Array | string>);
  if (contentLength !== undefined && contentLength > maxBytes) {
    chunks.stop();
    return { bytes: new Uint8Array(0), truncated: true };
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done === true || next.value === undefined) {
      return { bytes: concat(parts, total), truncated: false };
    }
    const chunk = typeof next.value === 'string' ? new TextEncoder().encode(next.value) : next.value;
    if (total + chunk.byteLength > maxBytes) {
      parts.push(chunk.subarray(0, maxBytes - total));
      chunks.stop();
      return { bytes: concat(parts, maxBytes), truncated: true };
    }
    parts.push(chunk);
    total += chunk.byteLength;
  }
}

/** Reads a body's chunks one by one, and cancels the rest of it. */
interface ChunkReader {
  next(): Promise<{ readonly done?: boolean | undefined; readonly value?: Uint8Array | string | undefined }>;
  /**
   * Cancels the rest of the body in the background (a web stream is cancelled, a Node stream destroyed): nothing waits
   * on the rest of an oversized body.
   */
  stop(): void;
}

/**
 * Reads a web `ReadableStream` with its own reader (one promise per chunk; its async iterator adds a layer of
 * promises, about 30 µs per response in Node 20), anything else through its async iterator.
 */
function chunkReader(body: AsyncIterable<Uint8Array | string>): ChunkReader {
  if (typeof (body as Partial<ReadableStream<Uint8Array>>).getReader === 'function') {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    return {
      next: () => reader.read(),
      stop: () => {
        reader.cancel().catch(() => undefined);
      },
    };
  }
  const iterator = body[Symbol.asyncIterator]();
  return {
    next: () => iterator.next(),
    stop: () => {
      Promise.resolve(iterator.return?.()).catch(() => undefined);
    },
  };
}

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
 * @returns The text, and `invalidUtf8: true` when replacement characters had to be used.
 */
function decode(bytes: Uint8Array): { bodyText: string; invalidUtf8?: true } {
  try {
    return { bodyText: STRICT_UTF8.decode(bytes) };
  } catch {
    return { bodyText: LENIENT_UTF8.decode(bytes), invalidUtf8: true };
  }
}

/** Decodes UTF-8 and throws on invalid bytes; one for all responses (a decode without `stream` keeps no state). */
const STRICT_UTF8 = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });
/** Decodes UTF-8 with replacement characters. */
const LENIENT_UTF8 = /* @__PURE__ */ new TextDecoder('utf-8');
