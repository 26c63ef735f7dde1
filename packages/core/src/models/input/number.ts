import * as v from 'valibot';
import { describeValue } from './describe-value';
import { MAX_BOOKINGS_PAGE_SIZE, MAX_LENGTH_IN_MINUTES } from './limits';

const cache = new Map<string, ReturnType<typeof buildIntegerSchema>>();

function buildIntegerSchema(minimum: number, maximum: number) {
  // A range without a real upper bound is told as "N or more", not up to 9007199254740991.
  const message =
    maximum === Number.MAX_SAFE_INTEGER
      ? (issue: { readonly input: unknown }) =>
          `expected a whole number of ${minimum} or more, got ${describeValue(issue.input)}. Use ${minimum} or a larger whole number.`
      : (issue: { readonly input: unknown }) =>
          `expected a whole number from ${minimum} to ${maximum}, got ${describeValue(issue.input)}. Use a value between ${minimum} and ${maximum}.`;
  return v.pipe(v.number(message), v.integer(message), v.minValue(minimum, message), v.maxValue(maximum, message));
}

/**
 * A whole number from `minimum` to `maximum`. One schema object per range, so every field with the same range
 * shares it.
 *
 * @param minimum The smallest allowed value.
 * @param maximum The largest allowed value.
 * @returns The schema.
 */
export function integerInputSchema(minimum: number, maximum: number): ReturnType<typeof buildIntegerSchema> {
  const key = `${minimum}..${maximum}`;
  let schema = cache.get(key);
  if (schema === undefined) {
    schema = buildIntegerSchema(minimum, maximum);
    cache.set(key, schema);
  }
  return schema;
}

/** A length in minutes: 1 to 1440. */
export const LengthInMinutesInputSchema = integerInputSchema(1, MAX_LENGTH_IN_MINUTES);

/**
 * A page size of `GET /v2/bookings` (1 to 100) whose refusal of a larger one ends with how to see more.
 *
 * @param paging How to see more than one page, e.g. `page with skip to see more`.
 * @returns The schema.
 */
export function pageSizeInputSchema(paging: string) {
  const range = (issue: { readonly input: unknown }) =>
    `expected a whole number from 1 to ${MAX_BOOKINGS_PAGE_SIZE}, got ${describeValue(issue.input)}. Use a value between 1 and ${MAX_BOOKINGS_PAGE_SIZE}.`;
  return v.pipe(
    v.number(range),
    v.integer(range),
    v.minValue(1, range),
    v.maxValue(
      MAX_BOOKINGS_PAGE_SIZE,
      (issue) =>
        `expected a whole number from 1 to ${MAX_BOOKINGS_PAGE_SIZE}, got ${describeValue(issue.input)}. Use at most ${MAX_BOOKINGS_PAGE_SIZE} and ${paging}.`,
    ),
  );
}

/** A page size of `GET /v2/bookings`: 1 to 100; a larger one is told to page with `skip`. */
export const PageSizeInputSchema = pageSizeInputSchema('page with skip to see more');

/** How many items to skip: 0 or more. */
export const SkipInputSchema = integerInputSchema(0, Number.MAX_SAFE_INTEGER);

/** A phone number in E.164 format: `+`, a country code and up to 15 digits in all. */
export const PhoneNumberInputSchema = v.pipe(
  v.string(
    (issue) =>
      `expected an E.164 phone number (a string), got ${describeValue(issue.input)}. Use the international format, e.g. +393331234567.`,
  ),
  v.regex(
    /^\+[1-9]\d{6,14}$/,
    (issue) =>
      `${describeValue(issue.input)} is not an E.164 phone number. Use the international format, e.g. +393331234567.`,
  ),
);
