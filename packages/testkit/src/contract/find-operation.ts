import type { OpenApiDocument, OpenApiOperation, OpenApiParameter } from './openapi-document';
import { createPathMatcher, type PathMatch } from './path-matcher';

/** The operation a method and path resolve to. */
export interface ResolvedOperation {
  /** The operation's id, e.g. `BookingsController_2024_08_13_cancelBooking`. */
  readonly operationId: string;
  /** The matched path template. */
  readonly pathTemplate: string;
  /** The upper-case method. */
  readonly method: string;
  /** The path parameter values. */
  readonly params: Readonly<Record<string, string>>;
}

/** The operation found for a request or response, with what checking the message needs. */
export interface FoundOperation {
  readonly found: true;
  readonly operation: OpenApiOperation;
  readonly resolved: ResolvedOperation;
  /** The parameters declared on the path item (shared by its operations). */
  readonly pathParameters: readonly OpenApiParameter[];
  /** The query string of the request path. */
  readonly search: URLSearchParams;
}

/** An operation found for a request or response, or the reason none was. */
export type Resolution = FoundOperation | { readonly found: false; readonly error: string };

/**
 * Creates the lookup from a method and path (or full URL) to the document's operation; literal path segments win
 * over parameters.
 *
 * @param document The document.
 * @returns The lookup.
 */
export function createOperationFinder(document: OpenApiDocument): (method: string, path: string) => Resolution {
  const matcher = createPathMatcher(Object.keys(document.paths));
  return (method, path) => {
    const upperMethod = method.toUpperCase();
    const url = new URL(path, 'https://api.cal.com');
    const matches = matcher.match(url.pathname);
    const withMethod = matches.find((match) => operationAt(document, match, upperMethod) !== undefined);
    if (withMethod === undefined) {
      return { found: false, error: describeMissingOperation(document, upperMethod, url.pathname, matches) };
    }
    const operation = operationAt(document, withMethod, upperMethod) as OpenApiOperation;
    const pathItem = document.paths[withMethod.template] as { readonly parameters?: readonly OpenApiParameter[] };
    return {
      found: true,
      operation,
      resolved: {
        operationId: operation.operationId ?? `${upperMethod} ${withMethod.template}`,
        pathTemplate: withMethod.template,
        method: upperMethod,
        params: withMethod.params,
      },
      pathParameters: pathItem.parameters ?? [],
      search: url.searchParams,
    };
  };
}

/**
 * Finds the operation for a method at a matched path template.
 *
 * @param document The document.
 * @param match The matched template.
 * @param method The upper-case method.
 * @returns The operation, or `undefined`.
 */
function operationAt(document: OpenApiDocument, match: PathMatch, method: string): OpenApiOperation | undefined {
  const operation = document.paths[match.template]?.[method.toLowerCase()];
  return typeof operation === 'object' && operation !== null ? (operation as OpenApiOperation) : undefined;
}

/**
 * Explains why no operation matches.
 *
 * @param document The document.
 * @param method The upper-case method.
 * @param pathname The request path.
 * @param matches The templates the path fits regardless of method.
 * @returns The message.
 */
function describeMissingOperation(
  document: OpenApiDocument,
  method: string,
  pathname: string,
  matches: readonly PathMatch[],
): string {
  const best = matches[0];
  if (best === undefined) {
    return (
      `No operation in Cal.com's OpenAPI document matches ${method} ${pathname}: no path template fits. ` +
      'Check the path against the document (every API v2 path starts with /v2/).'
    );
  }
  const methods = Object.keys(document.paths[best.template] ?? {})
    .filter((key) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(key))
    .map((key) => key.toUpperCase());
  return (
    `No operation in Cal.com's OpenAPI document matches ${method} ${pathname}: ${best.template} documents only ` +
    `${methods.join(', ')}.`
  );
}
