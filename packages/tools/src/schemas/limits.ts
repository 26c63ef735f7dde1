import * as v from 'valibot';

/** Largest page a list tool returns. */
export const MAX_LIMIT = 100;

/** Page size used when `limit` is left out. */
export const DEFAULT_LIMIT = 10;

/** Page size: 1 to 100, 10 when left out. */
export const LimitSchema = v.optional(
  v.pipe(
    v.number(`must be a number from 1 to ${MAX_LIMIT}`),
    v.integer(`must be a whole number from 1 to ${MAX_LIMIT}`),
    v.minValue(1, `must be at least 1`),
    v.maxValue(MAX_LIMIT, `must be at most ${MAX_LIMIT}; page with skip to see more`),
  ),
  DEFAULT_LIMIT,
);

/** Items to skip before the page: 0 or more, 0 when left out. */
export const SkipSchema = v.optional(
  v.pipe(
    v.number('must be a number: how many items to skip'),
    v.integer('must be a whole number'),
    v.minValue(0, 'must be 0 or more'),
  ),
  0,
);
