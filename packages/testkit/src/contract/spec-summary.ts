import type { OpenApiDocument } from './openapi-document';

/** The HTTP methods an OpenAPI 3.0 path item can hold operations under. */
const OPERATION_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The headline facts of an OpenAPI document, as recorded in `spec/provenance.json`. */
export interface SpecSummary {
  /** `info.title`, or `unknown` when the document has none. */
  readonly title: string;
  /** The `openapi` version string. */
  readonly openapi: string;
  /** How many paths it lists. */
  readonly paths: number;
  /** How many operations (method + path) it lists. */
  readonly operations: number;
}

/**
 * Summarizes an OpenAPI document: title, version, and how many paths and operations it lists.
 *
 * @param document The parsed document.
 * @returns The summary.
 */
export function summarizeSpec(document: OpenApiDocument): SpecSummary {
  const info = (document as { readonly info?: unknown }).info;
  const title = typeof info === 'object' && info !== null ? (info as Record<string, unknown>).title : undefined;
  const pathItems = Object.values(document.paths);
  const operations = pathItems.reduce<number>(
    (total, item) =>
      typeof item === 'object' && item !== null
        ? total + Object.keys(item).filter((key) => OPERATION_METHODS.has(key)).length
        : total,
    0,
  );
  return {
    title: typeof title === 'string' && title !== '' ? title : 'unknown',
    openapi: document.openapi,
    paths: pathItems.length,
    operations,
  };
}
