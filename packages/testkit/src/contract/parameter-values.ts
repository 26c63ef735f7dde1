import type { OpenApiSchema } from './openapi-document';

/** Number syntax accepted for numeric parameters (what NestJS' `ParseIntPipe`/`Number()` take, without blanks). */
const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * Turns the raw string value(s) of a path, query or header parameter into the typed value its schema describes
 * (OpenAPI `style: simple`/`form`): numbers and booleans are parsed when they are well-formed (otherwise left as
 * strings so the schema check reports them), and an array parameter takes comma-separated lists, repeated keys, or
 * both (`?status=upcoming,past` or `?status=upcoming&status=past`).
 *
 * @param schema The parameter's schema from the document.
 * @param values The raw values; more than one when the key was repeated.
 * @returns The typed value to validate against the schema.
 */
export function parseParameterValue(schema: OpenApiSchema | undefined, values: readonly string[]): unknown {
  if (schema?.type === 'array') {
    const itemSchema = (schema.items ?? {}) as OpenApiSchema;
    return values.flatMap((value) => value.split(',')).map((item) => parseScalar(itemSchema, item));
  }
  if (values.length === 1) {
    return parseScalar(schema ?? {}, values[0] ?? '');
  }
  // A scalar parameter given several times: keep the list, the schema check then reports the wrong type.
  return values.map((value) => parseScalar(schema ?? {}, value));
}

/**
 * Parses one scalar string according to its schema type.
 *
 * @param schema The scalar's schema.
 * @param value The raw string.
 * @returns A number, boolean or the string itself.
 */
function parseScalar(schema: OpenApiSchema, value: string): unknown {
  if ((schema.type === 'number' || schema.type === 'integer') && NUMERIC.test(value)) {
    return Number(value);
  }
  if (schema.type === 'boolean' && (value === 'true' || value === 'false')) {
    return value === 'true';
  }
  return value;
}

/** Query input accepted by the validator: `URLSearchParams` or a plain record. */
export type QueryInput =
  | URLSearchParams
  | Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** Header input accepted by the validator: a `Headers` object or a plain record (any name casing). */
export type HeadersInput = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Collects query values by name.
 *
 * @param query The query as given.
 * @returns Name → raw values (in order).
 */
export function collectQuery(query: QueryInput | undefined): Map<string, string[]> {
  const collected = new Map<string, string[]>();
  if (query === undefined) {
    return collected;
  }
  const add = (name: string, value: string) => {
    const values = collected.get(name) ?? [];
    values.push(value);
    collected.set(name, values);
  };
  if (query instanceof URLSearchParams) {
    for (const [name, value] of query) {
      add(name, value);
    }
    return collected;
  }
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) {
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) {
        add(name, item);
      }
    } else {
      add(name, String(value));
    }
  }
  return collected;
}

/**
 * Collects header values by lower-case name.
 *
 * @param headers The headers as given.
 * @returns Lower-case name → value (repeated values joined with `, ` as HTTP does).
 */
export function collectHeaders(headers: HeadersInput | undefined): Map<string, string> {
  const collected = new Map<string, string>();
  if (headers === undefined) {
    return collected;
  }
  if (headers instanceof Headers) {
    for (const [name, value] of headers) {
      collected.set(name.toLowerCase(), value);
    }
    return collected;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      collected.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    }
  }
  return collected;
}
