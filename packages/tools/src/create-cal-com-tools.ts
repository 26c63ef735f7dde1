import type { CalComClient } from '@calcom-int/core';
import { type ApprovalPolicy, type CalComTool, defaultApproval, type ToolAnnotations } from './define-tool';
import { runTool, type ToolResult } from './run-tool';
import { type ToolInputJsonSchema, toInputJsonSchema } from './to-input-json-schema';
import { calComTools } from './tools/all-tools';
import { type ToolGroup, toolsInGroups } from './tools/tool-groups';

/** A tool bound to a client, ready for any framework. */
export interface BoundCalComTool {
  /** The tool name. */
  readonly name: string;
  /** The description for the model. */
  readonly description: string;
  /** The input as JSON Schema. */
  readonly inputSchema: ToolInputJsonSchema;
  /** The four MCP annotations. */
  readonly annotations: ToolAnnotations;
  /** Whether the host must ask a human before each call (the approval policy's answer; every write by default). */
  readonly needsApproval: boolean;
  /** The underlying definition. */
  readonly definition: CalComTool;
  /**
   * Validates the input and runs the tool; never throws. It does not ask for approval: check `needsApproval` first.
   *
   * @param input The raw input from the model.
   * @param options The abort signal.
   * @returns The tool result.
   */
  execute(input: unknown, options?: { readonly signal?: AbortSignal }): Promise<ToolResult>;
}

/** Options of {@link createCalComTools}. */
export interface CreateCalComToolsOptions {
  /** The tools to expose; all of them by default. */
  readonly tools?: readonly CalComTool[];
  /**
   * Only the tools of these groups (of `tools` when given), e.g. `['bookings', 'teams']`; every group by default. An
   * unknown group name throws.
   */
  readonly groups?: readonly ToolGroup[];
  /** Which tools need the user's approval; by default each tool's own `needsApproval`, `true` for every write. */
  readonly approval?: ApprovalPolicy;
}

/**
 * Binds the Cal.com tools to a client, for custom agent frameworks.
 *
 * @param client The Cal.com client.
 * @param options The tools to expose and the approval policy.
 * @returns The bound tools, keyed by name.
 */
export function createCalComTools(
  client: CalComClient,
  options: CreateCalComToolsOptions = {},
): Record<string, BoundCalComTool> {
  const tools =
    options.groups === undefined
      ? (options.tools ?? calComTools)
      : toolsInGroups(options.groups, options.tools ?? calComTools);
  const approval = options.approval ?? defaultApproval;
  return Object.fromEntries(
    tools.map((tool) => [
      tool.name,
      {
        name: tool.name,
        description: tool.description,
        inputSchema: toInputJsonSchema(tool),
        annotations: tool.annotations,
        needsApproval: approval(tool),
        definition: tool,
        execute: (input: unknown, executeOptions: { readonly signal?: AbortSignal } = {}) =>
          runTool(tool, input, executeOptions.signal ? { client, signal: executeOptions.signal } : { client }),
      } satisfies BoundCalComTool,
    ]),
  );
}
