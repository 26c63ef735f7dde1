import * as v from 'valibot';
import { PaginationSchema } from '../pagination';

/**
 * Creates the schema of a success envelope `{ status: 'success', data }`.
 *
 * @param data The schema of `data`.
 * @returns The envelope schema.
 */
export function successEnvelope<TData extends v.GenericSchema>(data: TData) {
  return v.object({ status: v.literal('success'), data });
}

/**
 * Creates the schema of a paginated success envelope `{ status: 'success', data, pagination }`.
 *
 * @param data The schema of `data`.
 * @returns The envelope schema.
 */
export function paginatedEnvelope<TData extends v.GenericSchema>(data: TData) {
  return v.object({ status: v.literal('success'), data, pagination: PaginationSchema });
}
