/**
 * Reading facts out of Cal.com's OpenAPI document (packages/testkit/spec/v2.openapi.json) for the spec-facts
 * generator. The document is taken as plain JSON (`unknown`): the generator imports nothing from the packages it
 * writes into, so neither package depends on the other through it.
 */

/** One step of a {@link SpecPointer}: a property name, or the element of an array whose `name` is the given one. */
export type PointerStep = string | { readonly name: string };

/** A place in the document, e.g. `['components', 'schemas', 'BookingOutput_2024_08_13', 'properties', 'status']`. */
export type SpecPointer = readonly PointerStep[];

/** A JSON object of the document. */
export type JsonObject = { readonly [key: string]: unknown };

/**
 * Tells whether a value is a JSON object (not an array, not null).
 *
 * @param value The value.
 * @returns Whether it is an object.
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes a pointer as a JSON Pointer (RFC 6901), with `[name=…]` for an array element chosen by its `name`.
 *
 * @param pointer The pointer.
 * @returns The text, e.g. `#/paths/~1v2~1bookings/get/parameters/[name=status]/schema/items/enum`.
 */
export function formatPointer(pointer: SpecPointer): string {
  const steps = pointer.map((step) =>
    typeof step === 'string' ? step.replaceAll('~', '~0').replaceAll('/', '~1') : `[name=${step.name}]`,
  );
  return `#/${steps.join('/')}`;
}

/**
 * Follows a pointer into the document.
 *
 * @param document The parsed document.
 * @param pointer The place.
 * @returns The value there.
 * @throws An `Error` naming the pointer and the step that is missing, so a renamed schema or field in a new document
 *   is reported rather than generated as nothing.
 */
export function valueAt(document: unknown, pointer: SpecPointer): unknown {
  let value: unknown = document;
  for (const [index, step] of pointer.entries()) {
    let next: unknown;
    if (typeof step === 'string') {
      next = isJsonObject(value) ? value[step] : undefined;
    } else if (Array.isArray(value)) {
      next = value.find((element) => isJsonObject(element) && element.name === step.name);
    }
    if (next === undefined) {
      throw new Error(
        `The OpenAPI document has nothing at ${formatPointer(pointer.slice(0, index + 1))} (looking for ` +
          `${formatPointer(pointer)}). If the new document renamed or removed it, update the fact's place in ` +
          'tooling/spec-facts/facts.ts and the code that uses the fact.',
      );
    }
    value = next;
  }
  return value;
}

/**
 * Reads the `enum` of the schema at a pointer (for an array schema, the `enum` of its items).
 *
 * @param document The parsed document.
 * @param pointer The schema's place.
 * @returns The values, in the document's order.
 * @throws An `Error` naming the pointer when the schema has no enum of strings or numbers.
 */
export function enumAt(document: unknown, pointer: SpecPointer): readonly (string | number)[] {
  const schema = valueAt(document, pointer);
  const values = isJsonObject(schema)
    ? schema.type === 'array' && isJsonObject(schema.items)
      ? schema.items.enum
      : schema.enum
    : undefined;
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    !values.every((value) => typeof value === 'string' || typeof value === 'number')
  ) {
    throw new Error(
      `The schema at ${formatPointer(pointer)} has no enum of strings or numbers. Point the fact in ` +
        'tooling/spec-facts/facts.ts at a schema with an enum.',
    );
  }
  return values;
}
