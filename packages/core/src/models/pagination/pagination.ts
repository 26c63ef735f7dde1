import * as v from 'valibot';
import { CountSchema } from '../id';

/** Pagination DTO schema (`PaginationMetaDto`). */
export const PaginationSchema = v.object({
  totalItems: CountSchema,
  remainingItems: CountSchema,
  returnedItems: CountSchema,
  itemsPerPage: CountSchema,
  currentPage: CountSchema,
  totalPages: CountSchema,
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
