import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/** A tsup plugin, as `Options['plugins']` takes it. */
type TsupPlugin = NonNullable<Options['plugins']>[number];

/**
 * Escapes the non-ASCII characters left in the JavaScript output (`…`, `µ`, `–` in kept comments; esbuild already
 * escapes them in strings and regular expressions). One such character makes Node decode the whole file as UTF-8 and V8
 * hold and compile it as a two-byte string: about 1.5 ms of CPU on a cold `import('@calcom-int/core')`
 * (docs/BENCHMARKS.md). Inside a comment the escape is plain text, so the code is unchanged.
 */
function asciiOutput(): TsupPlugin {
  return {
    name: 'ascii-output',
    renderChunk(code, chunk) {
      if (!/\.[cm]?js$/.test(chunk.path) || !/[\u0080-\uffff]/.test(code)) {
        return undefined;
      }
      return {
        code: code.replace(
          /[\u0080-\uffff]/g,
          (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
        ),
      };
    },
  };
}

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
    plugins: [...(options.plugins ?? []), asciiOutput()],
  });
}
