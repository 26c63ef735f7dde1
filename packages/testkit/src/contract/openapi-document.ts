/**
 * The parts of an OpenAPI 3.0 document the contract validator reads. Everything else in the document is kept as is
 * and ignored.
 */

/** A JSON Schema object as written in an OpenAPI 3.0 document (`nullable`, `example`, `discriminator`, `$ref`). */
export type OpenApiSchema = { readonly [keyword: string]: unknown };

/** One parameter of an operation (`in: path | query | header | cookie`). */
export interface OpenApiParameter {
  /** The parameter name, e.g. `bookingUid` or `cal-api-version`. */
  readonly name: string;
  /** Where the parameter travels. */
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  /** Whether the operation refuses the request without it. */
  readonly required?: boolean;
  /** Free text; Cal.com states the required `cal-api-version` value here ("Must be set to …"). */
  readonly description?: string;
  /** The value's schema. */
  readonly schema?: OpenApiSchema;
  /**
   * `deepObject`: an array of objects sent as indexed keys, `name[0][field]=…` (qs, which Nest uses, parses them); the
   * validator folds those keys into one array value.
   */
  readonly style?: string;
}

/** A request or response body: its schema per media type. */
export interface OpenApiContent {
  /** Media type → schema, e.g. `application/json`. */
  readonly content?: { readonly [mediaType: string]: { readonly schema?: OpenApiSchema } };
  /** Whether the operation needs a body (request bodies only). */
  readonly required?: boolean;
  /** Free text. */
  readonly description?: string;
}

/** One operation (a method on a path). */
export interface OpenApiOperation {
  /** The operation's unique id, e.g. `BookingsController_2024_08_13_getBooking`. */
  readonly operationId?: string;
  /** Path, query and header parameters. */
  readonly parameters?: readonly OpenApiParameter[];
  /** The request body, when the operation takes one. */
  readonly requestBody?: OpenApiContent;
  /** Responses by status code (`'200'`, `'201'`, `'204'`). */
  readonly responses?: { readonly [status: string]: OpenApiContent };
}

/** An OpenAPI 3.0 document, e.g. Cal.com's `v2.openapi.json`. */
export interface OpenApiDocument {
  /** The OpenAPI version, e.g. `3.0.0`. */
  readonly openapi: string;
  /** Path template → method → operation. */
  readonly paths: { readonly [pathTemplate: string]: { readonly [method: string]: OpenApiOperation | unknown } };
  /** Shared schemas referenced as `#/components/schemas/<name>`. */
  readonly components?: { readonly schemas?: { readonly [name: string]: OpenApiSchema } };
}
