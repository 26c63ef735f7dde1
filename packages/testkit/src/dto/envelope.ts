import type { PaginationMetaDto } from '../generated/dto.generated';

/** Pagination block of paginated list responses (`PaginationMetaDto`). */
export type PaginationMeta = PaginationMetaDto;

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
