import type { Readable, Writable } from 'node:stream';
import { CalComClient, type CalComClientOptions } from '@calcom-int/core';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type CreateMcpServerOptions, createMcpServer } from './create-mcp-server';
import { loadMcpSdk } from './load-mcp-sdk';
import { createStderrLogger } from './stderr-logger';

/** Options of {@link serveStdio}. */
export interface ServeStdioOptions extends Omit<CreateMcpServerOptions, 'client'> {
  /**
   * The Cal.com client the tools call. Left out, `serveStdio` creates one (configured like `calcom-mcp`: from
   * `clientOptions`, then the environment and the nearest `.env`) whose logger writes every level to `stderr`, and
   * closes it with the server. A client you pass keeps its own logger: create it with
   * `logger: createStderrLogger()`, since its default (`console`) writes `info` and `debug` lines to stdout, which
   * carries the protocol.
   */
  readonly client?: CalComClient;
  /** Options of the client `serveStdio` creates when `client` is left out; its `logger` writes to `stderr` unless set. */
  readonly clientOptions?: CalComClientOptions;
  /** Where requests come from; `process.stdin` by default. */
  readonly stdin?: Readable;
  /** Where responses go, and nothing else; `process.stdout` by default. */
  readonly stdout?: Writable;
  /** Where the log lines of the client `serveStdio` creates go; `process.stderr` by default. */
  readonly stderr?: Writable;
}

/**
 * Serves the Cal.com tools over stdio (for Claude Code, Claude Desktop and other MCP clients). Stdout carries the
 * JSON-RPC protocol only; the client `serveStdio` creates logs to stderr.
 *
 * @param options The client (or its options), the server name, the tools and the streams.
 * @returns The connected server.
 */
export async function serveStdio(options: ServeStdioOptions = {}): Promise<McpServer> {
  const { StdioServerTransport } = loadMcpSdk('mcp');
  const owned = options.client === undefined;
  const client =
    options.client ?? new CalComClient({ logger: createStderrLogger(options.stderr), ...options.clientOptions });
  const server = createMcpServer({ ...options, client });
  await server.connect(new StdioServerTransport(options.stdin, options.stdout));
  if (owned) {
    const onclose = server.server.onclose;
    server.server.onclose = () => {
      onclose?.();
      void client.close();
    };
  }
  return server;
}
