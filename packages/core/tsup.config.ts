import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Options } from 'tsup';
import { libraryConfig } from '../../tooling/tsup.shared';

/** An esbuild plugin as tsup takes it. */
type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * ofetch's runtime-agnostic build, bundled into dist. Under the `node` condition ofetch's "." export is its Node build,
 * which loads the `node-fetch-native` polyfill (about 60 ms of import time and 114 KB minified) only to fall back to it
 * when `globalThis.fetch` is missing; Node 20 always has fetch, and the transport passes `globalThis.fetch` (or the
 * caller's fetch) to `createFetch` anyway. The same "." export names its build for every other runtime under the
 * `import` condition: that file is resolved from ofetch's own export map (no deep import by a guessed path) and
 * bundled with its two small helpers, destr and ufo, so no consumer of this package loads the polyfill.
 * See docs/ARCHITECTURE.md ("ofetch in the transport").
 */
function ofetchWithoutPolyfill(): Plugin {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('ofetch/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: { '.': { import: { default: string } } };
  };
  const entry = join(dirname(manifestPath), manifest.exports['.'].import.default);
  return {
    name: 'ofetch-without-polyfill',
    setup(build) {
      build.onResolve({ filter: /^ofetch$/ }, () => ({ path: entry }));
    },
  };
}

export default libraryConfig(
  import.meta.dirname,
  { index: 'src/index.ts', schemas: 'src/schemas.ts' },
  {
    // valibot is bundled too, tree-shaken to the functions core uses (about 30 KB of its 206 KB ESM build): importing
    // the whole build cost about 15 ms of CPU at load (docs/BENCHMARKS.md), most of it compiling code core never calls.
    // The package stays a dependency for its types (the declarations import them from `valibot`) and for tools;
    // schemas are plain objects, so a caller's own valibot checks them as before.
    noExternal: ['ofetch', 'valibot'],
    esbuildPlugins: [ofetchWithoutPolyfill()],
    // `shims`: the CommonJS build gets `import.meta.url`, with which src/config/env-file.ts loads dotenv and
    // src/internal/node-crypto.ts `node:crypto` on first use.
    shims: true,
    // ofetch's entry builds a default `$fetch` at load time, reading `globalThis.fetch` and `globalThis.Headers`: on
    // Node those are getters that load the whole built-in fetch (undici, streams, zlib), about 25 ms, before any
    // request. The transport builds its own with `createFetch`, so that default instance is dropped: `createFetch`
    // only defines closures (pure), and reading a property of a global has no effect the bundle relies on.
    treeshake: { preset: 'recommended', manualPureFunctions: ['createFetch'], propertyReadSideEffects: false },
  },
);
