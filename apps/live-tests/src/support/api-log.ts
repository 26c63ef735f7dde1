import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { recordTiming } from './timings';

/** One HTTP call as seen on the wire. */
export interface ApiCall {
  /** The HTTP method. */
  method: string;
  /** The path with ids replaced by placeholders, e.g. `/v2/bookings/:uid`. */
  route: string;
  /** The full path with query string (no credentials are ever in it). */
  pathAndQuery: string;
  /** The response status, or `0` when no response arrived. */
  status: number;
  /** Wall-clock duration in milliseconds. */
  durationMs: number;
}

/**
 * Replaces ids and uids in a path with placeholders, so timings group by route.
 *
 * @param path The URL path.
 * @returns The route, e.g. `/v2/event-types/:id`.
 */
export function routeOf(path: string): string {
  return path
    .split('/')
    .map((segment, index, segments) => {
      if (/^\d+$/.test(segment)) return ':id';
      if (segments[index - 1] === 'bookings' && segment !== '' && !['cancel', 'reschedule'].includes(segment)) {
        return ':uid';
      }
      return segment;
    })
    .join('/');
}

/**
 * Wraps a fetch so every call is timed, recorded for the report (`http <METHOD> <route>`) and appended to
 * `<runDirectory>/api-calls.log` with its duration. Only the method, path, query and status are written, never
 * headers, so the API key cannot leak. Set `LIVE_TESTS_VERBOSE=1` to echo each line to the console too.
 *
 * @param runDirectory The run folder.
 * @param inner The fetch to wrap. Default `globalThis.fetch` (looked up on each call).
 * @returns The logging fetch.
 */
export function createLoggedFetch(runDirectory: string, inner?: typeof globalThis.fetch): typeof globalThis.fetch {
  mkdirSync(runDirectory, { recursive: true });
  const logFile = join(runDirectory, 'api-calls.log');
  const verbose = process.env.LIVE_TESTS_VERBOSE === '1';
  const write = (call: ApiCall) => {
    const line = `${new Date().toISOString()} ${call.method} ${call.pathAndQuery} → ${call.status === 0 ? 'no response' : call.status} ${call.durationMs.toFixed(1)} ms`;
    appendFileSync(logFile, `${line}\n`);
    if (verbose) console.info(line);
    recordTiming({
      operation: `http ${call.method} ${call.route}`,
      durationMs: call.durationMs,
      ok: call.status > 0 && call.status < 400,
    });
  };
  const loggedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input));
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const started = performance.now();
    const base = { method, route: routeOf(url.pathname), pathAndQuery: `${url.pathname}${url.search}` };
    try {
      const response = await (inner ?? globalThis.fetch)(input, init);
      write({ ...base, status: response.status, durationMs: performance.now() - started });
      return response;
    } catch (error) {
      write({ ...base, status: 0, durationMs: performance.now() - started });
      throw error;
    }
  };
  return loggedFetch as typeof globalThis.fetch;
}
