import type { Readable, Writable } from 'node:stream';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { type CreateMcpServerOptions, createMcpServer } from './create-mcp-server';

/** Options of {@link serveStdio}. */
export interface ServeStdioOptions extends CreateMcpServerOptions {
  /** Where requests come from; `process.stdin` by default. */
  readonly stdin?: Readable;
  /** Where responses go; `process.stdout` by default. */
  readonly stdout?: Writable;
}

/**
 * Serves the Cal.com tools over stdio (for Claude Code, Claude Desktop and other MCP clients).
 *
 * @param options The client, the server name, the tools and the streams.
 * @returns The connected server.
 */
export async function serveStdio(options: ServeStdioOptions): Promise<McpServer> {
  const server = createMcpServer(options);
  await server.connect(new StdioServerTransport(options.stdin, options.stdout));
  return server;
}
