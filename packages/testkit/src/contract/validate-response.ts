import { errorSchemaFor } from './error-envelope';
import type { FoundOperation } from './find-operation';
import { jsonSchemaOf, parseBody } from './message-body';
import { documentSchema, type SchemaCheck } from './schema-check';

/** A response to check. */
export interface ResponseToValidate {
  /** The request method, any case. */
  readonly method: string;
  /** The request path (`/v2/bookings/abc`) or full URL; a query string is ignored. */
  readonly path: string;
  /** The HTTP status. */
  readonly status: number;
  /** The parsed JSON body (a string is parsed first); `undefined` for no body. */
  readonly body: unknown;
}

/**
 * Checks a response of a found operation: a documented status against its response schema (or its lack of a body),
 * an error status (400 and above) against Cal.com's error envelope (the document has none, see `error-envelope.ts`).
 *
 * @param found The operation the method and path resolved to.
 * @param response The status and body.
 * @param check The cached schema check.
 * @returns What is wrong, one line each; empty when the response matches.
 */
export function responseErrors(found: FoundOperation, response: ResponseToValidate, check: SchemaCheck): string[] {
  const { operation } = found;
  const { operationId } = found.resolved;
  const { status } = response;
  const parsed = parseBody(response.body, 'response body');
  if (!parsed.ok) {
    return [parsed.error];
  }
  if (status >= 400) {
    return check(
      `error-envelope:${status === 500 ? 500 : 'other'}`,
      () => errorSchemaFor(status),
      parsed.value,
      `response body (${status} error envelope, docs/CALCOM-API.md §4.2)`,
    );
  }
  const documentedResponse = operation.responses?.[String(status)];
  if (documentedResponse === undefined) {
    const documented = Object.keys(operation.responses ?? {}).join(', ') || 'none';
    return [`status ${status} is not documented for ${operationId} (documented: ${documented})`];
  }
  const schema = jsonSchemaOf(documentedResponse);
  if (schema === undefined) {
    const empty = parsed.value === undefined || parsed.value === null;
    return empty ? [] : [`response body must be empty: ${operationId} documents no body for status ${status}`];
  }
  if (parsed.value === undefined) {
    return [`response body is missing: ${operationId} returns JSON for ${status}`];
  }
  return check(`${operationId}:response:${status}`, documentSchema(schema), parsed.value, 'response body');
}
