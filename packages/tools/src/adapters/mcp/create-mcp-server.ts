import type { CalComClient } from '@calcom-int/core';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, type CallToolResult, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { CalComTool } from '../../define-tool';
import { runTool, type ToolResult } from '../../run-tool';
import { toInputJsonSchema } from '../../to-input-json-schema';
import { calComTools } from '../../tools/all-tools';
import { SERVER_INSTRUCTIONS } from './instructions';

/** Options of {@link createMcpServer}. */
export interface CreateMcpServerOptions {
  /** The Cal.com client the tools call. */
  readonly client: CalComClient;
  /** The server name (also the `mcp__<name>__` prefix in the Claude Agent SDK); `calcom` by default. */
  readonly name?: string;
  /** The tools to serve; all of them by default. */
  readonly tools?: readonly CalComTool[];
  /** The server instructions; the Cal.com safety rules by default. */
  readonly instructions?: string;
}

/**
 * Turns a tool result into an MCP `CallToolResult` (`isError` on failure, never a protocol error).
 *
 * @param result The tool result.
 * @returns The MCP result.
 */
export function toCallToolResult(result: ToolResult): CallToolResult {
  if (result.ok) {
    return { content: [{ type: 'text', text: result.text }], structuredContent: result.structured };
  }
  return {
    isError: true,
    content: [{ type: 'text', text: result.text }],
    structuredContent: { error: { ...result.error } },
  };
}

/**
 * Creates an MCP server (MCP SDK v1 `McpServer`) serving the Cal.com tools through low-level `tools/list` and
 * `tools/call` handlers: valibot-derived JSON Schema, all four annotations, `isError` results. Connect it to any
 * transport (stdio, in-memory, the Claude Agent SDK).
 *
 * @param options The client, the server name and the tools.
 * @returns The MCP server, not yet connected.
 */
export function createMcpServer(options: CreateMcpServerOptions): McpServer {
  const tools = options.tools ?? calComTools;
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const server = new McpServer(
    { name: options.name ?? 'calcom', version: __PACKAGE_VERSION__ },
    { capabilities: { tools: {} }, instructions: options.instructions ?? SERVER_INSTRUCTIONS },
  );
  server.server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: tools.map((tool) => ({
      name: tool.name,
      title: tool.annotations.title,
      description: tool.description,
      inputSchema: toInputJsonSchema(tool),
      annotations: { ...tool.annotations },
    })),
  }));
  server.server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = byName.get(request.params.name);
    if (!tool) {
      return {
        isError: true,
        content: [
          {
            type: 'text',
            text: `Unknown tool ${request.params.name}. Available tools: ${[...byName.keys()].join(', ')}.`,
          },
        ],
      };
    }
    const result = await runTool(tool, request.params.arguments ?? {}, {
      client: options.client,
      signal: extra.signal,
    });
    return toCallToolResult(result);
  });
  return server;
}
