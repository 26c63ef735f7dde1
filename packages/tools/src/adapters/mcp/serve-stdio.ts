import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { type CreateMcpServerOptions, createMcpServer } from './create-mcp-server';

/**
 * Serves the Cal.com tools over stdio (for Claude Code, Claude Desktop and other MCP clients).
 *
 * @param options The client, the server name and the tools.
 * @returns The connected server.
 */
export async function serveStdio(options: CreateMcpServerOptions): Promise<McpServer> {
  const server = createMcpServer(options);
  await server.connect(new StdioServerTransport());
  return server;
}
