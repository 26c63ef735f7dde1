import type { JsonSchema } from './translate-schema';

/**
 * The error bodies Cal.com API v2 sends (docs/CALCOM-API.md §4.2).
 *
 * Cal.com's OpenAPI document describes **no** error responses: only 200, 201 and 204 appear in it. An error response
 * is therefore validated against this explicit schema, built from the API's exception filters instead of the spec:
 * `HttpExceptionFilter`, `ZodExceptionFilter`, `PrismaExceptionFilter`, `TRPCExceptionFilter` and
 * `CalendarServiceExceptionFilter` all write `{ status: 'error', timestamp, path, error: { code, message,
 * details? } }` (`details` only from `HttpExceptionFilter`: whatever Nest's `getResponse()` returned),
 * `ErrorWithCodeExceptionFilter` adds a top-level `message`.
 */
export const ERROR_ENVELOPE_SCHEMA = {
  type: 'object',
  required: ['status', 'timestamp', 'path', 'error'],
  additionalProperties: false,
  properties: {
    status: { const: 'error' },
    timestamp: { type: 'string', format: 'date-time' },
    path: { type: 'string', minLength: 1 },
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', minLength: 1 },
        message: { type: 'string' },
        details: {},
      },
    },
    message: { type: 'string' },
  },
} as const satisfies JsonSchema;

/**
 * The bare body of an unhandled exception: Nest's base filter answers 500 `{"statusCode":500,"message":"Internal
 * server error"}` without the envelope (docs/CALCOM-API.md §4.2, issue #20808).
 */
export const BARE_INTERNAL_SERVER_ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { const: 500 },
    message: { type: 'string' },
  },
} as const satisfies JsonSchema;

/**
 * The schema an error response with this status must match.
 *
 * @param status The HTTP status (400 or above).
 * @returns The envelope schema; for 500 the envelope or the bare Nest body.
 */
export function errorSchemaFor(status: number): JsonSchema {
  return status === 500 ? { anyOf: [ERROR_ENVELOPE_SCHEMA, BARE_INTERNAL_SERVER_ERROR_SCHEMA] } : ERROR_ENVELOPE_SCHEMA;
}
