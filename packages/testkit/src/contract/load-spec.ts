import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { OpenApiDocument } from './openapi-document';

/** Where the official document sits relative to an ancestor of the working directory. */
const SPEC_RELATIVE_PATH = join('shared', 'calcom-openapi', 'v2.openapi.json');

/** The environment variable that points at the document explicitly. */
export const CAL_COM_OPENAPI_PATH_VARIABLE = 'CAL_COM_OPENAPI_PATH';

/** Options of {@link loadCalComSpec}, for tests and tools that run outside the repository. */
export interface LoadCalComSpecOptions {
  /** The folder the search starts from. Defaults to `process.cwd()`. */
  readonly cwd?: string;
  /** The environment read for `CAL_COM_OPENAPI_PATH`. Defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Loads Cal.com's official OpenAPI document (API v2).
 *
 * The file is found, in order: the `path` argument; the `CAL_COM_OPENAPI_PATH` environment variable; a
 * `shared/calcom-openapi/v2.openapi.json` inside the working directory or any of its ancestors (so
 * `../shared/calcom-openapi/v2.openapi.json` next to the repository is found from anywhere inside it).
 *
 * @param path The document's path (absolute, or relative to the working directory).
 * @param options The working directory and environment to search from.
 * @returns The parsed document.
 * @throws An `Error` naming every place searched and how to point at the file when it cannot be found or parsed.
 */
export function loadCalComSpec(path?: string, options: LoadCalComSpecOptions = {}): OpenApiDocument {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  if (path !== undefined) {
    return readSpec(resolve(cwd, path), 'the path argument');
  }
  const fromEnvironment = env[CAL_COM_OPENAPI_PATH_VARIABLE];
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    return readSpec(resolve(cwd, fromEnvironment), `${CAL_COM_OPENAPI_PATH_VARIABLE}`);
  }
  const searched: string[] = [];
  let folder = resolve(cwd);
  for (;;) {
    const candidate = join(folder, SPEC_RELATIVE_PATH);
    searched.push(candidate);
    if (existsSync(candidate)) {
      return readSpec(candidate, 'the search from the working directory');
    }
    const parent = dirname(folder);
    if (parent === folder) {
      break;
    }
    folder = parent;
  }
  throw new Error(
    `Cal.com OpenAPI document not found: ${CAL_COM_OPENAPI_PATH_VARIABLE} is not set and no ${SPEC_RELATIVE_PATH} ` +
      `exists in ${cwd} or any folder above it (searched: ${searched.join(', ')}). ` +
      `Set ${CAL_COM_OPENAPI_PATH_VARIABLE} to the path of v2.openapi.json or pass the path to loadCalComSpec(path).`,
  );
}

/**
 * Reads and parses one candidate file.
 *
 * @param file The absolute path.
 * @param source Where the path came from, for the error message.
 * @returns The parsed document.
 */
function readSpec(file: string, source: string): OpenApiDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cal.com OpenAPI document cannot be read at ${file} (from ${source}): ${reason}. ` +
        `Point ${CAL_COM_OPENAPI_PATH_VARIABLE} or the path argument at an existing v2.openapi.json.`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cal.com OpenAPI document at ${file} (from ${source}) is not valid JSON: ${reason}. ` +
        'Use the unmodified v2.openapi.json.',
    );
  }
  if (!isDocument(document)) {
    throw new Error(
      `Cal.com OpenAPI document at ${file} (from ${source}) has no "openapi" version string or no "paths" object. ` +
        'Use the unmodified v2.openapi.json.',
    );
  }
  return document;
}

/**
 * Tells whether a parsed value has the two fields every OpenAPI document has.
 *
 * @param value The parsed JSON.
 * @returns Whether it looks like an OpenAPI document.
 */
function isDocument(value: unknown): value is OpenApiDocument {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return typeof record.openapi === 'string' && typeof record.paths === 'object' && record.paths !== null;
}
