import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The npm name of this package; its `package.json` marks the folder that holds `dist/` and `spec/`. */
export const TESTKIT_PACKAGE_NAME = '@calcom-int/testkit';

/**
 * Finds the installed `@calcom-int/testkit` folder by walking up from a folder inside it to the `package.json` whose
 * `name` is `@calcom-int/testkit`. Works from the source (`src/contract/`), the ESM and CJS builds (`dist/`, also
 * their chunks) and the bin (`dist/bin/`), wherever the package is installed.
 *
 * @param startFolder The folder to start from, e.g. the folder of the running module.
 * @returns The absolute path of the package folder.
 * @throws An `Error` naming the start folder when no such `package.json` exists above it.
 */
export function findPackageRoot(startFolder: string): string {
  let folder = startFolder;
  for (;;) {
    if (readPackageName(join(folder, 'package.json')) === TESTKIT_PACKAGE_NAME) {
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) {
      throw new Error(
        `Cannot find the ${TESTKIT_PACKAGE_NAME} package folder: no package.json named "${TESTKIT_PACKAGE_NAME}" ` +
          `in ${startFolder} or any folder above it. The installed package is incomplete: reinstall ` +
          `${TESTKIT_PACKAGE_NAME}, or pass loadCalComSpec(path) the path of v2.openapi.json.`,
      );
    }
    folder = parent;
  }
}

/**
 * Returns the folder of this installed package, found from the running module's own location.
 *
 * @returns The absolute path of the `@calcom-int/testkit` folder.
 */
export function testkitPackageRoot(): string {
  return findPackageRoot(moduleFolder());
}

/**
 * Returns the folder of the running module: `__dirname` where the module system provides it (the CJS build),
 * otherwise the folder of `import.meta.url` (the ESM build and the source). tsup's `shims` option fills in whichever
 * of the two an output format lacks, so both builds resolve the real file.
 *
 * @returns The absolute folder path.
 */
function moduleFolder(): string {
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

/**
 * Reads the `name` of a `package.json`, if the file exists and has one.
 *
 * @param file The path of the candidate `package.json`.
 * @returns The name, or `undefined` when the file is missing, unreadable, not JSON or has no string `name`.
 */
function readPackageName(file: string): string | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof manifest !== 'object' || manifest === null) {
    return undefined;
  }
  const name = (manifest as Record<string, unknown>).name;
  return typeof name === 'string' ? name : undefined;
}
