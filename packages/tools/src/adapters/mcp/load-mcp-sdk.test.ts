import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { describe, expect, it } from 'vitest';
import { createTestClient } from '../../../test/support';
import { createCalComMcpServer } from '../claude-agent-sdk/create-cal-com-mcp-server';
import { createMcpServer } from './create-mcp-server';
import { loadMcpSdk, MCP_SDK_RANGE, requireMcpSdk } from './load-mcp-sdk';

/**
 * A `require` rooted in a fresh folder holding a fake `@modelcontextprotocol/sdk` package, which it finds before the
 * real one. (A missing SDK is tested end to end in optional-peer.test.ts: pnpm's NODE_PATH would find the real one.)
 *
 * @param sdk The fake package's `package.json` and files.
 * @returns A real `require` that resolves from that folder.
 */
function requireFrom(sdk: { manifest: object; files: Record<string, string> }): NodeJS.Require {
  const root = mkdtempSync(join(tmpdir(), 'calcom-mcp-sdk-'));
  const directory = join(root, 'node_modules', '@modelcontextprotocol', 'sdk');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'package.json'), JSON.stringify(sdk.manifest));
  for (const [name, text] of Object.entries(sdk.files)) writeFileSync(join(directory, name), text);
  return createRequire(join(root, 'app.cjs'));
}

describe('requireMcpSdk', () => {
  it('loads the installed MCP SDK', () => {
    const sdk = loadMcpSdk('mcp');
    expect(typeof sdk.McpServer).toBe('function');
    expect(typeof sdk.StdioServerTransport).toBe('function');
    expect(sdk.CallToolRequestSchema.shape.method.value).toBe('tools/call');
    expect(sdk.ListToolsRequestSchema.shape.method.value).toBe('tools/list');
    expect(loadMcpSdk('claude-agent-sdk')).toBe(sdk);
  });

  it('builds servers that behave like the ESM build of the SDK', () => {
    const server = createMcpServer({ client: createTestClient() });
    expect(Object.keys(server)).toEqual(Object.keys(new McpServer({ name: 'esm', version: '0' })));
    expect(createCalComMcpServer({ client: createTestClient() }).instance.server).toBeDefined();
  });

  it('says which version to install when the installed one lacks a module', () => {
    const load = requireFrom({
      manifest: {
        name: '@modelcontextprotocol/sdk',
        version: '0.1.0',
        exports: { './package.json': './package.json' },
      },
      files: {},
    });
    expect(() => requireMcpSdk('mcp', load)).toThrow(
      `@calcom-int/tools/mcp needs @modelcontextprotocol/sdk ${MCP_SDK_RANGE}, but the installed version has no @modelcontextprotocol/sdk/server/mcp.js: install @modelcontextprotocol/sdk@${MCP_SDK_RANGE} to use the MCP adapter.`,
    );
  });

  it('passes any other load error through unchanged', () => {
    const load = requireFrom({
      manifest: { name: '@modelcontextprotocol/sdk', version: '1.32.2', exports: { './*': './broken.cjs' } },
      files: { 'broken.cjs': "throw new Error('broken install');" },
    });
    expect(() => requireMcpSdk('mcp', load)).toThrow(/^broken install$/);
  });

  it('passes a missing dependency of the SDK through unchanged (the SDK itself is there)', () => {
    const load = requireFrom({
      manifest: { name: '@modelcontextprotocol/sdk', version: '1.32.2', exports: { './*': './needs-zod.cjs' } },
      files: { 'needs-zod.cjs': "require('zod-that-is-not-installed');" },
    });
    expect(() => requireMcpSdk('mcp', load)).toThrow(/^Cannot find module 'zod-that-is-not-installed'/);
  });

  it('declares the range it names as the optional peer dependency', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    expect(manifest.peerDependencies['@modelcontextprotocol/sdk']).toBe(MCP_SDK_RANGE);
    expect(manifest.peerDependenciesMeta['@modelcontextprotocol/sdk']).toEqual({ optional: true });
    expect(manifest.dependencies['@modelcontextprotocol/sdk']).toBeUndefined();
  });
});
