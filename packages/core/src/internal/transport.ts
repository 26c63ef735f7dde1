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
  /** The HTTP status. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The body as text; empty when there was none. */
  readonly bodyText: string;
}

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /** The fetch implementation; default `globalThis.fetch`, looked up per request so that msw can patch it. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** How long idle keep-alive sockets stay open, in milliseconds. */
  readonly keepAliveTimeoutMs: number;
  /** The most sockets per origin. */
  readonly connections: number;
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
 * `responseType: 'text'`), over `globalThis.fetch` or the injected fetch, with a per-client undici `Agent` as the
 * `dispatcher` for connection reuse.
 *
 * @param options The fetch implementation and pool settings.
 * @returns The transport.
 */
export function createTransport(options: TransportOptions): Transport {
  const agent = new Agent({ keepAliveTimeout: options.keepAliveTimeoutMs, connections: options.connections });
  const $fetch = createFetch({
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    Headers: globalThis.Headers,
    AbortController: globalThis.AbortController,
  });
  let closed = false;
  return {
    async send(request) {
      const fetchOptions: FetchOptions<'text'> & { dispatcher: Agent } = {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: request.signal,
        retry: false,
        ignoreResponseError: true,
        responseType: 'text',
        dispatcher: agent,
      };
      const response = await $fetch.raw<string, 'text'>(request.url, fetchOptions);
      return {
        status: response.status,
        headers: response.headers,
        bodyText: typeof response._data === 'string' ? response._data : '',
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
