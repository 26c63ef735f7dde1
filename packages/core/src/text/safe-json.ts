/**
 * The deepest nesting of arrays and objects accepted in a response body. Cal.com's DTOs nest fewer than 10 levels
 * (free-form `metadata` a few more); a limit far below the stack depth keeps every recursive reader of the result
 * (valibot, `JSON.stringify`, loggers, the tools' formatting) clear of a `RangeError`.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Keys that can set or reach a prototype when a parsed object is later copied or merged (`target[key] = value`,
 * `merge(target, value)` through `constructor.prototype`). They are dropped from every parsed body, at every depth, as
 * valibot drops them from records. No Cal.com DTO uses them.
 */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** The outcome of {@link parseJsonSafely}: the value, or why the text was refused. */
export type SafeJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: string; readonly cause?: unknown };

/**
 * Parses a response body as JSON and refuses what would hurt whoever reads the result: nesting deeper than
 * {@link MAX_JSON_DEPTH}, numbers out of range (`1e400` parses to `Infinity`). Drops `__proto__`, `constructor` and
 * `prototype` keys. The check walks the value with an explicit stack, so no input can overflow it.
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
 * Walks a parsed JSON value iteratively: drops prototype keys and finds the first problem.
 *
 * @param root The parsed value (mutated: prototype keys are removed).
 */
function sanitise(root: unknown): string | undefined {
  if (typeof root === 'number') {
    return Number.isFinite(root) ? undefined : outOfRange();
  }
  if (typeof root !== 'object' || root === null) {
    return undefined;
  }
  const objects: object[] = [root];
  const depths: number[] = [1];
  for (let object = objects.pop(); object !== undefined; object = objects.pop()) {
    // Pushed together with its object, so there is one.
    const depth = depths.pop() as number;
    if (depth > MAX_JSON_DEPTH) {
      return `nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels`;
    }
    let children: unknown[];
    if (Array.isArray(object)) {
      children = object;
    } else {
      const record = object as Record<string, unknown>;
      for (const key of PROTOTYPE_KEYS) {
        if (Object.hasOwn(record, key)) {
          delete record[key];
        }
      }
      children = Object.values(record);
    }
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        objects.push(child);
        depths.push(depth + 1);
      } else if (typeof child === 'number' && !Number.isFinite(child)) {
        return outOfRange();
      }
    }
  }
  return undefined;
}

/** Describes a number JSON.parse could not represent. */
function outOfRange(): string {
  return 'has a number too large to represent (it parses to Infinity)';
}
