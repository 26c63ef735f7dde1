import * as v from 'valibot';
import { describeValue } from './describe-value';

/** The problem and fix of empty or blank text. */
const BLANK = 'is empty or blank (only spaces). Pass some text, or leave the field out where it is optional.';

const cache = new Map<number, ReturnType<typeof buildTextSchema>>();

function buildTextSchema(maxLength: number) {
  return v.pipe(
    v.string((issue) => `expected text (a string), got ${describeValue(issue.input)}. Pass some text.`),
    v.minLength(1, BLANK),
    v.check((value) => value.trim() !== '', BLANK),
    v.maxLength(
      maxLength,
      (issue) => `is ${(issue.input as string).length} characters long. Shorten it to at most ${maxLength} characters.`,
    ),
  );
}

/**
 * Free text of 1 to `maxLength` characters that is not blank (only spaces): names, titles, notes, reasons. Any
 * Unicode is accepted; the value is kept as given (the client trims what it sends). One schema object per limit, so
 * every field with the same limit shares it.
 *
 * @param maxLength The longest text accepted (a limit from `limits.ts`).
 * @returns The text schema.
 */
export function textInputSchema(maxLength: number): ReturnType<typeof buildTextSchema> {
  let schema = cache.get(maxLength);
  if (schema === undefined) {
    schema = buildTextSchema(maxLength);
    cache.set(maxLength, schema);
  }
  return schema;
}
