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
  { external: ['msw', 'vitest'] },
);
