import type { McpSdkServerConfigWithInstance, McpServerToolPolicy } from '@anthropic-ai/claude-agent-sdk';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type ApprovalPolicy, defaultApproval } from '../../define-tool';
import { calComTools } from '../../tools/all-tools';
import { buildMcpServer, type CreateMcpServerOptions } from '../mcp/create-mcp-server';

/** The Claude Agent SDK server config: an in-process MCP server plus the permission policy of each tool needing approval. */
export interface CalComSdkServerConfig extends McpSdkServerConfigWithInstance {
  /** Always `sdk`: the server runs in-process. */
  readonly type: 'sdk';
  /** The server name; tools appear to the model as `mcp__<name>__<tool>`. */
  readonly name: string;
  /** The MCP server (MCP SDK v1), connected by the Agent SDK. */
  readonly instance: McpServer;
  /** `always_ask` for every tool that needs approval (every write by default), so the host is asked before each call. */
  readonly tools: McpServerToolPolicy[];
}

/** Options of {@link createCalComMcpServer}. */
export interface CreateCalComMcpServerOptions extends CreateMcpServerOptions {
  /**
   * Which tools need the user's approval; by default each tool's own `needsApproval`, `true` for every write. Give
   * `createCalComCanUseTool` the same policy.
   */
  readonly approval?: ApprovalPolicy;
}

/**
 * Creates the Cal.com tools as a Claude Agent SDK in-process MCP server (`mcpServers: { calcom: config }`). Built on the
 * MCP SDK's low-level handlers, so it needs no zod. Every tool the approval policy names (every write by default)
 * carries `permission_policy: 'always_ask'`: the CLI asks `canUseTool` before each call, even where an allow rule
 * covers the tool.
 *
 * @param options The client, the server name (`calcom` by default), the tools and the approval policy.
 * @returns The server config.
 */
export function createCalComMcpServer(options: CreateCalComMcpServerOptions): CalComSdkServerConfig {
  const { approval = defaultApproval, ...serverOptions } = options;
  const name = serverOptions.name ?? 'calcom';
  const tools = serverOptions.tools ?? calComTools;
  return {
    type: 'sdk',
    name,
    instance: buildMcpServer({ ...serverOptions, name, tools }, 'claude-agent-sdk'),
    tools: tools
      .filter((tool) => approval(tool))
      .map((tool) => ({ name: tool.name, permission_policy: 'always_ask' as const })),
  };
}
