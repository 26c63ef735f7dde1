import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPackageRoot, testkitPackageRoot } from './package-root';

/** Creates a temporary folder for one test. */
function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'calcom-root-'));
}

describe('findPackageRoot', () => {
  it('walks up from dist/bin to the package.json named @calcom-int/testkit, past other package.json files', () => {
    const installed = join(temporaryFolder(), 'node_modules', '@calcom-int', 'testkit');
    mkdirSync(join(installed, 'dist', 'bin'), { recursive: true });
    writeFileSync(join(installed, 'package.json'), '{"name":"@calcom-int/testkit","version":"1.0.0"}');
    writeFileSync(join(installed, 'dist', 'package.json'), '{"type":"commonjs"}');
    writeFileSync(join(installed, 'dist', 'bin', 'package.json'), 'not json');
    expect(findPackageRoot(join(installed, 'dist', 'bin'))).toBe(installed);
    expect(findPackageRoot(installed)).toBe(installed);
  });

  it('skips package.json files whose JSON is not an object or has another name', () => {
    const root = temporaryFolder();
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    writeFileSync(join(root, 'package.json'), '{"name":"@calcom-int/testkit"}');
    writeFileSync(join(root, 'a', 'package.json'), 'null');
    writeFileSync(join(root, 'a', 'b', 'package.json'), '{"name":"@calcom-int/core"}');
    expect(findPackageRoot(join(root, 'a', 'b'))).toBe(root);
  });

  it('names the start folder and how to fix it when no such package.json exists above it', () => {
    const start = temporaryFolder();
    expect(() => findPackageRoot(start)).toThrowError(
      new Error(
        `Cannot find the @calcom-int/testkit package folder: no package.json named "@calcom-int/testkit" in ${start} ` +
          'or any folder above it. The installed package is incomplete: reinstall @calcom-int/testkit, or pass ' +
          'loadCalComSpec(path) the path of v2.openapi.json.',
      ),
    );
  });
});

describe('testkitPackageRoot', () => {
  it('finds this package from the running module', () => {
    expect(testkitPackageRoot()).toBe(fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, ''));
  });
});
