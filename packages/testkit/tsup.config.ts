import { libraryConfig } from '../../tooling/tsup.shared';

export default libraryConfig(
  import.meta.dirname,
  {
    index: 'src/index.ts',
    fixtures: 'src/fixtures/index.ts',
    msw: 'src/msw/index.ts',
    server: 'src/server/index.ts',
    vitest: 'src/vitest.ts',
    contract: 'src/contract/index.ts',
    'bin/serve': 'src/bin/serve.ts',
  },
  // `shims` gives each format the module location it lacks (`__dirname` in ESM, `import.meta.url` in CJS):
  // src/contract/package-root.ts finds the shipped spec/ folder from the module's own file.
  { external: ['msw', 'vitest'], shims: true },
);
