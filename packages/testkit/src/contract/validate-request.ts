import { headerErrors, pathAndQueryErrors } from './check-parameters';
import type { FoundOperation } from './find-operation';
import { jsonSchemaOf, parseBody } from './message-body';
import type { OpenApiContent } from './openapi-document';
import { collectHeaders, type HeadersInput, type QueryInput } from './parameter-values';
import { documentSchema, type SchemaCheck } from './schema-check';

/** A request to check. */
export interface RequestToValidate {
  /** The request method, any case. */
  readonly method: string;
  /** The request path (`/v2/bookings/abc`) or full URL; its query string is checked with `query`. */
  readonly path: string;
  /** Query parameters besides those in `path`. */
  readonly query?: QueryInput;
  /** The request headers. When given, a body must come with `Content-Type: application/json`. */
  readonly headers?: HeadersInput;
  /** The JSON body, parsed or as text; `undefined` for no body. */
  readonly body?: unknown;
}

/**
 * Checks a request to a found operation: its path and query parameters, its declared headers, and its body.
 *
 * @param found The operation the method and path resolved to.
 * @param request The query, headers and body.
 * @param check The cached schema check.
 * @returns What is wrong, one line each; empty when the request matches.
 */
export function requestErrors(found: FoundOperation, request: RequestToValidate, check: SchemaCheck): string[] {
  const { operationId } = found.resolved;
  const parameters = [...found.pathParameters, ...(found.operation.parameters ?? [])];
  const headerValues = collectHeaders(request.headers);
  return [
    ...pathAndQueryErrors(found, parameters, request.query, check),
    ...headerErrors(parameters, headerValues, operationId),
    ...bodyErrors(
      found.operation.requestBody,
      request.body,
      request.headers === undefined ? undefined : headerValues,
      operationId,
      check,
    ),
  ];
}

/**
 * Checks the request body and its content type.
 *
 * @param requestBody The operation's request body, if it takes one.
 * @param body The sent body.
 * @param headers The sent headers (lower-case names), or `undefined` when the caller gave none.
 * @param operationId The operation, for messages.
 * @param check The cached schema check.
 * @returns The errors.
 */
function bodyErrors(
  requestBody: OpenApiContent | undefined,
  body: unknown,
  headers: ReadonlyMap<string, string> | undefined,
  operationId: string,
  check: SchemaCheck,
): string[] {
  const parsed = parseBody(body, 'request body');
  if (!parsed.ok) {
    return [parsed.error];
  }
  const value = parsed.value;
  const schema = requestBody === undefined ? undefined : jsonSchemaOf(requestBody);
  if (schema === undefined) {
    // An empty object is what many HTTP clients send for "no body"; Cal.com ignores it.
    const empty = value === undefined || value === null || (isPlainObject(value) && Object.keys(value).length === 0);
    return empty ? [] : [`request body is not accepted: ${operationId} takes no body`];
  }
  if (value === undefined) {
    return requestBody?.required === true ? [`request body is required by ${operationId}`] : [];
  }
  const errors: string[] = [];
  const contentType = headers?.get('content-type');
  if (headers !== undefined && !contentType?.toLowerCase().startsWith('application/json')) {
    errors.push(
      `header Content-Type must be application/json for a JSON body (sent: ${contentType ?? 'none'}); ` +
        'without it Cal.com does not parse the body',
    );
  }
  errors.push(...check(`${operationId}:request-body`, documentSchema(schema), value, 'request body'));
  return errors;
}

/**
 * Tells whether a value is a plain object.
 *
 * @param value The value.
 * @returns Whether it is a non-null, non-array object.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
