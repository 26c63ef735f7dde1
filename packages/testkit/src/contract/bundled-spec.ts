import { join } from 'node:path';
import { testkitPackageRoot } from './package-root';

/** The folder of the package that holds the vendored document and its provenance. */
export const BUNDLED_SPEC_FOLDER = 'spec';

/** The file name of the vendored document inside {@link BUNDLED_SPEC_FOLDER}. */
export const BUNDLED_SPEC_FILE = 'v2.openapi.json';

/** The file name of the vendored document's provenance record inside {@link BUNDLED_SPEC_FOLDER}. */
export const BUNDLED_PROVENANCE_FILE = 'provenance.json';

/**
 * Returns the path of the copy of Cal.com's OpenAPI document shipped inside this package (`spec/v2.openapi.json`).
 *
 * @returns The absolute path.
 */
export function bundledSpecPath(): string {
  return join(testkitPackageRoot(), BUNDLED_SPEC_FOLDER, BUNDLED_SPEC_FILE);
}

/**
 * Returns the path of the provenance record of the shipped document (`spec/provenance.json`).
 *
 * @returns The absolute path.
 */
export function bundledProvenancePath(): string {
  return join(testkitPackageRoot(), BUNDLED_SPEC_FOLDER, BUNDLED_PROVENANCE_FILE);
}
