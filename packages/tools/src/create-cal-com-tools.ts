import type { CalComClient } from '@calcom-int/core';
import type { CalComTool, ToolAnnotations } from './define-tool';
import { runTool, type ToolResult } from './run-tool';
import { type ToolInputJsonSchema, toInputJsonSchema } from './to-input-json-schema';
import { calComTools } from './tools/all-tools';

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
  /** The underlying definition. */
  readonly definition: CalComTool;
  /**
   * Validates the input and runs the tool; never throws.
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
}

/**
 * Binds the Cal.com tools to a client, for custom agent frameworks.
 *
 * @param client The Cal.com client.
 * @param options The tools to expose.
 * @returns The bound tools, keyed by name.
 */
export function createCalComTools(
  client: CalComClient,
  options: CreateCalComToolsOptions = {},
): Record<string, BoundCalComTool> {
  const tools = options.tools ?? calComTools;
  return Object.fromEntries(
    tools.map((tool) => [
      tool.name,
      {
        name: tool.name,
        description: tool.description,
        inputSchema: toInputJsonSchema(tool),
        annotations: tool.annotations,
        definition: tool,
        execute: (input: unknown, executeOptions: { readonly signal?: AbortSignal } = {}) =>
          runTool(tool, input, executeOptions.signal ? { client, signal: executeOptions.signal } : { client }),
      } satisfies BoundCalComTool,
    ]),
  );
}
