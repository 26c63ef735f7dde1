import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * Builds one published package: ESM + CJS with type declarations for every entry.
 *
 * @param packageDir The package folder (pass `import.meta.dirname`).
 * @param entry The entry points, keyed by output name (`index`, `msw`, `bin/serve`, …).
 * @returns The tsup configuration.
 */
export function libraryConfig(packageDir: string, entry: Record<string, string>, options: Options = {}) {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: true,
    treeshake: true,
    define: { __PACKAGE_VERSION__: JSON.stringify(manifest.version) },
    ...options,
  });
}
