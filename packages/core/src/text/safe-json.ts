/**
 * The deepest nesting of arrays and objects accepted in a response body. Cal.com's DTOs nest fewer than 10 levels
 * (free-form `metadata` a few more); a limit far below the stack depth keeps every recursive reader of the result
 * (valibot, `JSON.stringify`, loggers, the tools' formatting) clear of a `RangeError`.
 */
export const MAX_JSON_DEPTH = 64;

/** The outcome of {@link parseJsonSafely}: the value, or why the text was refused. */
export type SafeJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: string; readonly cause?: unknown };

/**
 * Parses a response body as JSON and refuses what would hurt whoever reads the result: nesting deeper than
 * {@link MAX_JSON_DEPTH}, numbers out of range (`1e400` parses to `Infinity`). Drops `__proto__`, `constructor` and
 * `prototype` keys. The walk stops at the depth limit, so no input can overflow the stack.
 *
 * @returns The parsed value, or what is wrong with the text (`is not JSON`, `nests … deeper than 64 levels`, …).
 */
export function parseJsonSafely(text: string): SafeJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return { ok: false, problem: 'is not JSON', cause };
  }
  const problem = sanitise(value);
  return problem === undefined ? { ok: true, value } : { ok: false, problem };
}

/**
 * Drops prototype keys and finds the first problem in a parsed JSON value.
 *
 * @param root The parsed value (mutated: prototype keys are removed).
 */
function sanitise(root: unknown): string | undefined {
  if (typeof root === 'number') {
    return Number.isFinite(root) ? undefined : outOfRange();
  }
  return typeof root === 'object' && root !== null ? walk(root, 1) : undefined;
}

/**
 * Walks one array or object and what it holds. Keys that can set or reach a prototype when a parsed object is later
 * copied or merged (`__proto__`, `constructor`, `prototype`) are dropped at every depth, as valibot drops them from
 * records; no Cal.com DTO uses them. It recurses, but never deeper than {@link MAX_JSON_DEPTH} + 1 calls:
 * a deeper value is refused before its children are read, so no input can overflow the stack.
 *
 * @param value The array or object (mutated: prototype keys are removed).
 * @param depth Its nesting level, 1 for the root.
 */
function walk(value: object, depth: number): string | undefined {
  if (depth > MAX_JSON_DEPTH) {
    return `nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels`;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const problem = check(value[index], depth);
      if (problem !== undefined) {
        return problem;
      }
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      delete record[key];
      continue;
    }
    const problem = check(record[key], depth);
    if (problem !== undefined) {
      return problem;
    }
  }
  return undefined;
}

/** Checks one child of a value at `depth`: a nested value is walked, a number must be finite. */
function check(child: unknown, depth: number): string | undefined {
  if (typeof child === 'object') {
    return child === null ? undefined : walk(child, depth + 1);
  }
  return typeof child === 'number' && !Number.isFinite(child) ? outOfRange() : undefined;
}

/** Describes a number JSON.parse could not represent. */
function outOfRange(): string {
  return 'has a number too large to represent (it parses to Infinity)';
}
