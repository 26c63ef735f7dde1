import { MAX_BOOKINGS_PAGE_SIZE, PageSizeInputSchema, SkipInputSchema } from '@calcom-int/core/schemas';
import * as v from 'valibot';

/** Largest page a list tool returns: the largest page of `GET /v2/bookings`. */
export const MAX_LIMIT = MAX_BOOKINGS_PAGE_SIZE;

/** Page size used when `limit` is left out. */
export const DEFAULT_LIMIT = 10;

/** Page size: core's page-size rule (1 to 100), 10 when left out. */
export const LimitSchema = v.optional(PageSizeInputSchema, DEFAULT_LIMIT);

/** Items to skip before the page: core's skip rule (0 or more), 0 when left out. */
export const SkipSchema = v.optional(SkipInputSchema, 0);
