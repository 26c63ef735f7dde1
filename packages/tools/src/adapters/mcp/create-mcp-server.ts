import type { CalComClient } from '@calcom-int/core';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { CalComTool } from '../../define-tool';
import { runTool, type ToolResult } from '../../run-tool';
import { toInputJsonSchema } from '../../to-input-json-schema';
import { calComTools } from '../../tools/all-tools';
import { type ToolGroup, toolsInGroups } from '../../tools/tool-groups';
import { SERVER_INSTRUCTIONS } from './instructions';
import { loadMcpSdk, type McpSdkEntry } from './load-mcp-sdk';

/** Options of {@link createMcpServer}. */
export interface CreateMcpServerOptions {
  /** The Cal.com client the tools call. */
  readonly client: CalComClient;
  /** The server name (also the `mcp__<name>__` prefix in the Claude Agent SDK); `calcom` by default. */
  readonly name?: string;
  /** The tools to serve; all of them by default. */
  readonly tools?: readonly CalComTool[];
  /**
   * Only the tools of these groups (of `tools` when given), e.g. `['bookings', 'teams']` (`calcom-mcp --tools
   * bookings,teams`); every group by default. An unknown group name throws.
   */
  readonly groups?: readonly ToolGroup[];
  /** The server instructions; the Cal.com safety rules by default. */
  readonly instructions?: string;
  /**
   * Also send each result's structured JSON as `structuredContent`, for MCP clients that read it in code. Off by
   * default, because the model should see the text: Claude Code and the Claude Agent SDK give the model
   * `JSON.stringify(structuredContent)` **instead of** the text whenever a successful result has it (measured with the
   * CLI bundled with `@anthropic-ai/claude-agent-sdk` 0.3.332), and other clients may show both. The tools declare no
   * `outputSchema`, so MCP does not require it.
   */
  readonly structuredContent?: boolean;
}

/**
 * Turns a tool result into an MCP `CallToolResult` (`isError` on failure, never a protocol error): the text, and the
 * structured JSON as `structuredContent` only when asked for.
 *
 * @param result The tool result.
 * @param options Whether to add `structuredContent`.
 * @returns The MCP result.
 */
export function toCallToolResult(
  result: ToolResult,
  options: Pick<CreateMcpServerOptions, 'structuredContent'> = {},
): CallToolResult {
  const content: CallToolResult['content'] = [{ type: 'text', text: result.text }];
  if (result.ok) {
    return options.structuredContent === true ? { content, structuredContent: result.structured } : { content };
  }
  return options.structuredContent === true
    ? { isError: true, content, structuredContent: { error: { ...result.error } } }
    : { isError: true, content };
}

/**
 * Creates an MCP server (MCP SDK v1 `McpServer`) serving the Cal.com tools through low-level `tools/list` and
 * `tools/call` handlers: valibot-derived JSON Schema, all four annotations, text results (`isError` on failure).
 * Connect it to any transport (stdio, in-memory, the Claude Agent SDK). Needs the optional peer dependency
 * `@modelcontextprotocol/sdk`, loaded on the first call (throws an error saying what to install when it is missing).
 *
 * @param options The client, the server name, the tools, the instructions and whether to add `structuredContent`.
 * @returns The MCP server, not yet connected.
 */
export function createMcpServer(options: CreateMcpServerOptions): McpServer {
  return buildMcpServer(options, 'mcp');
}

/**
 * {@link createMcpServer}, for the adapter named in the error when the MCP SDK is missing.
 *
 * @param options The server options.
 * @param entry The adapter that asks.
 * @returns The MCP server, not yet connected.
 */
export function buildMcpServer(options: CreateMcpServerOptions, entry: McpSdkEntry): McpServer {
  const { McpServer, CallToolRequestSchema, ListToolsRequestSchema } = loadMcpSdk(entry);
  const tools =
    options.groups === undefined
      ? (options.tools ?? calComTools)
      : toolsInGroups(options.groups, options.tools ?? calComTools);
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
    return toCallToolResult(result, options);
  });
  return server;
}
