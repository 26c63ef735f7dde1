import type * as v from 'valibot';

/** What a compiled parser returns when it cannot vouch for a value: then valibot decides (and names the issue). */
export const NOT_PARSED: unique symbol = Symbol('not parsed');

/** A compiled parser: the output valibot would give for a valid input, or {@link NOT_PARSED}. */
export type CompiledParser = (input: unknown) => unknown;

/** The parts of a valibot schema or action the compiler reads (valibot's own fields, typed loosely on purpose). */
interface SchemaNode {
  readonly kind: string;
  readonly type: string;
  readonly pipe?: readonly SchemaNode[];
  readonly entries?: Readonly<Record<string, SchemaNode>>;
  readonly item?: SchemaNode;
  readonly wrapped?: SchemaNode;
  readonly options?: readonly unknown[];
  readonly literal?: unknown;
  readonly default?: unknown;
  readonly fallback?: unknown;
  readonly requirement?: unknown;
  readonly operation?: (value: unknown) => unknown;
  readonly '~run': (
    dataset: { typed?: boolean; value: unknown },
    config: v.Config<v.BaseIssue<unknown>>,
  ) => {
    value: unknown;
    issues?: unknown;
  };
}

/** The configuration valibot runs with here: stop at the first issue (as {@link parseData} does). */
const CONFIG = { abortEarly: true } as const;

/** Compiled parsers by schema object; schemas are immutable, so one compilation serves every response. */
const compiled = new WeakMap<object, CompiledParser>();

/**
 * Compiles a valibot schema into a parser that gives the same output for valid input without valibot's per-value
 * bookkeeping (a dataset object per value, an issue list per node): plain checks and copies. It knows the schemas and
 * actions the response models use (`object`, `array`, `string`, `number`, `boolean`, `picklist`, `literal`, `null`,
 * `unknown`, `optional`, `nullish`, `nullable`, pipes with `safe_integer`, `integer`, `min_value`, `max_value`,
 * `min_length`, `max_length`, `regex`, `check` and `transform`) and runs valibot's own `~run` for anything else, so
 * every check of the schema still applies. It never reports an issue: on the first value it cannot vouch for it
 * returns {@link NOT_PARSED}, and the caller runs `v.safeParse`, which finds the issue (or, should the two ever
 * disagree, accepts the value: valibot stays the judge).
 */
export function compileSchema(schema: v.GenericSchema): CompiledParser {
  return compileNode(schema as unknown as SchemaNode);
}

/** Compiles one node, from the cache when it was compiled before. */
function compileNode(node: SchemaNode): CompiledParser {
  let parser = compiled.get(node);
  if (parser === undefined) {
    parser = node.pipe === undefined ? compileSchemaNode(node) : compilePipe(node.pipe);
    compiled.set(node, parser);
  }
  return parser;
}

/** Runs valibot's own `~run` for a node the compiler does not know. */
function viaValibot(node: SchemaNode): CompiledParser {
  return (input) => {
    const dataset = node['~run']({ value: input }, CONFIG);
    return dataset.issues === undefined ? dataset.value : NOT_PARSED;
  };
}

/** Compiles a schema without a pipe. */
function compileSchemaNode(node: SchemaNode): CompiledParser {
  switch (node.type) {
    case 'string':
      return (input) => (typeof input === 'string' ? input : NOT_PARSED);
    case 'number':
      return (input) => (typeof input === 'number' && !Number.isNaN(input) ? input : NOT_PARSED);
    case 'boolean':
      return (input) => (typeof input === 'boolean' ? input : NOT_PARSED);
    case 'unknown':
      return (input) => input;
    case 'null':
      return (input) => (input === null ? input : NOT_PARSED);
    case 'literal': {
      const literal = node.literal;
      return (input) => (input === literal ? input : NOT_PARSED);
    }
    case 'picklist': {
      const options = node.options ?? [];
      return (input) => (options.includes(input) ? input : NOT_PARSED);
    }
    case 'optional':
    case 'nullish':
    case 'nullable':
      return compileWrapper(node);
    case 'array':
      return compileArray(compileNode(node.item as SchemaNode));
    case 'object':
      return compileObject(node);
    default:
      return viaValibot(node);
  }
}

/**
 * Compiles `optional`, `nullish` and `nullable`: the empty values they allow pass (or become the default, which the
 * wrapped schema then checks, as valibot does); anything else goes to the wrapped schema.
 */
function compileWrapper(node: SchemaNode): CompiledParser {
  if (typeof node.default === 'function') {
    return viaValibot(node);
  }
  const wrapped = compileNode(node.wrapped as SchemaNode);
  const fallback = node.default;
  const allowsUndefined = node.type !== 'nullable';
  const allowsNull = node.type !== 'optional';
  return (input) => {
    let value = input;
    if ((allowsUndefined && value === undefined) || (allowsNull && value === null)) {
      if (fallback !== undefined) {
        value = fallback;
      }
      if ((allowsUndefined && value === undefined) || (allowsNull && value === null)) {
        return value;
      }
    }
    return wrapped(value);
  };
}

