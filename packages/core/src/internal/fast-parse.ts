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
  readonly key?: SchemaNode;
  readonly value?: SchemaNode;
  readonly options?: readonly unknown[];
  readonly literal?: unknown;
  readonly default?: unknown;
  readonly fallback?: unknown;
  readonly requirement?: unknown;
  readonly operation?: (value: unknown) => unknown;
}

/** The configuration valibot runs with here: stop at the first issue (as `parseData` does). */
const CONFIG = { abortEarly: true } as const;

/** Compiled parsers by schema object; schemas are immutable, so one compilation serves every response. */
const compiled = new WeakMap<object, CompiledParser>();

/** The parser used where code cannot be generated (a runtime that forbids `new Function`): valibot decides alone. */
const cannotVouch: CompiledParser = () => NOT_PARSED;

/**
 * Compiles a valibot schema into a parser that gives the same output for valid input without valibot's per-value
 * bookkeeping (a dataset object per value, an issue list per node): the schema is turned into one JavaScript function
 * of plain checks and copies, with constant property names, so the engine optimises it like hand-written code. It
 * knows the schemas and actions the response models use (`object`, `array`, `record` with string keys, `string`,
 * `number`, `boolean`, `picklist`, `literal`, `null`, `unknown`, `optional`, `nullish`, `nullable`, pipes with
 * `safe_integer`, `integer`, `min_value`, `max_value`, `min_length`, `max_length`, `regex`, `check` and `transform`)
 * and calls valibot's own `~run` for anything else, so every check of the schema still applies. It never reports an
 * issue: on the first value it cannot vouch for it returns {@link NOT_PARSED}, and the caller runs `v.safeParse`,
 * which finds the issue (or, should the two ever disagree, accepts the value: valibot stays the judge).
 *
 * In a runtime that forbids generating code (`new Function` under a content security policy), the parser vouches for
 * nothing and valibot checks every response: slower, never less strict.
 */
export function compileSchema(schema: v.GenericSchema): CompiledParser {
  let parser = compiled.get(schema);
  if (parser === undefined) {
    parser = generateParser(schema as unknown as SchemaNode);
    compiled.set(schema, parser);
  }
  return parser;
}

/** Generates the parser's source and builds it; {@link cannotVouch} when the runtime refuses to. */
function generateParser(schema: SchemaNode): CompiledParser {
  const generator = new Generator();
  const output = generator.node(schema, 'input');
  const source = `${generator.lines.join('\n')}\nreturn ${output};`;
  let build: (refs: readonly unknown[], notParsed: symbol, config: object) => CompiledParser;
  try {
    build = new Function('R', 'NOT', 'CONFIG', `return function parse(input) {\n${source}\n};`) as typeof build;
  } catch {
    return cannotVouch;
  }
  return build(generator.refs, NOT_PARSED, CONFIG);
}

/**
 * Writes the body of a parser: statements that either `return NOT` or leave the parsed value in a variable. Values
 * the code cannot spell (regular expressions, functions, option lists, schemas run by valibot) are passed in `R`.
 */
class Generator {
  readonly lines: string[] = [];
  readonly refs: unknown[] = [];
  private variables = 0;

  /** A fresh variable name. */
  private variable(): string {
    this.variables += 1;
    return `v${this.variables}`;
  }

  /** The expression that reads a value passed in `R`. */
  private ref(value: unknown): string {
    this.refs.push(value);
    return `R[${this.refs.length - 1}]`;
  }

  /**
   * Emits the checks of `node` on the value in variable `input`.
   *
   * @returns The name of the variable (or the expression) that holds the output.
   */
  node(node: SchemaNode, input: string): string {
    if (node.pipe !== undefined) {
      return this.pipe(node.pipe, input);
    }
    switch (node.type) {
      case 'string':
      case 'boolean':
        this.lines.push(`if (typeof ${input} !== '${node.type}') return NOT;`);
        return input;
      case 'number':
        this.lines.push(`if (typeof ${input} !== 'number' || ${input} !== ${input}) return NOT;`);
        return input;
      case 'unknown':
        return input;
      case 'null':
        this.lines.push(`if (${input} !== null) return NOT;`);
        return input;
      case 'literal':
        this.lines.push(`if (${input} !== ${this.ref(node.literal)}) return NOT;`);
        return input;
      case 'picklist':
        this.lines.push(`if (!${this.ref(node.options ?? [])}.includes(${input})) return NOT;`);
        return input;
      case 'optional':
      case 'nullish':
      case 'nullable':
        return typeof node.default === 'function' ? this.viaValibot(node, input) : this.wrapper(node, input);
      case 'array':
        return this.array(node.item as SchemaNode, input);
      case 'object':
        return this.object(node, input);
      case 'record':
        return node.key?.type === 'string' && node.key.pipe === undefined
          ? this.record(node.value as SchemaNode, input)
          : this.viaValibot(node, input);
      default:
        return this.viaValibot(node, input);
    }
  }

  /** Runs valibot's own `~run` for a node the generator does not know. */
  private viaValibot(node: SchemaNode, input: string): string {
    const dataset = this.variable();
    this.lines.push(
      `const ${dataset} = ${this.ref(node)}['~run']({ value: ${input} }, CONFIG);`,
      `if (${dataset}.issues !== undefined) return NOT;`,
    );
    return `${dataset}.value`;
  }

