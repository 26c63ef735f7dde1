import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CanUseTool,
  type McpSdkServerConfigWithInstance,
  type Options,
  query,
  type SDKMessage,
} from '@anthropic-ai/claude-agent-sdk';

/** Options of {@link runAgent}. */
export interface RunAgentOptions {
  /** The user prompt. */
  prompt: string;
  /** The base URL of the (scripted) Messages API. */
  anthropicBaseUrl: string;
  /** The in-process MCP server config (`{ type: 'sdk', name, instance, tools? }`). */
  server: McpSdkServerConfigWithInstance;
  /**
   * Tools that run without asking (`mcp__<server>__<tool>` names or patterns); left out, `canUseTool` decides every
   * call. Bare names next to `canUseTool` make the SDK warn (`CLAUDE_SDK_CAN_USE_TOOL_SHADOWED`).
   */
  allowedTools?: string[];
  /** The permission callback for everything else. */
  canUseTool: CanUseTool;
  /** Maximum model turns (default 12). */
  maxTurns?: number;
}

/** What one agent run produced. */
export interface AgentRun {
  /** Every message the SDK emitted, in order. */
  messages: SDKMessage[];
  /** Everything the CLI wrote to stderr. */
  stderr: string;
  /** The codes of the process warnings the SDK emitted during the run (`CLAUDE_SDK_CAN_USE_TOOL_SHADOWED`, …). */
  warnings: string[];
}

/**
 * The environment for the Claude Code CLI: only what it needs, pointed at the scripted API, with a throwaway config
 * folder and every kind of non-essential traffic (telemetry, auto-update, error reporting) switched off.
 *
 * @param anthropicBaseUrl The base URL of the scripted Messages API.
 * @param configDirectory The throwaway `CLAUDE_CONFIG_DIR` / `HOME`.
 * @returns The environment variables.
 */
export function isolatedCliEnvironment(
  anthropicBaseUrl: string,
  configDirectory: string,
): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: configDirectory,
    TMPDIR: tmpdir(),
    CLAUDE_CONFIG_DIR: configDirectory,
    ANTHROPIC_BASE_URL: anthropicBaseUrl,
    ANTHROPIC_API_KEY: 'sk-ant-scripted-test-key',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
    DISABLE_BUG_COMMAND: '1',
    DISABLE_FEEDBACK_SURVEY: '1',
    CLAUDE_AGENT_SDK_CLIENT_APP: 'calcom-int-live-tests/0.0.0',
  };
}

/**
 * Runs the real Claude Agent SDK loop (the Claude Code CLI as a subprocess) against a scripted Messages API with one
 * in-process MCP server, no built-in tools and no filesystem settings.
 *
 * @param options The prompt, the API, the server and the permission setup.
 * @returns The SDK messages and the CLI's stderr.
 */
export async function runAgent(options: RunAgentOptions): Promise<AgentRun> {
  const configDirectory = mkdtempSync(join(tmpdir(), 'calcom-agent-'));
  let stderr = '';
  const queryOptions: Options = {
    mcpServers: { [options.server.name]: options.server },
    ...(options.allowedTools === undefined ? {} : { allowedTools: options.allowedTools }),
    canUseTool: options.canUseTool,
    tools: [],
    settingSources: [],
    persistSession: false,
    strictMcpConfig: true,
    maxTurns: options.maxTurns ?? 12,
    model: 'claude-sonnet-4-5',
    cwd: configDirectory,
    env: isolatedCliEnvironment(options.anthropicBaseUrl, configDirectory),
    stderr: (data) => {
      stderr += data;
    },
  };
  const messages: SDKMessage[] = [];
  const warnings: string[] = [];
  const onWarning = (warning: Error & { code?: string }) => {
    warnings.push(warning.code ?? warning.name);
  };
  process.on('warning', onWarning);
  try {
    for await (const message of query({ prompt: options.prompt, options: queryOptions })) {
      messages.push(message);
    }
  } finally {
    // Warnings are delivered on the next tick; let them arrive before listening stops.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    rmSync(configDirectory, { recursive: true, force: true });
  }
  return { messages, stderr, warnings };
}