/** Compiles an array: every item through the item's parser, into a new array. */
function compileArray(item: CompiledParser): CompiledParser {
  return (input) => {
    if (!Array.isArray(input)) {
      return NOT_PARSED;
    }
    const output: unknown[] = new Array(input.length);
    for (let index = 0; index < input.length; index += 1) {
      const value = item(input[index]);
      if (value === NOT_PARSED) {
        return NOT_PARSED;
      }
      output[index] = value;
    }
    return output;
  };
}

/**
 * Compiles `v.object`: a new object with the known keys in the schema's order (unknown keys are dropped), a missing
 * optional key left out or given its default, a missing required key refused: valibot's rules.
 */
function compileObject(node: SchemaNode): CompiledParser {
  const entries = Object.entries(node.entries ?? {});
  if (entries.some(([, entry]) => entry.fallback !== undefined || typeof entry.default === 'function')) {
    return viaValibot(node);
  }
  const keys = entries.map(([key]) => key);
  const parsers = entries.map(([, entry]) => compileNode(entry));
  const optional = entries.map(([, entry]) => ['exact_optional', 'optional', 'nullish'].includes(entry.type));
  const defaults = entries.map(([, entry], index) => (optional[index] ? entry.default : undefined));
  const count = keys.length;
  return (input) => {
    if (!input || typeof input !== 'object') {
      return NOT_PARSED;
    }
    const record = input as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (let index = 0; index < count; index += 1) {
      const key = keys[index] as string;
      // One lookup in the common case (the key is there, with a value); `in` only for an undefined one.
      let value = record[key];
      if (value === undefined && !(key in record)) {
        if (defaults[index] !== undefined) {
          value = defaults[index];
        } else if (optional[index]) {
          continue;
        } else {
          return NOT_PARSED;
        }
      }
      const parsed = (parsers[index] as CompiledParser)(value);
      if (parsed === NOT_PARSED) {
        return NOT_PARSED;
      }
      output[key] = parsed;
    }
    return output;
  };
}

/** Compiles a pipe: its schema, then each action in order. */
function compilePipe(pipe: readonly SchemaNode[]): CompiledParser {
  const [root, ...rest] = pipe as [SchemaNode, ...SchemaNode[]];
  const steps = [compileNode(root), ...rest.filter((item) => item.kind !== 'metadata').map(compileAction)];
  if (steps.length === 2) {
    const [first, second] = steps as [CompiledParser, CompiledParser];
    return (input) => {
      const value = first(input);
      return value === NOT_PARSED ? value : second(value);
    };
  }
  return (input) => {
    let value = input;
    for (const step of steps) {
      value = step(value);
      if (value === NOT_PARSED) {
        return value;
      }
    }
    return value;
  };
}

/** Compiles one pipe action (a check or a transformation) applied to a value its schema accepted. */
function compileAction(action: SchemaNode): CompiledParser {
  const requirement = action.requirement;
  switch (action.type) {
    case 'safe_integer':
      return (value) => (Number.isSafeInteger(value) ? value : NOT_PARSED);
    case 'integer':
      return (value) => (Number.isInteger(value) ? value : NOT_PARSED);
    case 'min_value':
      if (typeof requirement === 'number') {
        return (value) => ((value as number) >= requirement ? value : NOT_PARSED);
      }
      break;
    case 'max_value':
      if (typeof requirement === 'number') {
        return (value) => ((value as number) <= requirement ? value : NOT_PARSED);
      }
      break;
    case 'min_length':
      if (typeof requirement === 'number') {
        return (value) => ((value as { length: number }).length >= requirement ? value : NOT_PARSED);
      }
      break;
    case 'max_length':
      if (typeof requirement === 'number') {
        return (value) => ((value as { length: number }).length <= requirement ? value : NOT_PARSED);
      }
      break;
    case 'regex':
      if (requirement instanceof RegExp) {
        return (value) => (requirement.test(value as string) ? value : NOT_PARSED);
      }
      break;
    case 'check':
      if (typeof requirement === 'function') {
        const test = requirement as (value: unknown) => unknown;
        return (value) => (test(value) ? value : NOT_PARSED);
      }
      break;
    case 'transform': {
      const operation = action.operation as (value: unknown) => unknown;
      return (value) => operation(value);
    }
  }
  return (value) => {
    const dataset = action['~run']({ typed: true, value }, CONFIG);
    return dataset.issues === undefined ? dataset.value : NOT_PARSED;
  };
}
