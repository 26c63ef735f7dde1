import { createRequire } from 'node:module';

type McpServerModule = typeof import('@modelcontextprotocol/sdk/server/mcp.js');
type StdioModule = typeof import('@modelcontextprotocol/sdk/server/stdio.js');
type TypesModule = typeof import('@modelcontextprotocol/sdk/types.js');

/** The parts of the MCP SDK (an optional peer dependency) the MCP and Claude Agent SDK adapters use. */
export interface McpSdk {
  readonly McpServer: McpServerModule['McpServer'];
  readonly StdioServerTransport: StdioModule['StdioServerTransport'];
  readonly CallToolRequestSchema: TypesModule['CallToolRequestSchema'];
  readonly ListToolsRequestSchema: TypesModule['ListToolsRequestSchema'];
}

/** The subpath export of `@calcom-int/tools` that needs the MCP SDK. */
export type McpSdkEntry = 'mcp' | 'claude-agent-sdk';

/** The versions of `@modelcontextprotocol/sdk` the adapters work with: the `peerDependencies` range. */
export const MCP_SDK_RANGE = '^1.32.2';

const ADAPTER_NAMES: Readonly<Record<McpSdkEntry, string>> = {
  mcp: 'the MCP adapter',
  'claude-agent-sdk': 'the Claude Agent SDK adapter',
};

/**
 * Loads the MCP SDK's CommonJS build with `require`, without caching, and explains what to install when it is missing
 * or too old. Loaded on first use (not when `@calcom-int/tools/mcp` is imported), so that importing the adapter stays
 * cheap and a missing optional peer gets a clear error instead of a failed ESM link.
 *
 * @param entry Which adapter needs it (named in the error).
 * @param load The `require` to load it with; the adapter's own by default.
 * @returns The SDK parts.
 * @throws Error naming the package, the adapter and the install command when the SDK is not installed, or when the
 *   installed version lacks a module the adapter needs; any other load error as it is.
 */
export function requireMcpSdk(
  entry: McpSdkEntry,
  load: (id: string) => unknown = createRequire(import.meta.url),
): McpSdk {
  const adapter = ADAPTER_NAMES[entry];
  const from = (id: string) => {
    try {
      return load(id);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      const message = error instanceof Error ? error.message : '';
      if (code === 'MODULE_NOT_FOUND' && message.startsWith("Cannot find module '@modelcontextprotocol/sdk")) {
        throw new Error(
          `@calcom-int/tools/${entry} needs @modelcontextprotocol/sdk, an optional peer dependency that is not installed: install @modelcontextprotocol/sdk to use ${adapter} (npm install @modelcontextprotocol/sdk@${MCP_SDK_RANGE}). For the stdio server alone, \`npx -y @calcom-int/mcp\` brings it.`,
          { cause: error },
        );
      }
      if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') {
        throw new Error(
          `@calcom-int/tools/${entry} needs @modelcontextprotocol/sdk ${MCP_SDK_RANGE}, but the installed version has no ${id}: install @modelcontextprotocol/sdk@${MCP_SDK_RANGE} to use ${adapter}.`,
          { cause: error },
        );
      }
      throw error;
    }
  };
  const server = from('@modelcontextprotocol/sdk/server/mcp.js') as McpServerModule;
  const stdio = from('@modelcontextprotocol/sdk/server/stdio.js') as StdioModule;
  const types = from('@modelcontextprotocol/sdk/types.js') as TypesModule;
  return {
    McpServer: server.McpServer,
    StdioServerTransport: stdio.StdioServerTransport,
    CallToolRequestSchema: types.CallToolRequestSchema,
    ListToolsRequestSchema: types.ListToolsRequestSchema,
  };
}

let loaded: McpSdk | undefined;

/**
 * The MCP SDK, loaded once on first use (see {@link requireMcpSdk}).
 *
 * @param entry Which adapter needs it (named in the error).
 * @returns The SDK parts.
 */
export function loadMcpSdk(entry: McpSdkEntry): McpSdk {
  loaded ??= requireMcpSdk(entry);
  return loaded;
}
