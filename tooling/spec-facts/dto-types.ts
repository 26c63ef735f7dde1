/**
 * Turns component schemas of Cal.com's OpenAPI document into TypeScript declarations: one `interface` per object
 * schema (a property is optional unless the schema lists it in `required`; `nullable` adds `| null`), one `type` per
 * other schema, every schema a root refers to included, sorted by name. The output is already in the repository's
 * biome format, so `biome check` leaves it as generated.
 */
import { formatPointer, isJsonObject, type JsonObject, valueAt } from './document';

/** The schemas the testkit serves (responses and the objects inside them), sorted by name. */
export const DTO_ROOTS: readonly string[] = [
  'BaseConfirmationPolicy_2024_06_14',
  'BookingOutput_2024_08_13',
  'BusyTimesOutput',
  'ConnectedCalendarsData',
  'DeleteData_2024_06_14',
  'EventTypeOutput_2024_06_14',
  'MeOutput',
  'PaginationMetaDto',
  'ReserveSlotOutput_2024_09_04',
  'ScheduleOutput_2024_06_11',
  'TeamEventTypeOutput_2024_06_14',
  'TeamMembershipOutput',
  'TeamOutputDto',
  'UserWebhookOutputDto',
];

/** The widest line biome keeps (biome.json `lineWidth`). */
const LINE_WIDTH = 120;

/** The prefix of a local `$ref`. */
const REF_PREFIX = '#/components/schemas/';

/**
 * Renders the declarations of the roots and of every schema they refer to.
 *
 * @param document The parsed document.
 * @param roots The component schemas to start from.
 * @returns The declarations, sorted by name, separated by blank lines.
 * @throws An `Error` naming the schema when a root or a `$ref` is missing or not local.
 */
export function renderDtoTypes(document: unknown, roots: readonly string[] = DTO_ROOTS): string {
  const pending = [...roots];
  const seen = new Set<string>();
  const declarations = new Map<string, string>();
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const pointer = ['components', 'schemas', name];
    const schema = valueAt(document, pointer);
    if (!isJsonObject(schema)) throw new Error(`${formatPointer(pointer)} is not a schema object.`);
    const refer = (ref: string) => {
      pending.push(ref);
      return identifier(ref);
    };
    declarations.set(name, renderDeclaration(name, schema, refer));
  }
  return [...declarations.keys()]
    .sort()
    .map((name) => declarations.get(name))
    .join('\n\n');
}

/**
 * Renders one component schema as an interface (objects with properties) or a type alias.
 *
 * @param name The schema's name.
 * @param schema The schema.
 * @param refer Records a referenced schema and returns its identifier.
 * @returns The declaration with its doc comment.
 */
function renderDeclaration(name: string, schema: JsonObject, refer: (ref: string) => string): string {
  const comment = `/** \`${REF_PREFIX}${name}\` */`;
  if (isJsonObject(schema.properties) && schema.allOf === undefined && schema.oneOf === undefined) {
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const members = Object.entries(schema.properties).map(([key, value]) => {
      const head = `  ${propertyKey(key)}${required.has(key) ? '' : '?'}:`;
      const type = typeOf(value, refer, head.length + 1);
      return `${head}${type.startsWith('\n') ? '' : ' '}${type};`;
    });
    return `${comment}\nexport interface ${identifier(name)} {\n${members.join('\n')}\n}`;
  }
  const head = `export type ${identifier(name)} =`;
  const type = typeOf(schema, refer, head.length + 1);
  return `${comment}\n${head}${type.startsWith('\n') ? '' : ' '}${type};`;
}

/**
 * Renders a schema as a TypeScript type.
 *
 * @param schema The schema.
 * @param refer Records a referenced schema and returns its identifier.
 * @param column The column the type starts at, to decide whether a union fits on the line.
 * @returns The type.
 */
