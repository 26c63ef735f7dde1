import type { CanUseTool, PermissionResult } from '@anthropic-ai/claude-agent-sdk';
import type { CalComTool } from '../../define-tool';
import { calComTools } from '../../tools/all-tools';

/** Which server and tools the permission helpers cover. */
export interface CalComPermissionOptions {
  /** The server name given to `createCalComMcpServer`; `calcom` by default. */
  readonly name?: string;
  /** The tools served; all of them by default. */
  readonly tools?: readonly CalComTool[];
}

/**
 * Names the read-only Cal.com tools as the Agent SDK sees them (`mcp__calcom__list_bookings`), for `allowedTools`.
 * Writes are left out, so they go through `canUseTool`.
 *
 * @param options The server name and tools.
 * @returns The tool names to pre-approve.
 */
export function calComAllowedTools(options: CalComPermissionOptions = {}): string[] {
  const name = options.name ?? 'calcom';
  return (options.tools ?? calComTools)
    .filter((tool) => tool.annotations.readOnlyHint)
    .map((tool) => `mcp__${name}__${tool.name}`);
}

/** A write the user is asked to approve. */
export interface CalComApprovalRequest {
  /** The tool name without prefix (`cancel_booking`). */
  readonly toolName: string;
  /** The tool input as the model sent it. */
  readonly input: Record<string, unknown>;
  /** The tool definition (annotations tell whether it is destructive). */
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
 * Creates a `canUseTool` callback: Cal.com read-only tools are allowed, every Cal.com write (destructive or not) is put
 * to `approve`, other tools go to `fallback` (denied without one). A tool counts as ours only when the Agent SDK reports
 * it comes from the in-process (`sdk`) server of that name (or reports no server, on older CLIs).
 *
 * @param options The approval callback, the server name and tools, and the fallback.
 * @returns The callback for the Agent SDK `Options.canUseTool`.
 */
export function createCalComCanUseTool(options: CreateCalComCanUseToolOptions): CanUseTool {
  const serverName = options.name ?? 'calcom';
  const prefix = `mcp__${serverName}__`;
  const byName = new Map((options.tools ?? calComTools).map((tool) => [tool.name, tool]));
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
    if (tool.annotations.readOnlyHint) return { behavior: 'allow', updatedInput: input };
    const approved = await options.approve({ toolName: tool.name, input, tool });
    return approved
      ? { behavior: 'allow', updatedInput: input }
      : {
          behavior: 'deny',
          message: `The user did not approve ${tool.name}. Do not call it again unless the user asks for it.`,
        };
  };
}
