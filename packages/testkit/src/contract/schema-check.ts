import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { formatSchemaErrors } from './format-errors';
import type { OpenApiDocument } from './openapi-document';
import { type JsonSchema, translateComponents, translateSchema } from './translate-schema';

/** The id under which the translated component schemas are registered in ajv. */
const COMPONENTS_ID = 'https://calcom-int.invalid/openapi-components.json';

/** The `$ref` prefix that reaches one translated component schema. */
const COMPONENTS_REF = `${COMPONENTS_ID}#/definitions/`;

/**
 * Checks a value against a schema compiled once per key; returns one line per problem, empty when the value fits.
 * The schema is built only on the key's first use.
 */
export type SchemaCheck = (key: string, schema: () => JsonSchema, value: unknown, location: string) => string[];

/**
 * Creates the cached schema check for a document: its component schemas are translated from OpenAPI 3.0 to JSON
 * Schema and registered once; each message schema is compiled with ajv on first use and kept.
 *
 * @param document The document (with the spec exceptions applied, if any).
 * @returns The check.
 */
export function createSchemaCheck(document: OpenApiDocument): SchemaCheck {
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
  const compiled = new Map<string, ValidateFunction>();
  return (key, schema, value, location) => {
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = ajv.compile(schema());
      compiled.set(key, validate);
    }
    return validate(value) ? [] : formatSchemaErrors(location, validate.errors);
  };
}

/**
 * Defers translating one of the document's schemas (a body or parameter schema) to JSON Schema whose `$ref`s reach
 * the components registered by {@link createSchemaCheck}.
 *
 * @param schema The OpenAPI schema.
 * @returns The translation, for {@link SchemaCheck}.
 */
export function documentSchema(schema: unknown): () => JsonSchema {
  return () => translateSchema(schema, COMPONENTS_REF);
}
