import { resolve } from 'node:path';
import { bundledSpecPath } from './bundled-spec';
import type { OpenApiDocument } from './openapi-document';
import { TESTKIT_PACKAGE_NAME } from './package-root';
import { readSpecFile, type SpecSource } from './read-spec-file';

/** The environment variable that points at the document explicitly. */
export const CAL_COM_OPENAPI_PATH_VARIABLE = 'CAL_COM_OPENAPI_PATH';

/** Options of {@link loadCalComSpec}, for tests and tools that resolve paths elsewhere. */
export interface LoadCalComSpecOptions {
  /** The folder relative paths (argument and `CAL_COM_OPENAPI_PATH`) are resolved from. Defaults to `process.cwd()`. */
  readonly cwd?: string;
  /** The environment read for `CAL_COM_OPENAPI_PATH`. Defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The copy shipped inside the package as a source. */
export const BUNDLED_SOURCE: SpecSource = {
  label: `the copy shipped with ${TESTKIT_PACKAGE_NAME} (spec/v2.openapi.json)`,
  fix:
    `The installed package is damaged: reinstall ${TESTKIT_PACKAGE_NAME} (inside the calcom-int repository, restore ` +
    `the file from git or run \`pnpm spec:update <file>\`), or set ${CAL_COM_OPENAPI_PATH_VARIABLE} to the path of ` +
    'an unmodified Cal.com v2.openapi.json.',
};

/**
 * Loads Cal.com's official OpenAPI document (API v2).
 *
 * The file is taken, in order, from: the `path` argument; the `CAL_COM_OPENAPI_PATH` environment variable (an empty
 * value counts as unset); the copy shipped inside this package (`spec/v2.openapi.json`, a byte-exact copy whose
 * origin `calComSpecProvenance()` returns). Nothing outside the installed package is searched.
 *
 * @param path The document's path (absolute, or relative to the working directory).
 * @param options The working directory and environment to resolve from.
 * @returns The parsed document.
 * @throws An `Error` naming the argument, the variable or the shipped copy it read, what is wrong and how to fix it,
 *   when the file cannot be read, is not JSON or is not an OpenAPI document.
 */
export function loadCalComSpec(path?: string, options: LoadCalComSpecOptions = {}): OpenApiDocument {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  if (path !== undefined) {
    return readSpecFile(resolve(cwd, path), argumentSource(cwd));
  }
  const fromEnvironment = env[CAL_COM_OPENAPI_PATH_VARIABLE];
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    return readSpecFile(resolve(cwd, fromEnvironment), environmentSource(cwd));
  }
  return readSpecFile(bundledSpecPath(), BUNDLED_SOURCE);
}

/**
 * Describes the `path` argument as a source.
 *
 * @param cwd The folder relative paths are resolved from.
 * @returns The source.
 */
function argumentSource(cwd: string): SpecSource {
  return {
    label: 'the path argument of loadCalComSpec(path)',
    fix:
      `Pass loadCalComSpec(path) the path of an unmodified Cal.com v2.openapi.json (absolute, or relative to ${cwd}), ` +
      `or call loadCalComSpec() without a path to use the copy shipped with ${TESTKIT_PACKAGE_NAME}.`,
  };
}

/**
 * Describes `CAL_COM_OPENAPI_PATH` as a source.
 *
 * @param cwd The folder relative paths are resolved from.
 * @returns The source.
 */
function environmentSource(cwd: string): SpecSource {
  return {
    label: CAL_COM_OPENAPI_PATH_VARIABLE,
    fix:
      `Set ${CAL_COM_OPENAPI_PATH_VARIABLE} to the path of an unmodified Cal.com v2.openapi.json (absolute, or ` +
      `relative to ${cwd}), or unset it to use the copy shipped with ${TESTKIT_PACKAGE_NAME}.`,
  };
}
