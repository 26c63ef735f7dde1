import * as v from 'valibot';
import { describeValue } from './describe-value';

/** The sort orders of Cal.com's list endpoints (`sortStart`, `sortEnd`, `sortCreated` of `GET /v2/bookings`). */
export const SORT_ORDERS = ['asc', 'desc'] as const;

/** A sort order: `asc` or `desc`. */
export type SortOrder = (typeof SORT_ORDERS)[number];

/** A sort order, `asc` (oldest first) or `desc` (newest first). */
export const SortOrderInputSchema = v.picklist(
  SORT_ORDERS,
  (issue) => `expected "asc" or "desc", got ${describeValue(issue.input)}. Use "asc" (earliest first) or "desc".`,
);
