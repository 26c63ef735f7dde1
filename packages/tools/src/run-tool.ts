import * as v from 'valibot';
import type { CalComTool, ToolContext, ToolIssue } from './define-tool';
import { mapError } from './map-error';
import { toInputJsonSchema } from './to-input-json-schema';
import type { ToolError } from './tool-error';

/** The result of {@link runTool}. */
export type ToolResult<TStructured extends Record<string, unknown> = Record<string, unknown>> =
  | {
      /** The call succeeded. */
      readonly ok: true;
      /** Concise text for the model. */
      readonly text: string;
      /** Structured JSON. */
      readonly structured: TStructured;
    }
  | {
      /** The call failed. */
      readonly ok: false;
      /** What happened and what to do next, for the model. */
      readonly text: string;
      /** The structured failure. */
      readonly error: ToolError;
    };

/** The issue of an input that is not a JSON object. */
const NOT_AN_OBJECT: ToolIssue = { field: '(input)', message: 'must be a JSON object with the tool parameters' };

/**
 * Tells whether a value is a plain object, as `JSON.parse` makes them: not an array, a `Map`, a `Date` or a `RegExp`,
 * which valibot's object schemas let through when they have no own keys.
 *
 * @param value The raw input.
 * @returns Whether it can carry tool parameters.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * Describes the problems with a tool input, one per field, each with its fix.
 *
 * @param tool The tool (its JSON Schema describes missing fields).
 * @param issues The valibot issues.
 * @returns The issues.
 */
function toToolIssues(tool: Pick<CalComTool, 'name' | 'input'>, issues: readonly v.BaseIssue<unknown>[]): ToolIssue[] {
  return issues.map((issue) => {
    const field = v.getDotPath(issue);
    if (field === null) return NOT_AN_OBJECT;
    if (issue.type === 'strict_object' && issue.expected === 'never') {
      return {
        field,
        message: 'is not a parameter of this tool; remove it (check the spelling of the parameter names)',
      };
    }
    if (issue.type === 'strict_object' && issue.input === undefined) {
      const property = toInputJsonSchema(tool).properties?.[field] as { description?: string } | undefined;
      return { field, message: `is required${property?.description ? `: ${property.description}` : ''}` };
    }
    return { field, message: issue.message };
  });
}

/** The result of {@link validateToolInput}. */
export type ToolInputValidation<TInput> =
  | {
      /** The input is valid. */
      readonly success: true;
      /** The parsed input (defaults applied). */
      readonly value: TInput;
    }
  | {
      /** The input is invalid. */
      readonly success: false;
      /** The problems, one per field. */
      readonly issues: ToolIssue[];
      /** What is wrong and how to fix it, for the model. */
      readonly message: string;
    };

/**
 * The parameters whose JSON Schema is an object but whose value is a list. valibot's record and object schemas read a
 * list as an object of indexes (`["Sales"]` would become `{ "0": "Sales" }`), so a list is refused here, by name,
 * before parsing.
 */
function listsWhereObjectsBelong(
  tool: Pick<CalComTool, 'name' | 'input'>,
  input: Readonly<Record<string, unknown>>,
): ToolIssue[] {
  const properties = toInputJsonSchema(tool).properties ?? {};
  return Object.entries(input)
    .filter(
      ([key, value]) => Array.isArray(value) && (properties[key] as { type?: unknown } | undefined)?.type === 'object',
    )
    .map(([field]) => ({
      field,
      message: 'expected an object of named values, got a list. Pass { "<name>": <value> } instead of [ … ]',
    }));
}

/**
 * Validates a raw tool input against the tool's schema, fields and cross-field checks in one parse (the first problem
 * of each field), without calling Cal.com.
 *
 * @param tool The tool.
 * @param rawInput The input as the model sent it.
 * @returns The parsed input, or the problems and a message naming each field and its fix.
 */
export function validateToolInput<TInput extends Record<string, unknown>>(
  tool: Pick<CalComTool<TInput>, 'name' | 'input'>,
  rawInput: unknown,
): ToolInputValidation<TInput> {
  const input = rawInput ?? {};
  const lists = isPlainObject(input) ? listsWhereObjectsBelong(tool, input) : [];
  const parsed =
    isPlainObject(input) && lists.length === 0 ? v.safeParse(tool.input, input, { abortPipeEarly: true }) : undefined;
  if (parsed?.success) return { success: true, value: parsed.output };
  const issues = lists.length > 0 ? lists : parsed === undefined ? [NOT_AN_OBJECT] : toToolIssues(tool, parsed.issues);
  const lines = issues.map((issue) => `- ${issue.field}: ${issue.message}`);
  const message = `Invalid input for ${tool.name}; nothing was sent to Cal.com. Fix these and call again:\n${lines.join('\n')}`;
  return { success: false, issues, message };
}

/**
 * Runs a tool: validates the raw input (no request when it is invalid), calls the handler and turns every failure into
 * a result that says what happened and what to do next. Never throws.
 *
 * @param tool The tool.
 * @param rawInput The input as the model sent it.
 * @param context The client and abort signal.
 * @returns The tool result.
 */
export async function runTool<TInput extends Record<string, unknown>, TStructured extends Record<string, unknown>>(
  tool: CalComTool<TInput, TStructured>,
  rawInput: unknown,
  context: ToolContext,
): Promise<ToolResult<TStructured>> {
  try {
    const validation = validateToolInput(tool, rawInput);
    if (!validation.success) {
      const { issues, message } = validation;
      return { ok: false, text: message, error: { kind: 'invalid_input', message, retryable: false, issues } };
    }
    const output = await tool.handler(validation.value, context);
    return { ok: true, text: output.text, structured: output.structured };
  } catch (error) {
    const mapped = mapError(error, tool);
    return { ok: false, text: mapped.message, error: mapped };
  }
}
