import type { FoundOperation } from './find-operation';
import type { OpenApiParameter } from './openapi-document';
import { collectQuery, parseParameterValue, type QueryInput } from './parameter-values';
import { documentSchema, type SchemaCheck } from './schema-check';

/**
 * Checks the path and query parameters of a request: types, enums and comma lists against each declared schema,
 * required query parameters, and no undeclared query names.
 *
 * @param found The operation the method and path resolved to.
 * @param parameters The parameters declared on the path item and the operation.
 * @param query Query parameters besides those in the path.
 * @param check The cached schema check.
 * @returns The errors.
 */
export function pathAndQueryErrors(
  found: FoundOperation,
  parameters: readonly OpenApiParameter[],
  query: QueryInput | undefined,
  check: SchemaCheck,
): string[] {
  const { operationId, params } = found.resolved;
  const errors: string[] = [];
  const checkParameter = (parameter: OpenApiParameter, values: readonly string[], location: string) => {
    errors.push(
      ...check(
        `${operationId}:${parameter.in}:${parameter.name}`,
        documentSchema(parameter.schema ?? {}),
        parseParameterValue(parameter.schema, values),
        location,
      ),
    );
  };

  for (const parameter of parameters.filter((item) => item.in === 'path')) {
    const value = params[parameter.name];
    if (value !== undefined) {
      checkParameter(parameter, [value], `path parameter ${parameter.name}`);
    }
  }

  const queryValues = collectQuery(found.search);
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
  return errors;
}

/**
 * Checks the declared headers of a request: required ones present, the `cal-api-version` value the operation needs,
 * and the `Authorization` scheme (never echoing its value).
 *
 * @param parameters The parameters declared on the path item and the operation.
 * @param headerValues The sent headers by lower-case name.
 * @param operationId The operation, for messages.
 * @returns The errors.
 */
export function headerErrors(
  parameters: readonly OpenApiParameter[],
  headerValues: ReadonlyMap<string, string>,
  operationId: string,
): string[] {
  return parameters
    .filter((item) => item.in === 'header')
    .flatMap((parameter) => checkHeader(parameter, headerValues.get(parameter.name.toLowerCase()), operationId));
}

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
