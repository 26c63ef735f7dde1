import { toJsonSchema } from '@valibot/to-json-schema';
import type { CalComTool } from './define-tool';

/** A tool's input as JSON Schema (draft-07, object root, no `$schema`). */
export interface ToolInputJsonSchema {
  /** Always `object`. */
  readonly type: 'object';
  /** The fields. */
  readonly properties?: Record<string, unknown>;
  /** The required fields. */
  readonly required?: string[];
  /** Always `false`: unknown fields are refused. */
  readonly additionalProperties?: boolean;
  /** Other keywords. */
  readonly [keyword: string]: unknown;
}

const cache = new WeakMap<object, ToolInputJsonSchema>();

/**
 * Converts a tool's input schema to JSON Schema for MCP, the AI SDK and Anthropic: input types (before transforms),
 * errors thrown on anything that cannot be converted, `$schema` stripped. Runtime-only checks (real dates, IANA zones,
 * rules that span fields)
 * are left out of the JSON Schema and enforced by the runner.
 *
 * @param tool The tool.
 * @returns The JSON Schema.
 */
export function toInputJsonSchema(tool: Pick<CalComTool, 'name' | 'input'>): ToolInputJsonSchema {
  const cached = cache.get(tool.input);
  if (cached) return cached;
  const { $schema: _schema, ...schema } = toJsonSchema(tool.input, {
    typeMode: 'input',
    errorMode: 'throw',
    ignoreActions: ['check', 'raw_check'],
  }) as Record<string, unknown>;
  if (schema.type !== 'object') {
    throw new TypeError(`Tool ${tool.name}: the input schema root must be an object (use v.strictObject).`);
  }
  const result = schema as ToolInputJsonSchema;
  cache.set(tool.input, result);
  return result;
}
