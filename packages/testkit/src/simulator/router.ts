import type { Route } from './context';

/** Result of {@link matchRoute}. */
export type RouteMatch = { route: Route; params: Record<string, string> } | undefined;

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const patternParts = pattern.split('/');
  const pathParts = path.replace(/\/+$/, '').split('/');
  if (patternParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < patternParts.length; index += 1) {
    const expected = patternParts[index] ?? '';
    const actual = pathParts[index] ?? '';
    if (expected.startsWith(':')) {
      if (actual === '') return undefined;
      params[expected.slice(1)] = decodeURIComponent(actual);
    } else if (expected !== actual) return undefined;
  }
  return params;
}

/**
 * Finds the route for a method, path and `cal-api-version`. Like Nest, static segments win over parameters
 * (`/v2/schedules/default` before `/v2/schedules/:id`) because routes are listed in that order.
 *
 * @param routes The routes.
 * @param method The HTTP method.
 * @param path The request path.
 * @param version The `cal-api-version` header value, if any.
 * @returns The route and its parameters, or `undefined` (Nest answers 404 `Cannot <METHOD> <path>`).
 */
export function matchRoute(routes: readonly Route[], method: string, path: string, version: string | null): RouteMatch {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPattern(route.pattern, path);
    if (params === undefined) continue;
    if (route.versions !== undefined && (version === null || !route.versions.includes(version))) continue;
    return { route, params };
  }
  return undefined;
}
