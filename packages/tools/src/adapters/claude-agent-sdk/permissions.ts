import type { CanUseTool, PermissionResult } from '@anthropic-ai/claude-agent-sdk';
import { type ApprovalPolicy, type CalComTool, defaultApproval } from '../../define-tool';
import { calComTools } from '../../tools/all-tools';

/** Which server and tools the permission helpers cover. */
export interface CalComPermissionOptions {
  /** The server name given to `createCalComMcpServer`; `calcom` by default. */
  readonly name?: string;
  /** The tools served; all of them by default. */
  readonly tools?: readonly CalComTool[];
  /**
   * Which tools need the user's approval; by default each tool's own `needsApproval`, `true` for every write. Give
   * `createCalComMcpServer` the same policy.
   */
  readonly approval?: ApprovalPolicy;
}

/**
 * Names the Cal.com tools that need no approval (the reads, by default) as the Agent SDK sees them
 * (`mcp__calcom__list_bookings`), for `allowedTools` in a session **without** `canUseTool`. With `canUseTool`, leave
 * `allowedTools` out: {@link createCalComCanUseTool} already allows these tools, and the Agent SDK warns
 * (`CLAUDE_SDK_CAN_USE_TOOL_SHADOWED`) about bare `allowedTools` names next to `canUseTool`.
 *
 * @param options The server name, tools and approval policy.
 * @returns The tool names to pre-approve.
 */
export function calComAllowedTools(options: CalComPermissionOptions = {}): string[] {
  const name = options.name ?? 'calcom';
  const approval = options.approval ?? defaultApproval;
  return (options.tools ?? calComTools).filter((tool) => !approval(tool)).map((tool) => `mcp__${name}__${tool.name}`);
}

/** A write the user is asked to approve. */
export interface CalComApprovalRequest {
  /** The tool name without prefix (`cancel_booking`). */
  readonly toolName: string;
  /** The tool input as the model sent it. */
  readonly input: Record<string, unknown>;
  /** The tool definition (its annotations tell whether it is destructive). */
  readonly tool: CalComTool;
}

/** Options of {@link createCalComCanUseTool}. */
export interface CreateCalComCanUseToolOptions extends CalComPermissionOptions {
  /**
   * Asks the user to approve a Cal.com write.
   *
   * @param request The tool and its input.
   * @returns Whether the user approved.
   */
  readonly approve: (request: CalComApprovalRequest) => boolean | Promise<boolean>;
  /** Decides tools that are not Cal.com tools; they are denied when it is left out. */
  readonly fallback?: CanUseTool;
}

/**
 * Creates a `canUseTool` callback: the Cal.com tools the approval policy names (every write by default, destructive or
 * not) are put to `approve`, the other Cal.com tools are allowed, other tools go to `fallback` (denied without one).
 * Pass it without `allowedTools`: reads then run without a prompt and nothing shadows the callback. A tool counts as ours only when the Agent SDK reports
 * it comes from the in-process (`sdk`) server of that name (or reports no server, on older CLIs).
 *
 * @param options The approval callback, the server name, tools and approval policy, and the fallback.
 * @returns The callback for the Agent SDK `Options.canUseTool`.
 */
export function createCalComCanUseTool(options: CreateCalComCanUseToolOptions): CanUseTool {
  const serverName = options.name ?? 'calcom';
  const prefix = `mcp__${serverName}__`;
  const byName = new Map((options.tools ?? calComTools).map((tool) => [tool.name, tool]));
  const approval = options.approval ?? defaultApproval;
  return async (toolName, input, callOptions): Promise<PermissionResult> => {
    // Trust the server's source when the CLI reports it: a configured server could reuse the name.
    const server = callOptions.mcpServer;
    const fromOurServer = server === undefined || (server.source === 'sdk' && server.name === serverName);
    const tool = fromOurServer && toolName.startsWith(prefix) ? byName.get(toolName.slice(prefix.length)) : undefined;
    if (!tool) {
      if (options.fallback) {
        return (
          (await options.fallback(toolName, input, callOptions)) ?? {
            behavior: 'deny',
            message: `${toolName} is not allowed.`,
          }
        );
      }
      return { behavior: 'deny', message: `${toolName} is not allowed in this session.` };
    }
    if (!approval(tool)) return { behavior: 'allow', updatedInput: input };
    const approved = await options.approve({ toolName: tool.name, input, tool });
    return approved
      ? { behavior: 'allow', updatedInput: input }
      : {
          behavior: 'deny',
          message: `The user did not approve ${tool.name}. Do not call it again unless the user asks for it.`,
        };
  };
}
