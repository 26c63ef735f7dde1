import type { CanUseTool, McpServerConfig, Options } from '@anthropic-ai/claude-agent-sdk';
import { CalComClient } from '@calcom-int/core';
import { createCalComMcpServer } from './create-cal-com-mcp-server';
import { calComAllowedTools, createCalComCanUseTool } from './permissions';

// Type-checked by `pnpm typecheck`: our config, allowed tools and callback fit the Agent SDK's `Options` (the
// recommended setup is `canUseTool` without `allowedTools`; `allowedTools` is for sessions without `canUseTool`).
const calcom = createCalComMcpServer({ client: new CalComClient({ apiKey: 'cal_typecheck_only_key' }) });
const serverConfig: McpServerConfig = calcom;
const canUseTool: CanUseTool = createCalComCanUseTool({ approve: () => false });

export const options: Options = { mcpServers: { calcom: serverConfig }, canUseTool };

export const withoutCallback: Options = { mcpServers: { calcom: serverConfig }, allowedTools: calComAllowedTools() };
