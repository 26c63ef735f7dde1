import type { FoundOperation } from './find-operation';
import type { OpenApiParameter, OpenApiSchema } from './openapi-document';
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
    if (parameter.style === 'deepObject') {
      const folded = foldIndexedKeys(parameter, queryValues);
      if (folded === undefined) {
        if (parameter.required === true) {
          errors.push(
            `query parameter ${parameter.name} is required by ${operationId} (as ${parameter.name}[0][<field>]=…)`,
          );
        }
      } else {
        errors.push(
          ...check(
            `${operationId}:query:${parameter.name}`,
            documentSchema(parameter.schema ?? {}),
            folded,
            `query parameter ${parameter.name}`,
          ),
        );
      }
      continue;
    }
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
  const accepted = name === 'cal-api-version' ? acceptedApiVersions(parameter) : [];
  const expectedVersion = accepted[0];
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
  if (expectedVersion !== undefined && !accepted.includes(value)) {
    return [
      `header cal-api-version is "${value}" but ${operationId} needs ${accepted.map((version) => `"${version}"`).join(' or ')} ` +
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
 * Reads the `cal-api-version` values an operation accepts, the preferred one first: the `enum` values (a patched
 * operation lists both bookings versions, docs/CALCOM-API.md §3.3), else the `default`, else the
 * "Must be set to YYYY-MM-DD" description the five attendee/guest/location booking routes use instead.
 *
 * @param parameter The `cal-api-version` header parameter.
 * @returns The versions, empty when the operation names none.
 */
function acceptedApiVersions(parameter: OpenApiParameter): string[] {
  const schema = parameter.schema ?? {};
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((item) => typeof item === 'string')) {
    const values = schema.enum as string[];
    const preferred =
      typeof schema.default === 'string' && values.includes(schema.default) ? schema.default : values[0];
    return [preferred as string, ...values.filter((item) => item !== preferred)];
  }
  if (typeof schema.default === 'string') {
    return [schema.default];
  }
  const described = /Must be set to (\d{4}-\d{2}-\d{2})/.exec(parameter.description ?? '')?.[1];
  return described === undefined ? [] : [described];
}

/**
 * Folds the indexed keys of a `deepObject` array parameter (`name[0][field]=…`, as qs reads them) into one array of
 * objects, removing those keys from the query so they do not count as undeclared. Each field's value is parsed by its
 * item property's schema (numbers as numbers).
 *
 * @param parameter The declared parameter.
 * @param queryValues Name → raw values; the folded keys are deleted.
 * @returns The array in index order, or `undefined` when no key names the parameter.
 */
function foldIndexedKeys(parameter: OpenApiParameter, queryValues: Map<string, string[]>): unknown[] | undefined {
  const prefix = `${parameter.name}[`;
  const itemProperties = ((parameter.schema?.items as { properties?: Record<string, OpenApiSchema> } | undefined)
    ?.properties ?? {}) as Record<string, OpenApiSchema>;
  const items = new Map<number, Record<string, unknown>>();
  for (const [name, values] of [...queryValues]) {
    if (!name.startsWith(prefix)) continue;
    const match = /^\[(\d+)\]\[([^\]]+)\]$/.exec(name.slice(parameter.name.length));
    if (match === null) continue;
    queryValues.delete(name);
    const index = Number(match[1]);
    const field = match[2] as string;
    const item = items.get(index) ?? {};
    item[field] = parseParameterValue(itemProperties[field], values);
    items.set(index, item);
  }
  if (items.size === 0) return undefined;
  return [...items.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
}
