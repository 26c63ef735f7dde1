import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { errorSchemaFor } from './error-envelope';
import { formatSchemaErrors } from './format-errors';
import type { OpenApiContent, OpenApiDocument, OpenApiOperation, OpenApiParameter } from './openapi-document';
import {
  collectHeaders,
  collectQuery,
  type HeadersInput,
  parseParameterValue,
  type QueryInput,
} from './parameter-values';
import { createPathMatcher, type PathMatch } from './path-matcher';
import { applySpecExceptions, CALCOM_SPEC_EXCEPTIONS, type SpecException } from './spec-exceptions';
import { type JsonSchema, translateComponents, translateSchema } from './translate-schema';

/** The id under which the translated component schemas are registered in ajv. */
const COMPONENTS_ID = 'https://calcom-int.invalid/openapi-components.json';

/** The `$ref` prefix that reaches one translated component schema. */
const COMPONENTS_REF = `${COMPONENTS_ID}#/definitions/`;

/** The OpenAPI versions whose schema dialect the validator translates. */
const SUPPORTED_OPENAPI_VERSION = /^3\.0\.\d+$/;

/** The result of one validation. */
export interface ContractValidationResult {
  /** Whether the message matches the contract. */
  readonly valid: boolean;
  /** The matched operation's `operationId`; `undefined` when no operation matches the method and path. */
  readonly operationId: string | undefined;
  /** What is wrong, one line each (never the value of the `Authorization` header). Empty when valid. */
  readonly errors: string[];
}

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

/** Options of {@link createContractValidator}. */
export interface ContractValidatorOptions {
  /**
   * Whether to apply {@link CALCOM_SPEC_EXCEPTIONS} (default `true`). `false` validates against the document exactly
   * as published, which is how the exceptions' own tests show what each one changes.
   */
  readonly applyExceptions?: boolean;
}

/** Checks requests and responses against Cal.com's OpenAPI document. */
export interface ContractValidator {
  /**
   * Checks a response: a documented status (200/201/204) against the operation's response schema, an error status
   * (400 and above) against Cal.com's error envelope (the document has none, see `error-envelope.ts`).
   *
   * @param response The method, path, status and body.
   * @returns The result.
   */
  validateResponse(response: ResponseToValidate): ContractValidationResult;
  /**
   * Checks a request: required headers (and the `cal-api-version` value the operation needs), the `Authorization`
   * scheme, path and query parameters (types, enums, comma lists, no undeclared names) and the JSON body.
   *
   * @param request The method, path, query, headers and body.
   * @returns The result.
   */
  validateRequest(request: RequestToValidate): ContractValidationResult;
  /**
   * Finds the operation a method and path resolve to.
   *
   * @param method The method, any case.
   * @param path The path or full URL.
   * @returns The operation, or `undefined` when none matches.
   */
  findOperation(method: string, path: string): ResolvedOperation | undefined;
  /** The spec exceptions in force (empty with `applyExceptions: false`). */
  readonly exceptions: readonly SpecException[];
}

/** An operation found for a request or response, or the reason none was. */
type Resolution =
  | {
      readonly found: true;
      readonly operation: OpenApiOperation;
      readonly resolved: ResolvedOperation;
      readonly pathParameters: readonly OpenApiParameter[];
      readonly search: URLSearchParams;
    }
  | { readonly found: false; readonly error: string };

/**
 * Creates a validator for Cal.com's OpenAPI document. Schemas are translated from OpenAPI 3.0 to JSON Schema once,
 * compiled with ajv on first use and cached per operation and status, so validating many messages is fast.
 *
 * @param spec The document, e.g. from `loadCalComSpec()`.
 * @param options Whether to apply the spec exceptions.
 * @returns The validator.
 * @throws An `Error` when the document is not OpenAPI 3.0.
 */
