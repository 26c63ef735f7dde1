import { readFileSync } from 'node:fs';
import type { OpenApiDocument } from './openapi-document';

/** Where a document path came from, for error messages. */
export interface SpecSource {
  /** The option or variable that supplied the path, e.g. `CAL_COM_OPENAPI_PATH`. */
  readonly label: string;
  /** One or two sentences that say how to point at a usable document instead. */
  readonly fix: string;
}

/**
 * Reads and parses one OpenAPI document file.
 *
 * @param file The absolute path.
 * @param source Where the path came from; named in every error together with its fix.
 * @returns The parsed document.
 * @throws An `Error` naming the file, the source, what is wrong and how to fix it when the file cannot be read, is not
 *   JSON, or has no `openapi` version string or no `paths` object.
 */
export function readSpecFile(file: string, source: SpecSource): OpenApiDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cal.com OpenAPI document cannot be read at ${file} (from ${source.label}): ${reasonOf(error)}. ${source.fix}`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `Cal.com OpenAPI document at ${file} (from ${source.label}) is not valid JSON: ${reasonOf(error)}. ${source.fix}`,
    );
  }
  if (!isOpenApiDocument(document)) {
    throw new Error(
      `Cal.com OpenAPI document at ${file} (from ${source.label}) is not an OpenAPI document: it has no "openapi" ` +
        `version string or no "paths" object. ${source.fix}`,
    );
  }
  return document;
}

/**
 * Tells whether a parsed value has the two fields every OpenAPI document has.
 *
 * @param value The parsed JSON.
 * @returns Whether it has an `openapi` string and a `paths` object.
 */
export function isOpenApiDocument(value: unknown): value is OpenApiDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return (
    typeof record.openapi === 'string' &&
    typeof record.paths === 'object' &&
    record.paths !== null &&
    !Array.isArray(record.paths)
  );
}

/**
 * Turns a thrown value into its message.
 *
 * @param error The caught value.
 * @returns The message.
 */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
