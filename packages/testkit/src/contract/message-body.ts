import type { OpenApiContent } from './openapi-document';

/** A body read for checking, or why it could not be read. */
export type ParsedBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string };

/**
 * Parses a body given as text; other values are taken as already parsed.
 *
 * @param body The body.
 * @param location `request body` or `response body`, for the message.
 * @returns The value, or why it could not be parsed.
 */
export function parseBody(body: unknown, location: string): ParsedBody {
  if (typeof body !== 'string') {
    return { ok: true, value: body };
  }
  if (body === '') {
    return { ok: true, value: undefined };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, error: `${location} is not JSON: ${JSON.stringify(body.slice(0, 80))}` };
  }
}

/**
 * Returns the JSON schema of a request or response body.
 *
 * @param content The body description.
 * @returns The `application/json` schema, or `undefined` when there is none (e.g. 204).
 */
export function jsonSchemaOf(content: OpenApiContent): unknown {
  return content.content?.['application/json']?.schema;
}
