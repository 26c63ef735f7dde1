import { libraryConfig } from '../../tooling/tsup.shared';

export default libraryConfig(
  import.meta.dirname,
  {
    index: 'src/index.ts',
    'claude-agent-sdk': 'src/adapters/claude-agent-sdk/index.ts',
    mcp: 'src/adapters/mcp/index.ts',
    ai: 'src/adapters/ai/index.ts',
    anthropic: 'src/adapters/anthropic/index.ts',
  },
  {
    // The optional peers stay imports: each adapter loads only its own (the MCP SDK on first use, see load-mcp-sdk.ts).
    external: ['ai', '@anthropic-ai/claude-agent-sdk', '@anthropic-ai/sdk', '@modelcontextprotocol/sdk'],
    // `import.meta.url` in the CommonJS build too (the MCP SDK loader's `createRequire`).
    shims: true,
  },
);
