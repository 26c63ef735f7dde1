import type { CalComClient } from '@calcom-int/core';
import { type JSONSchema7, jsonSchema, type Tool } from 'ai';
import { type ApprovalPolicy, type CalComTool, defaultApproval } from '../../define-tool';
import { runTool, type ToolResult, validateToolInput } from '../../run-tool';
import { toInputJsonSchema } from '../../to-input-json-schema';
import { calComTools } from '../../tools/all-tools';

/** Options of {@link createCalComAiTools}. */
export interface CreateCalComAiToolsOptions {
  /** The Cal.com client the tools call. */
  readonly client: CalComClient;
  /** The tools to expose; all of them by default. */
  readonly tools?: readonly CalComTool[];
  /**
   * Which tools need the user's approval (the AI SDK's `needsApproval`); by default each tool's own `needsApproval`,
   * `true` for every write.
   */
  readonly approval?: ApprovalPolicy;
}

/**
 * Creates the input schema of a tool for the AI SDK: our JSON Schema plus our own `v.safeParse` validation (valibot's
 * Standard Schema result carries `value` even on failure, which the AI SDK takes for success).
 *
 * @param tool The tool.
 * @returns The AI SDK schema.
 */
export function toAiInputSchema(tool: CalComTool) {
  return jsonSchema<Record<string, unknown>>(toInputJsonSchema(tool) as JSONSchema7, {
    validate: (value) => {
      const validation = validateToolInput(tool, value);
      return validation.success
        ? { success: true, value: validation.value }
        : { success: false, error: new TypeError(validation.message) };
    },
  });
}

/**
 * Creates the Cal.com tools for the Vercel AI SDK (`generateText({ tools })`). Input is validated with valibot before
 * `execute`; the tools the approval policy names (every write by default) get `needsApproval: true`; `execute` never throws and returns the tool result
 * (the model sees its text).
 *
 * @param options The client, the tools and the approval rule.
 * @returns The tool set, keyed by tool name.
 */
export function createCalComAiTools(
  options: CreateCalComAiToolsOptions,
): Record<string, Tool<Record<string, unknown>, ToolResult>> {
  const approval = options.approval ?? defaultApproval;
  return Object.fromEntries(
    (options.tools ?? calComTools).map((tool) => {
      const aiTool: Tool<Record<string, unknown>, ToolResult> = {
        title: tool.annotations.title,
        description: tool.description,
        inputSchema: toAiInputSchema(tool),
        needsApproval: approval(tool),
        execute: (input, executionOptions) =>
          runTool(
            tool,
            input,
            executionOptions.abortSignal
              ? { client: options.client, signal: executionOptions.abortSignal }
              : { client: options.client },
          ),
        // The model sees the text, marked as an error on failure.
        toModelOutput: ({ output }) =>
          output.ok ? { type: 'text', value: output.text } : { type: 'error-text', value: output.text },
      };
      return [tool.name, aiTool];
    }),
  );
}
