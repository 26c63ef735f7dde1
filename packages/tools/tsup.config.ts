import { libraryConfig } from '../../tooling/tsup.shared';

export default libraryConfig(
  import.meta.dirname,
  {
    index: 'src/index.ts',
    'claude-agent-sdk': 'src/adapters/claude-agent-sdk/index.ts',
    mcp: 'src/adapters/mcp/index.ts',
    ai: 'src/adapters/ai/index.ts',
    anthropic: 'src/adapters/anthropic/index.ts',
    'bin/calcom-mcp': 'src/bin/calcom-mcp.ts',
  },
  { external: ['ai', '@anthropic-ai/claude-agent-sdk', '@anthropic-ai/sdk'] },
);
