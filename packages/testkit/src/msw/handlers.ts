import { HttpResponse, http, type RequestHandler } from 'msw';
import { DEFAULT_BASE_URL } from '../constants';
import type { CalComSimulator } from '../simulator/types';

/** Options of {@link createCalComHandlers}. */
export interface CalComHandlersOptions {
  /** Base URL to intercept; default `https://api.cal.com/v2`. */
  baseUrl?: string;
}

/**
 * Waits until a request is aborted; never resolves otherwise (a server that does not answer).
 *
 * @param signal The request's signal.
 * @returns A promise that resolves once the signal aborts.
 */
export function waitForAbort(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * Creates the msw handlers that route every request under the base URL (`${baseUrl}/*`) to the simulator; the
 * simulator routes on the path, so the base URL's path must be `/v2`. A reset fault becomes
 * `HttpResponse.error()`, a hang never answers until the request is aborted.
 *
 * @param simulator The simulator.
 * @param options The base URL.
 * @returns One catch-all handler.
 */
export function createCalComHandlers(
  simulator: CalComSimulator,
  options: CalComHandlersOptions = {},
): RequestHandler[] {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  return [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      const result = await simulator.handle(request);
      if (result instanceof Response) return result;
      if (result.kind === 'reset') return HttpResponse.error();
      await waitForAbort(request.signal);
      return HttpResponse.error();
    }),
  ];
}
