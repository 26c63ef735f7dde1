import * as v from 'valibot';

/** Pagination DTO schema (`PaginationMetaDto`). */
export const PaginationSchema = v.object({
  totalItems: v.number(),
  remainingItems: v.number(),
  returnedItems: v.number(),
  itemsPerPage: v.number(),
  currentPage: v.number(),
  totalPages: v.number(),
  hasNextPage: v.boolean(),
  hasPreviousPage: v.boolean(),
});

/** Pagination of a list response. */
export type Pagination = v.InferOutput<typeof PaginationSchema>;

/** One page of a list: the items and the pagination. */
export interface Page<T> {
  /** The items of this page. */
  readonly items: T[];
  /** The pagination of the list. */
  readonly pagination: Pagination;
}
