import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MCP_SDK_RANGE } from './load-mcp-sdk';

const PACKAGE = fileURLToPath(new URL('../../../', import.meta.url));

const MISSING = `@calcom-int/tools/mcp needs @modelcontextprotocol/sdk, an optional peer dependency that is not installed: install @modelcontextprotocol/sdk to use the MCP adapter (npm install @modelcontextprotocol/sdk@${MCP_SDK_RANGE}). For the stdio server alone, \`npx -y @calcom-int/mcp\` brings it.`;

/**
 * An app folder where `@calcom-int/tools` is installed as published (its `package.json` and BUILT `dist`) with its
 * dependencies, and without the optional peer `@modelcontextprotocol/sdk`: what an AI SDK or Anthropic user has.
 *
 * @returns The folder.
 */
function appWithoutMcpSdk(): string {
  const app = realpathSync(mkdtempSync(join(tmpdir(), 'calcom-tools-no-mcp-')));
  const tools = join(app, 'node_modules', '@calcom-int', 'tools');
  mkdirSync(tools, { recursive: true });
  cpSync(join(PACKAGE, 'package.json'), join(tools, 'package.json'));
  cpSync(join(PACKAGE, 'dist'), join(tools, 'dist'), { recursive: true });
  for (const dependency of ['@calcom-int/core', 'valibot', '@valibot/to-json-schema']) {
    const target = join(app, 'node_modules', dependency);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(realpathSync(join(PACKAGE, 'node_modules', dependency)), target, 'dir');
  }
  return app;
}

/**
 * Runs a script in the app folder with a clean environment (no NODE_PATH, which would find pnpm's copy of the SDK).
 *
 * @param app The folder.
 * @param args Node's arguments.
 * @returns The exit status and both streams.
 */
function run(app: string, args: string[]) {
  const result = spawnSync(process.execPath, args, {
    cwd: app,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

describe('@calcom-int/tools without the optional peer @modelcontextprotocol/sdk (built package)', () => {
  let app: string;

  beforeAll(() => {
    expect(existsSync(join(PACKAGE, 'dist', 'mcp.js')), 'build first: pnpm --filter @calcom-int/tools build').toBe(
      true,
    );
    app = appWithoutMcpSdk();
    expect(run(app, ['-e', "require.resolve('@modelcontextprotocol/sdk/server/mcp.js')"]).status).toBe(1);
  });

  it('imports the root and the MCP adapter without it', () => {
    const esm = run(app, [
      '--input-type=module',
      '-e',
      "const tools = await import('@calcom-int/tools'); const mcp = await import('@calcom-int/tools/mcp'); console.log(tools.calComTools.length > 0, typeof mcp.createMcpServer);",
    ]);
    expect(esm).toEqual({ status: 0, stdout: 'true function', stderr: '' });
  });

  it('says what to install when the MCP adapter is used (ESM), keeping the resolution error as the cause', () => {
    const esm = run(app, [
      '--input-type=module',
      '-e',
      "const { createMcpServer } = await import('@calcom-int/tools/mcp'); try { createMcpServer({ client: {} }); } catch (error) { console.log(error.message); console.log(error.cause.code); }",
    ]);
    expect(esm).toEqual({ status: 0, stdout: `${MISSING}\nMODULE_NOT_FOUND`, stderr: '' });
  });

  it('says the same from the CommonJS build, and for serveStdio', () => {
    const cjs = run(app, [
      '-e',
      "const { serveStdio } = require('@calcom-int/tools/mcp'); serveStdio({ client: {} }).catch((error) => console.log(error.message));",
    ]);
    expect(cjs).toEqual({ status: 0, stdout: MISSING, stderr: '' });
  });

  it('names the Claude Agent SDK adapter when that one is used', () => {
    const agent = run(app, [
      '--input-type=module',
      '-e',
      "const { createCalComMcpServer } = await import('@calcom-int/tools/claude-agent-sdk'); try { createCalComMcpServer({ client: {} }); } catch (error) { console.log(error.message); }",
    ]);
    expect(agent.stdout).toBe(
      MISSING.replace('@calcom-int/tools/mcp', '@calcom-int/tools/claude-agent-sdk').replace(
        'the MCP adapter',
        'the Claude Agent SDK adapter',
      ),
    );
  });
});
