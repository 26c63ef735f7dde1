import type { CalComClient } from '@calcom-int/core';
import { type ApprovalPolicy, type CalComTool, defaultApproval } from '../../define-tool';
import { runTool } from '../../run-tool';
import { type ToolInputJsonSchema, toInputJsonSchema } from '../../to-input-json-schema';
import { calComTools } from '../../tools/all-tools';

/** A tool definition for the Anthropic Messages API (`tools: [...]`), structurally an `Anthropic.Tool`. */
export interface AnthropicToolDefinition {
  /** The tool name. */
  readonly name: string;
  /** The description for the model. */
  readonly description: string;
  /** The input JSON Schema (object root). */
  readonly input_schema: ToolInputJsonSchema;
}

/** A `tool_use` content block from a Messages API response (the fields the executor reads). */
export interface AnthropicToolUseBlock {
  /** Always `tool_use`. */
  readonly type: 'tool_use';
  /** The id to answer with `tool_use_id`. */
  readonly id: string;
  /** The tool name. */
  readonly name: string;
  /** The input the model sent. */
  readonly input: unknown;
}

/** A `tool_result` content block for the next user message, structurally an `Anthropic.ToolResultBlockParam`. */
export interface AnthropicToolResultBlock {
  /** Always `tool_result`. */
  readonly type: 'tool_result';
  /** The id of the `tool_use` block answered. */
  readonly tool_use_id: string;
  /** The tool's text for the model. */
  readonly content: string;
  /** `true` when the call failed; the text says what to do next. */
  readonly is_error?: boolean;
}

/**
 * Creates the Anthropic Messages API tool definitions of the Cal.com tools.
 *
 * @param tools The tools; all of them by default.
 * @returns The definitions for `messages.create({ tools })`.
 */
export function createAnthropicTools(tools: readonly CalComTool[] = calComTools): AnthropicToolDefinition[] {
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: toInputJsonSchema(tool),
  }));
}

/** Options of {@link createToolUseExecutor}. */
export interface CreateToolUseExecutorOptions {
  /** The Cal.com client the tools call. */
  readonly client: CalComClient;
  /** The tools; all of them by default. */
  readonly tools?: readonly CalComTool[];
  /** Which tools need the user's approval; by default each tool's own `needsApproval`, `true` for every write. */
  readonly approval?: ApprovalPolicy;
  /**
   * Asks the user to approve a call the approval policy names. Without it such calls are refused (the model is told
   * that nothing was changed), never run unapproved.
   *
   * @param tool The tool.
   * @param input The input the model sent.
   * @returns Whether the user approved.
   */
  readonly approve?: (tool: CalComTool, input: unknown) => boolean | Promise<boolean>;
}

/** Runs a `tool_use` block and answers it with a `tool_result` block; never throws. */
export type ExecuteToolUse = (
  block: AnthropicToolUseBlock,
  options?: { readonly signal?: AbortSignal },
) => Promise<AnthropicToolResultBlock>;

/**
 * Creates `executeToolUse(block)`: runs the Cal.com tool named in a `tool_use` block and returns the `tool_result`
 * block (`is_error` on failure, unknown tools and denied approvals included). A tool the approval policy names (every
 * write by default) runs only after `approve` says yes.
 *
 * @param options The client, the tools, the approval policy and the approval callback.
 * @returns The executor.
 */
export function createToolUseExecutor(options: CreateToolUseExecutorOptions): ExecuteToolUse {
  const byName = new Map((options.tools ?? calComTools).map((tool) => [tool.name, tool]));
  const approval = options.approval ?? defaultApproval;
  return async (block, executeOptions = {}) => {
    const tool = byName.get(block.name);
    if (!tool) {
      return {
        type: 'tool_result',
        tool_use_id: block.id,
        is_error: true,
        content: `Unknown tool ${block.name}. Available tools: ${[...byName.keys()].join(', ')}.`,
      };
    }
    if (approval(tool)) {
      if (!options.approve) {
        return {
          type: 'tool_result',
          tool_use_id: block.id,
          is_error: true,
          content: `${tool.name} needs the user's approval and this application cannot ask for it, so nothing was changed. Tell the user; do not call it again.`,
        };
      }
      let approved = false;
      try {
        approved = await options.approve(tool, block.input);
      } catch {
        approved = false;
      }
      if (!approved) {
        return {
          type: 'tool_result',
          tool_use_id: block.id,
          is_error: true,
          content: `The user did not approve ${tool.name}; nothing was changed. Do not call it again unless the user asks for it.`,
        };
      }
    }
    const result = await runTool(
      tool,
      block.input,
      executeOptions.signal ? { client: options.client, signal: executeOptions.signal } : { client: options.client },
    );
    return result.ok
      ? { type: 'tool_result', tool_use_id: block.id, content: result.text }
      : { type: 'tool_result', tool_use_id: block.id, is_error: true, content: result.text };
  };
}

/** Options of {@link executeToolUse}. */
export interface ExecuteToolUseOptions extends CreateToolUseExecutorOptions {
  /** Aborts the call. */
  readonly signal?: AbortSignal;
}

/**
 * Runs the Cal.com tool named in a `tool_use` block and returns the `tool_result` block; never throws.
 *
 * @param block The `tool_use` block.
 * @param options The client, the tools, the approval policy and callback, and the abort signal.
 * @returns The `tool_result` block (`is_error` on failure).
 */
export function executeToolUse(
  block: AnthropicToolUseBlock,
  options: ExecuteToolUseOptions,
): Promise<AnthropicToolResultBlock> {
  return createToolUseExecutor(options)(block, options.signal ? { signal: options.signal } : {});
}
