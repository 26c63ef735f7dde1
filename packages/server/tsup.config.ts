import { libraryConfig } from '../../tooling/tsup.shared';

export default libraryConfig(import.meta.dirname, {
  index: 'src/index.ts',
  'bin/calcom-mcp-server': 'src/bin/calcom-mcp-server.ts',
});
