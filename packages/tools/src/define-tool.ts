import type { CalComClient } from '@calcom-int/core';
import type * as v from 'valibot';

/** MCP tool annotations, all four hints always set (MCP's defaults assume a destructive, open-world tool). */
export interface ToolAnnotations {
  /** The human-readable title. */
  readonly title: string;
  /** Whether the tool only reads. */
  readonly readOnlyHint: boolean;
  /** Whether the tool may destroy or overwrite something (cancel, reschedule, decline). */
  readonly destructiveHint: boolean;
  /** Whether calling the tool twice with the same input has no further effect. */
  readonly idempotentHint: boolean;
  /** Whether the tool talks to an outside system (Cal.com). */
  readonly openWorldHint: boolean;
}

/** What a tool handler gets besides its input. */
export interface ToolContext {
  /** The Cal.com client the handler calls. */
  readonly client: CalComClient;
  /** Aborts the call. */
  readonly signal?: AbortSignal;
}

/** One problem with a tool input: the field and what to do about it. */
export interface ToolIssue {
  /** The input field (`start_time`), or `(input)` for the whole object. */
  readonly field: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** A handler's answer: text for the model and the same facts as JSON. */
export interface ToolOutput<TStructured extends Record<string, unknown> = Record<string, unknown>> {
  /** Concise text for the model. */
  readonly text: string;
  /** Structured JSON. */
  readonly structured: TStructured;
}

/** A Cal.com agent tool: one definition shared by every adapter. */
export interface CalComTool<
  TInput extends Record<string, unknown> = Record<string, unknown>,
  TStructured extends Record<string, unknown> = Record<string, unknown>,
> {
  /** The stable snake_case name (public API). */
  readonly name: string;
  /** What the tool does, when to use it and a one-line WORKFLOW. */
  readonly description: string;
  /** The valibot input schema; its root is a `v.strictObject`. */
  readonly input: v.GenericSchema<unknown, TInput>;
  /** The four MCP annotations. */
  readonly annotations: ToolAnnotations;
  /**
   * Checks rules that span fields (end after start) before any request.
   *
   * @param input The parsed input.
   * @returns The problems found, empty when the input is fine.
   */
  refine?(input: TInput): ToolIssue[];
  /**
   * Runs the tool against Cal.com.
   *
   * @param input The parsed input.
   * @param context The client and abort signal.
   * @returns The tool output.
   */
  handler(input: TInput, context: ToolContext): Promise<ToolOutput<TStructured>>;
}

/** The definition {@link defineTool} takes: the root schema must be a strict object. */
export interface CalComToolDefinition<TEntries extends v.ObjectEntries, TStructured extends Record<string, unknown>>
  extends Omit<CalComTool<v.InferOutput<v.StrictObjectSchema<TEntries, undefined>>, TStructured>, 'input'> {
  /** The valibot input schema. */
  readonly input: v.StrictObjectSchema<TEntries, undefined>;
}

/**
 * Defines a tool (typed identity: the root schema must be a `v.strictObject`).
 *
 * @param definition The tool definition.
 * @returns The tool.
 */
export function defineTool<const TEntries extends v.ObjectEntries, TStructured extends Record<string, unknown>>(
  definition: CalComToolDefinition<TEntries, TStructured>,
): CalComTool<v.InferOutput<v.StrictObjectSchema<TEntries, undefined>>, TStructured> {
  return definition;
}

/** Annotations of a tool that only reads. */
export function readOnlyAnnotations(title: string): ToolAnnotations {
  return { title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true };
}
