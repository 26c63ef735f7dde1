import * as v from 'valibot';

/**
 * Schema of a Cal.com numeric id in a response: a positive safe integer. `1e308`, `0`, `-1`, `1.5` and ids above
 * `Number.MAX_SAFE_INTEGER` (which JSON parsing rounds, so they would name another record) are refused, so that an id
 * read from an answer can be reused in a path as is.
 */
export const IdSchema = v.pipe(
  v.number(),
  v.safeInteger('Expected an id: a positive whole number no larger than Number.MAX_SAFE_INTEGER.'),
  v.minValue(1, 'Expected an id: a positive whole number no larger than Number.MAX_SAFE_INTEGER.'),
);

/**
 * Schema of a string id in a response (a webhook id): letters, digits, `-` and `_`, 1–255 characters, the same rule the
 * client applies before a string id goes into a path, so an id read from an answer can be passed back as is.
 */
export const StringIdSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,255}$/, 'Expected a string id: 1 to 255 letters, digits, "-" or "_".'),
);

/** Schema of a count in a response (pagination, sizes): a non-negative safe integer. */
export const CountSchema = v.pipe(
  v.number(),
  v.safeInteger('Expected a count: a whole number from 0 to Number.MAX_SAFE_INTEGER.'),
  v.minValue(0, 'Expected a count: a whole number from 0 to Number.MAX_SAFE_INTEGER.'),
);