function typeOf(schema: unknown, refer: (ref: string) => string, column: number): string {
  if (!isJsonObject(schema)) return 'unknown';
  if (schema.type === 'array' && schema.nullable !== true && isJsonObject(schema.items)) {
    const items = members(schema.items, refer);
    if (items.length > 1 && column + `(${items.join(' | ')})[];`.length > LINE_WIDTH) {
      return `(${items.map((item) => `\n    | ${item}`).join('')}\n  )[]`;
    }
  }
  const base = baseTypeOf(schema, refer);
  return union(schema.nullable === true ? [...base, 'null'] : base, column);
}

/**
 * Renders a schema as the members of a union (without `null` for `nullable`).
 *
 * @param schema The schema.
 * @param refer Records a referenced schema and returns its identifier.
 * @returns The members, deduplicated.
 */
function baseTypeOf(schema: JsonObject, refer: (ref: string) => string): string[] {
  if (typeof schema.$ref === 'string') {
    if (!schema.$ref.startsWith(REF_PREFIX)) throw new Error(`Only local $refs are supported, got ${schema.$ref}.`);
    return [refer(schema.$ref.slice(REF_PREFIX.length))];
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives)) return unique(alternatives.flatMap((item) => members(item, refer)));
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((item) => parenthesize(members(item, refer)));
    return [parts.join(' & ')];
  }
  if (schema.type === 'array') {
    const items = isJsonObject(schema.items) ? members(schema.items, refer) : ['unknown'];
    return [`${parenthesize(items)}[]`];
  }
  if (Array.isArray(schema.enum)) return unique(schema.enum.map((value) => literal(value)));
  switch (schema.type) {
    case 'string':
      return ['string'];
    case 'number':
    case 'integer':
      return ['number'];
    case 'boolean':
      return ['boolean'];
    case 'object':
      if (isJsonObject(schema.additionalProperties)) {
        return [`Record<string, ${parenthesize(members(schema.additionalProperties, refer))}>`];
      }
      return ['Record<string, unknown>'];
    default:
      return ['unknown'];
  }
}

/**
 * Renders a nested schema as union members, `null` included when it is nullable.
 *
 * @param schema The schema.
 * @param refer Records a referenced schema and returns its identifier.
 * @returns The members.
 */
function members(schema: unknown, refer: (ref: string) => string): string[] {
  if (!isJsonObject(schema)) return ['unknown'];
  const base = baseTypeOf(schema, refer);
  return schema.nullable === true ? [...base, 'null'] : base;
}

/**
 * Joins union members on one line, or one member a line (biome's layout) when the line would be too wide.
 *
 * @param parts The members.
 * @param column The column the union starts at.
 * @returns The union.
 */
function union(parts: readonly string[], column: number): string {
  const line = parts.join(' | ');
  if (parts.length < 2 || column + line.length + 1 <= LINE_WIDTH) return line;
  return parts.map((part) => `\n    | ${part}`).join('');
}

/**
 * Wraps a union in parentheses when it is used as an array item or intersection part.
 *
 * @param parts The members.
 * @returns The type.
 */
function parenthesize(parts: readonly string[]): string {
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' | ')})`;
}

/**
 * Removes repeated members, keeping the first of each.
 *
 * @param parts The members.
 * @returns The members, each once.
 */
function unique(parts: readonly string[]): string[] {
  return [...new Set(parts)];
}

/**
 * Renders an enum value as a literal type in biome's quote style.
 *
 * @param value The value.
 * @returns The literal.
 */
function literal(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return 'unknown';
}

/**
 * Quotes a string with single quotes, as biome writes it.
 *
 * @param value The string.
 * @returns The quoted string.
 */
export function quote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/**
 * Writes a property name, quoted when it is not an identifier.
 *
 * @param key The name.
 * @returns The key.
 */
function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

/**
 * Turns a schema name into an identifier (characters other than letters, digits, `_` and `$` become `_`).
 *
 * @param name The schema name.
 * @returns The identifier.
 */
function identifier(name: string): string {
  return name.replace(/[^\w$]/g, '_');
}
