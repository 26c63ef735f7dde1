import type { RequestSpec } from './request-types';

/** Builds the request URL from the base URL, the path and the query (arrays comma-separated, `undefined` dropped). */
export function buildUrl(baseUrl: string, path: string, query: RequestSpec['query']): string {
  const url = new URL(`${baseUrl}${path.startsWith('/') ? path : `/${path}`}`);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) {
      continue;
    }
    url.searchParams.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return url.toString();
}
