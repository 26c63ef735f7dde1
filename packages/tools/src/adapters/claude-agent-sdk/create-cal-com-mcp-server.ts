import type { McpSdkServerConfigWithInstance, McpServerToolPolicy } from '@anthropic-ai/claude-agent-sdk';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { calComTools } from '../../tools/all-tools';
import { type CreateMcpServerOptions, createMcpServer } from '../mcp/create-mcp-server';

/** The Claude Agent SDK server config: an in-process MCP server plus the permission policy of each destructive tool. */
export interface CalComSdkServerConfig extends McpSdkServerConfigWithInstance {
  /** Always `sdk`: the server runs in-process. */
  readonly type: 'sdk';
  /** The server name; tools appear to the model as `mcp__<name>__<tool>`. */
  readonly name: string;
  /** The MCP server (MCP SDK v1), connected by the Agent SDK. */
  readonly instance: McpServer;
  /** `always_ask` for every destructive tool, so `canUseTool` runs even when `allowedTools` covers it. */
  readonly tools: McpServerToolPolicy[];
}

/**
 * Creates the Cal.com tools as a Claude Agent SDK in-process MCP server (`mcpServers: { calcom: config }`). Built on the
 * MCP SDK's low-level handlers, so it needs no zod. Destructive tools carry `permission_policy: 'always_ask'`.
 *
 * @param options The client, the server name (`calcom` by default) and the tools.
 * @returns The server config.
 */
export function createCalComMcpServer(options: CreateMcpServerOptions): CalComSdkServerConfig {
  const name = options.name ?? 'calcom';
  const tools = options.tools ?? calComTools;
  return {
    type: 'sdk',
    name,
    instance: createMcpServer({ ...options, name, tools }),
    tools: tools
      .filter((tool) => tool.annotations.destructiveHint)
      .map((tool) => ({ name: tool.name, permission_policy: 'always_ask' as const })),
  };
}