export function createContractValidator(
  spec: OpenApiDocument,
  options: ContractValidatorOptions = {},
): ContractValidator {
  if (!SUPPORTED_OPENAPI_VERSION.test(spec.openapi)) {
    throw new Error(
      `Unsupported OpenAPI version "${spec.openapi}": the contract validator translates OpenAPI 3.0.x documents ` +
        "(Cal.com's v2.openapi.json is 3.0.0). Pass the official Cal.com API v2 document.",
    );
  }
  const applyExceptions = options.applyExceptions ?? true;
  const document = applyExceptions ? applySpecExceptions(spec) : spec;
  // `strict: false`: the vendor document is not written for ajv's strict mode (e.g. `minimum` beside a missing
  // `type`); `validateSchema: false` skips meta-validating 1 MB of schemas on start.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  // The document uses `format: phone` for verified phone numbers, which Cal.com stores in E.164.
  ajv.addFormat('phone', /^\+[1-9]\d{1,14}$/);
  ajv.addSchema({
    $id: COMPONENTS_ID,
    definitions: translateComponents(document.components?.schemas ?? {}, COMPONENTS_REF),
  });
  const matcher = createPathMatcher(Object.keys(document.paths));
  const compiled = new Map<string, ValidateFunction>();

  const validatorFor = (key: string, schema: () => JsonSchema): ValidateFunction => {
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = ajv.compile(schema());
      compiled.set(key, validate);
    }
    return validate;
  };

  const check = (key: string, schema: () => JsonSchema, value: unknown, location: string): string[] => {
    const validate = validatorFor(key, schema);
    return validate(value) ? [] : formatSchemaErrors(location, validate.errors);
  };

  const resolve = (method: string, path: string): Resolution => {
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

  return {
    exceptions: applyExceptions ? CALCOM_SPEC_EXCEPTIONS : [],

    findOperation(method, path) {
      const resolution = resolve(method, path);
      return resolution.found ? resolution.resolved : undefined;
    },

    validateResponse({ method, path, status, body }) {
      const resolution = resolve(method, path);
      if (!resolution.found) {
        return { valid: false, operationId: undefined, errors: [resolution.error] };
      }
      const { operation, resolved } = resolution;
      const { operationId } = resolved;
      const parsed = parseBody(body, 'response body');
      if (!parsed.ok) {
        return { valid: false, operationId, errors: [parsed.error] };
      }
      if (status >= 400) {
        const errors = check(
          `error-envelope:${status === 500 ? 500 : 'other'}`,
          () => errorSchemaFor(status),
          parsed.value,
          `response body (${status} error envelope, docs/CALCOM-API.md §4.2)`,
        );
        return { valid: errors.length === 0, operationId, errors };
      }
      const response = operation.responses?.[String(status)];
      if (response === undefined) {
        const documented = Object.keys(operation.responses ?? {}).join(', ') || 'none';
        return {
          valid: false,
          operationId,
          errors: [`status ${status} is not documented for ${operationId} (documented: ${documented})`],
        };
      }
      const schema = jsonSchemaOf(response);
      if (schema === undefined) {
        const empty = parsed.value === undefined || parsed.value === null;
        return {
          valid: empty,
          operationId,
          errors: empty ? [] : [`response body must be empty: ${operationId} documents no body for status ${status}`],
        };
      }
      if (parsed.value === undefined) {
        return {
          valid: false,
          operationId,
          errors: [`response body is missing: ${operationId} returns JSON for ${status}`],
        };
      }
      const errors = check(
        `${operationId}:response:${status}`,
        () => translateSchema(schema, COMPONENTS_REF),
        parsed.value,
        'response body',
      );
      return { valid: errors.length === 0, operationId, errors };
    },

    validateRequest({ method, path, query, headers, body }) {
      const resolution = resolve(method, path);
      if (!resolution.found) {
        return { valid: false, operationId: undefined, errors: [resolution.error] };
      }
      const { operation, resolved, pathParameters, search } = resolution;
      const { operationId } = resolved;
      const parameters = [...pathParameters, ...(operation.parameters ?? [])];
      const errors: string[] = [];

      const checkParameter = (parameter: OpenApiParameter, values: readonly string[], location: string) => {
        errors.push(
          ...check(
            `${operationId}:${parameter.in}:${parameter.name}`,
            () => translateSchema(parameter.schema ?? {}, COMPONENTS_REF),
            parseParameterValue(parameter.schema, values),
            location,
          ),
        );
      };

      for (const parameter of parameters.filter((item) => item.in === 'path')) {
        const value = resolved.params[parameter.name];
        if (value !== undefined) {
          checkParameter(parameter, [value], `path parameter ${parameter.name}`);
        }
      }

      const queryValues = collectQuery(search);
      for (const [name, values] of collectQuery(query)) {
        queryValues.set(name, [...(queryValues.get(name) ?? []), ...values]);
      }
      const declaredQuery = parameters.filter((item) => item.in === 'query');
      for (const parameter of declaredQuery) {
        const values = queryValues.get(parameter.name);
        if (values === undefined) {
          if (parameter.required === true) {
            errors.push(`query parameter ${parameter.name} is required by ${operationId}`);
          }
        } else {
          checkParameter(parameter, values, `query parameter ${parameter.name}`);
        }
      }
      for (const name of queryValues.keys()) {
        if (!declaredQuery.some((parameter) => parameter.name === name)) {
          const declared = declaredQuery.map((parameter) => parameter.name).join(', ') || 'none';
          errors.push(
            `query parameter ${name} is not declared by ${operationId} (declared: ${declared}); ` +
              'Cal.com silently drops unknown query parameters, so this filter would have no effect',
          );
        }
      }

      const headerValues = collectHeaders(headers);
      for (const parameter of parameters.filter((item) => item.in === 'header')) {
        errors.push(...checkHeader(parameter, headerValues.get(parameter.name.toLowerCase()), operationId));
      }

      errors.push(
        ...checkRequestBody(
          operation.requestBody,
          body,
          headers === undefined ? undefined : headerValues,
          operationId,
          check,
        ),
      );
      return { valid: errors.length === 0, operationId, errors };
    },
  };
}