  /**
   * `optional`, `nullish` and `nullable`: the empty values they allow pass (or become the default, which the wrapped
   * schema then checks, as valibot does); anything else goes to the wrapped schema.
   */
  private wrapper(node: SchemaNode, input: string): string {
    const empty = (name: string) =>
      node.type === 'optional'
        ? `${name} === undefined`
        : node.type === 'nullable'
          ? `${name} === null`
          : `(${name} === undefined || ${name} === null)`;
    const value = this.variable();
    const output = this.variable();
    this.lines.push(`let ${value} = ${input};`, `let ${output};`);
    if (node.default !== undefined) {
      this.lines.push(`if (${empty(value)}) ${value} = ${this.ref(node.default)};`);
    }
    this.lines.push(`if (${empty(value)}) { ${output} = ${value}; } else {`);
    const wrapped = this.node(node.wrapped as SchemaNode, value);
    this.lines.push(`${output} = ${wrapped};`, '}');
    return output;
  }

  /** An array: every item through the item's checks, into a new array. */
  private array(item: SchemaNode, input: string): string {
    const output = this.variable();
    const index = this.variable();
    const element = this.variable();
    this.lines.push(
      `if (!Array.isArray(${input})) return NOT;`,
      `const ${output} = new Array(${input}.length);`,
      `for (let ${index} = 0; ${index} < ${input}.length; ${index}++) {`,
      `const ${element} = ${input}[${index}];`,
    );
    const parsed = this.node(item, element);
    this.lines.push(`${output}[${index}] = ${parsed};`, '}');
    return output;
  }

  /**
   * `v.object`: a new object with the known keys in the schema's order (unknown keys are dropped), a missing optional
   * key left out or given its default, a missing required key refused: valibot's rules.
   */
  private object(node: SchemaNode, input: string): string {
    const entries = Object.entries(node.entries ?? {});
    if (entries.some(([, entry]) => entry.fallback !== undefined || typeof entry.default === 'function')) {
      return this.viaValibot(node, input);
    }
    const output = this.variable();
    this.lines.push(`if (!${input} || typeof ${input} !== 'object') return NOT;`, `const ${output} = {};`);
    for (const [key, entry] of entries) {
      const name = JSON.stringify(key);
      const value = this.variable();
      // One lookup in the common case (the key is there, with a value); `in` only for an undefined one.
      this.lines.push(`let ${value} = ${input}[${name}];`);
      const missing = `${value} === undefined && !(${name} in ${input})`;
      const optional = ['exact_optional', 'optional', 'nullish'].includes(entry.type);
      if (optional && entry.default !== undefined) {
        this.lines.push(`if (${missing}) ${value} = ${this.ref(entry.default)};`);
      } else if (optional) {
        this.lines.push(`if (!(${missing})) {`);
      } else {
        this.lines.push(`if (${missing}) return NOT;`);
      }
      const parsed = this.node(entry, value);
      this.lines.push(`${output}[${name}] = ${parsed};`);
      if (optional && entry.default === undefined) {
        this.lines.push('}');
      }
    }
    return output;
  }

  /** `v.record` with plain string keys: every own key but the prototype ones, each value through its checks. */
  private record(valueNode: SchemaNode, input: string): string {
    const output = this.variable();
    const key = this.variable();
    const value = this.variable();
    this.lines.push(
      `if (!${input} || typeof ${input} !== 'object') return NOT;`,
      `const ${output} = {};`,
      `for (const ${key} in ${input}) {`,
      `if (!Object.prototype.hasOwnProperty.call(${input}, ${key}) || ${key} === '__proto__' || ${key} === 'prototype' || ${key} === 'constructor') continue;`,
      `const ${value} = ${input}[${key}];`,
    );
    const parsed = this.node(valueNode, value);
    this.lines.push(`${output}[${key}] = ${parsed};`, '}');
    return output;
  }

  /** A pipe: its schema, then each action in order (metadata actions skipped). */
  private pipe(pipe: readonly SchemaNode[], input: string): string {
    const [root, ...actions] = pipe as [SchemaNode, ...SchemaNode[]];
    let current = this.node(root, input);
    for (const action of actions) {
      if (action.kind !== 'metadata') {
        current = this.action(action, current);
      }
    }
    return current;
  }

  /**
   * One pipe action (a check or a transformation) applied to a value its schema accepted.
   *
   * @returns The variable holding the value after the action.
   */
  private action(action: SchemaNode, input: string): string {
    const requirement = action.requirement;
    const check = (failed: string) => {
      this.lines.push(`if (${failed}) return NOT;`);
      return input;
    };
    switch (action.type) {
      case 'safe_integer':
        return check(`!Number.isSafeInteger(${input})`);
      case 'integer':
        return check(`!Number.isInteger(${input})`);
      case 'min_value':
        if (typeof requirement === 'number') return check(`!(${input} >= ${requirement})`);
        break;
      case 'max_value':
        if (typeof requirement === 'number') return check(`!(${input} <= ${requirement})`);
        break;
      case 'min_length':
        if (typeof requirement === 'number') return check(`!(${input}.length >= ${requirement})`);
        break;
      case 'max_length':
        if (typeof requirement === 'number') return check(`!(${input}.length <= ${requirement})`);
        break;
      case 'regex':
        if (requirement instanceof RegExp) return check(`!${this.ref(requirement)}.test(${input})`);
        break;
      case 'check':
        if (typeof requirement === 'function') return check(`!${this.ref(requirement)}(${input})`);
        break;
      case 'transform': {
        const output = this.variable();
        this.lines.push(`const ${output} = ${this.ref(action.operation)}(${input});`);
        return output;
      }
    }
    const dataset = this.variable();
    this.lines.push(
      `const ${dataset} = ${this.ref(action)}['~run']({ typed: true, value: ${input} }, CONFIG);`,
      `if (${dataset}.issues !== undefined) return NOT;`,
    );
    return `${dataset}.value`;
  }
}
