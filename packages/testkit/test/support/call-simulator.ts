import { DEFAULT_BASE_URL } from '../../src/constants';
import { DEFAULT_API_KEY } from '../../src/simulator/seed';
import type { CalComSimulator } from '../../src/simulator/types';

/** Options of {@link callSimulator}. */
export interface CallOptions {
  /** API key; `null` sends no Authorization header. Default {@link DEFAULT_API_KEY}. */
  key?: string | null;
  /** Raw Authorization header (wins over `key`). */
  authorization?: string;
  /** `cal-api-version`; omitted when undefined. */
  version?: string;
  /** JSON body, or a raw string. */
  body?: unknown;
}

/** Parsed outcome of {@link callSimulator}. */
export interface CallResult {
  status: number;
  headers: Headers;
  json: unknown;
  text: string;
}

/**
 * Sends one request to a simulator (test helper).
 *
 * @param simulator The simulator.
 * @param method The HTTP method.
 * @param path The path starting with `/v2`, with query.
 * @param options Key, version and body.
 * @returns Status, headers and the parsed body.
 */
export async function callSimulator(
  simulator: CalComSimulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers = new Headers();
  const key = options.key === undefined ? DEFAULT_API_KEY : options.key;
  if (options.authorization !== undefined) headers.set('authorization', options.authorization);
  else if (key !== null) headers.set('authorization', `Bearer ${key}`);
  if (options.version !== undefined) headers.set('cal-api-version', options.version);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers.set('content-type', 'application/json');
  }
  const origin = new URL(DEFAULT_BASE_URL).origin;
  const result = await simulator.handle(
    new Request(`${origin}${path}`, { method, headers, ...(body === undefined ? {} : { body }) }),
  );
  if (!(result instanceof Response)) throw new Error(`expected a response, got a ${result.kind} fault`);
  const text = await result.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: result.status, headers: result.headers, json, text };
}
