import type { OpenApiOperation, OpenApiSchema } from './openapi-document';

/** One place where Cal.com's OpenAPI document is known to be wrong, and what the validator checks instead. */
export interface SpecException {
  /** A stable id, e.g. `event-type-users`. */
  readonly id: string;
  /**
   * Where the exception comes from: `spec-gaps` for the typing gaps listed in docs/CALCOM-API.md §9.8,
   * `contract-tests` for the NestJS Swagger generator artefacts our own contract tests found (§9.10).
   */
  readonly source: 'spec-gaps' | 'contract-tests';
  /** Where the gap is documented. */
  readonly reference: string;
  /** What the exception touches: a component schema property, an operation's parameter or response. */
  readonly target: string;
  /** What the document says. */
  readonly documented: string;
  /** What Cal.com really does, and so what the validator checks. */
  readonly actual: string;
  /** The JSON Pointers (RFC 6901, `/` in a path key written `~1`) of every schema the exception replaces. */
  readonly specPaths: readonly string[];
}

/** A spec exception together with the change it makes to a copy of the document. */
export interface SpecPatch extends SpecException {
  /** Applies the correction to the mutable copy. */
  readonly apply: (document: MutableDocument) => void;
}

/** A deep, mutable copy of the parts of the document the patches touch. */
export interface MutableDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

/**
 * Replaces a component schema in the copy by a shallow copy of itself and returns it.
 *
 * @param document The mutable copy.
 * @param name The component schema name.
 * @returns The schema, safe to change.
 */
export function mutableSchema(document: MutableDocument, name: string): Record<string, unknown> {
  const schema = document.components.schemas[name];
  if (schema === undefined) {
    throw new Error(`component schema ${name} does not exist`);
  }
  const copy = { ...schema };
  document.components.schemas[name] = copy;
  return copy;
}

/**
 * Replaces one property schema of a component schema.
 *
 * @param document The mutable copy.
 * @param schemaName The component schema name.
 * @param property The property.
 * @param replacement The new property schema.
 */
export function setProperty(
  document: MutableDocument,
  schemaName: string,
  property: string,
  replacement: OpenApiSchema,
): void {
  const schema = mutableSchema(document, schemaName);
  const properties = { ...(schema.properties as Record<string, Record<string, unknown>>) };
  if (properties[property] === undefined) {
    throw new Error(`property ${property} does not exist`);
  }
  properties[property] = { ...replacement };
  schema.properties = properties;
}

/**
 * Sets the item schema of an array property of a component schema.
 *
 * @param document The mutable copy.
 * @param schemaName The component schema name.
 * @param property The array property.
 * @param items The new item schema.
 */
export function setArrayItems(
  document: MutableDocument,
  schemaName: string,
  property: string,
  items: OpenApiSchema,
): void {
  const schema = mutableSchema(document, schemaName);
  const properties = { ...(schema.properties as Record<string, Record<string, unknown>>) };
  const current = properties[property];
  if (current === undefined) {
    throw new Error(`property ${property} does not exist`);
  }
  properties[property] = { ...current, items };
  schema.properties = properties;
}

/**
 * Replaces an operation in the copy by a shallow copy of itself and returns it.
 *
 * @param document The mutable copy.
 * @param pathTemplate The path template.
 * @param method The lower-case method.
 * @returns The operation, safe to change.
 */
export function mutableOperation(
  document: MutableDocument,
  pathTemplate: string,
  method: string,
): { -readonly [Key in keyof OpenApiOperation]: unknown } {
  const pathItem = document.paths[pathTemplate];
  const operation = pathItem?.[method];
  if (pathItem === undefined || typeof operation !== 'object' || operation === null) {
    throw new Error(`operation ${method.toUpperCase()} ${pathTemplate} does not exist`);
  }
  const copy = { ...(operation as Record<string, unknown>) };
  document.paths[pathTemplate] = { ...pathItem, [method]: copy };
  return copy;
}
