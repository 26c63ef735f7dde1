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
  /**
   * The valibot input schema: a `v.strictObject` of fields built from core's input rules (`@calcom-int/core/schemas`),
   * optionally piped through checks that span fields (`rangeCheck`), so one parse checks everything.
   */
  readonly input: v.GenericSchema<unknown, TInput>;
  /** The four MCP annotations. */
  readonly annotations: ToolAnnotations;
  /**
   * Whether a human must approve each call before it runs: `true` for every write (create, reschedule, cancel, confirm,
   * decline, profile changes), `false` for reads. Every adapter applies it unless its `approval` option says otherwise
   * (see {@link ApprovalPolicy}).
   */
  readonly needsApproval: boolean;
  /**
   * The tool's own input field for each path of the client's params it fills (`{ start: 'start_time' }`): `mapError`
   * looks the path of each issue of a client refusal up here, so the model reads this tool's field names.
   */
  readonly coreFields?: Readonly<Record<string, string>>;
  /**
   * Runs the tool against Cal.com.
   *
   * @param input The parsed input.
   * @param context The client and abort signal.
   * @returns The tool output.
   */
  handler(input: TInput, context: ToolContext): Promise<ToolOutput<TStructured>>;
}

/**
 * Decides which tools need a human's approval before each call; adapters take it as their `approval` option. The
 * default, {@link defaultApproval}, reads each tool's {@link CalComTool.needsApproval}.
 *
 * @example
 * ```ts
 * // Ask only before the destructive tools (cancel, reschedule, decline):
 * const approval: ApprovalPolicy = (tool) => tool.annotations.destructiveHint;
 * ```
 */
export type ApprovalPolicy = (tool: CalComTool) => boolean;

/**
 * The default approval policy: a tool needs approval when its definition says so (every write).
 *
 * @param tool The tool.
 * @returns Whether a human must approve each call.
 */
export const defaultApproval: ApprovalPolicy = (tool) => tool.needsApproval;

/** A tool's input schema: a strict object, or a strict object piped through checks that span fields. */
export type ToolInputSchema<TInput extends Record<string, unknown>> = v.GenericSchema<unknown, TInput> & {
  /** The root is a `v.strictObject`: unknown fields are refused. */
  readonly type: 'strict_object';
};

/** The definition {@link defineTool} takes: the root schema must be a strict object. */
export interface CalComToolDefinition<
  TInput extends Record<string, unknown>,
  TStructured extends Record<string, unknown>,
> extends Omit<CalComTool<TInput, TStructured>, 'input' | 'needsApproval'> {
  /** The valibot input schema. */
  readonly input: ToolInputSchema<TInput>;
  /** Whether a human must approve each call; every write (`readOnlyHint: false`) needs it when left out. */
  readonly needsApproval?: boolean;
}

/**
 * Defines a tool (typed: the root schema must be a `v.strictObject`, optionally piped through cross-field checks). `needsApproval` defaults to `true` for every
 * tool that is not read-only.
 *
 * @param definition The tool definition.
 * @returns The tool.
 */
export function defineTool<TInput extends Record<string, unknown>, TStructured extends Record<string, unknown>>(
  definition: CalComToolDefinition<TInput, TStructured>,
): CalComTool<TInput, TStructured> {
  return { ...definition, needsApproval: definition.needsApproval ?? !definition.annotations.readOnlyHint };
}

/** Annotations of a tool that only reads. */
export function readOnlyAnnotations(title: string): ToolAnnotations {
  return { title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true };
}