/** The signature of the cached schema check used by the body check. */
type SchemaCheck = (key: string, schema: () => JsonSchema, value: unknown, location: string) => string[];

/**
 * Checks one declared header.
 *
 * @param parameter The header parameter.
 * @param value The sent value, if any.
 * @param operationId The operation, for messages.
 * @returns The errors.
 */
function checkHeader(parameter: OpenApiParameter, value: string | undefined, operationId: string): string[] {
  const name = parameter.name.toLowerCase();
  const expectedVersion = name === 'cal-api-version' ? requiredApiVersion(parameter) : undefined;
  if (value === undefined) {
    if (parameter.required !== true) {
      return [];
    }
    if (expectedVersion !== undefined) {
      return [
        `header cal-api-version is required by ${operationId}: set it to ${expectedVersion} ` +
          '(without it Cal.com routes the call to the 2024-04-15 legacy controller, docs/CALCOM-API.md §3.1)',
      ];
    }
    return [`header ${parameter.name} is required by ${operationId}`];
  }
  if (expectedVersion !== undefined && value !== expectedVersion) {
    return [
      `header cal-api-version is "${value}" but ${operationId} needs "${expectedVersion}" ` +
        '(another value routes the call to a different controller version, docs/CALCOM-API.md §3.1)',
    ];
  }
  if (name === 'authorization' && !/^Bearer \S+$/.test(value)) {
    // The value is an API key or token: never echo it.
    return [`header Authorization must be "Bearer <token>" for ${operationId} (the sent value has another form)`];
  }
  return [];
}

/**
 * Reads the `cal-api-version` value an operation needs: a single `enum` value, the `default`, or the
 * "Must be set to YYYY-MM-DD" description the five attendee/guest/location booking routes use instead.
 *
 * @param parameter The `cal-api-version` header parameter.
 * @returns The version, or `undefined` when the operation names none.
 */
function requiredApiVersion(parameter: OpenApiParameter): string | undefined {
  const schema = parameter.schema ?? {};
  if (Array.isArray(schema.enum) && schema.enum.length === 1 && typeof schema.enum[0] === 'string') {
    return schema.enum[0];
  }
  if (typeof schema.default === 'string') {
    return schema.default;
  }
  return /Must be set to (\d{4}-\d{2}-\d{2})/.exec(parameter.description ?? '')?.[1];
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
function checkRequestBody(
  requestBody: OpenApiContent | undefined,
  body: unknown,
  headers: Map<string, string> | undefined,
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
  errors.push(
    ...check(`${operationId}:request-body`, () => translateSchema(schema, COMPONENTS_REF), value, 'request body'),
  );
  return errors;
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

/**
 * Returns the JSON schema of a request or response body.
 *
 * @param content The body description.
 * @returns The `application/json` schema, or `undefined` when there is none (e.g. 204).
 */
function jsonSchemaOf(content: OpenApiContent): unknown {
  return content.content?.['application/json']?.schema;
}

/**
 * Parses a body given as text; other values are taken as already parsed.
 *
 * @param body The body.
 * @param location `request body` or `response body`, for the message.
 * @returns The value, or why it could not be parsed.
 */
function parseBody(body: unknown, location: string): { ok: true; value: unknown } | { ok: false; error: string } {
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
 * Tells whether a value is a plain object.
 *
 * @param value The value.
 * @returns Whether it is a non-null, non-array object.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
