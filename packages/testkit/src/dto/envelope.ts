/** Pagination block of paginated list responses (`PaginationMetaDto`). */
export interface PaginationMeta {
  /** Number of items matching the query across all pages. */
  totalItems: number;
  /** Items left after this page. */
  remainingItems: number;
  /** Items in this page. */
  returnedItems: number;
  /** Requested page size (`take`). */
  itemsPerPage: number;
  /** One-based page number. */
  currentPage: number;
  /** Number of pages for this page size. */
  totalPages: number;
  /** Whether another page follows. */
  hasNextPage: boolean;
  /** Whether a page precedes this one. */
  hasPreviousPage: boolean;
}

/** Success envelope `{ status: 'success', data, pagination? }` that wraps every Cal.com v2 response. */
export interface SuccessEnvelope<T> {
  /** Always `success`. */
  status: 'success';
  /** The payload. */
  data: T;
  /** Present on paginated lists. */
  pagination?: PaginationMeta;
}

/** Error envelope written by Cal.com's `HttpExceptionFilter`. */
export interface ErrorEnvelope {
  /** Always `error`. */
  status: 'error';
  /** ISO 8601 time of the failure. */
  timestamp: string;
  /** The request URL (path and query). */
  path: string;
  /** The exception: its class name, message and `getResponse()` value. */
  error: {
    code: string;
    message: string;
    details?: unknown;
  };
}

/** Non-enveloped body Nest sends for unhandled errors. */
export interface BareErrorBody {
  statusCode: number;
  message: string;
}
