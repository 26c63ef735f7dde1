import type { RetryKind } from '../../internal/request-types';
import { type CalComEvent, CalComEventSchema } from '../../models/booking';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext } from '../common/context';
import { requireText } from '../common/validate';

/**
 * Gets one booking (`GET /v2/bookings/{uid}`).
 *
 * @param context The resource context.
 * @param uid The booking UID.
 * @param options The per-call options.
 * @returns The booking.
 */
export async function getBooking(
  context: ResourceContext,
  uid: string,
  options: RequestOptions | undefined,
): Promise<CalComEvent> {
  const bookingUid = requireText(uid, 'uid', 255);
  const result = await context.executor.execute(
    {
      method: 'GET',
      path: `/bookings/${pathParam(bookingUid)}`,
      resource: 'bookings',
      retry: 'idempotent',
      schema: CalComEventSchema,
    },
    options,
  );
  return result.data;
}

/**
 * Sends a `POST` on bookings that answers one booking: `retry: 'create'` for writes that must never be blindly
 * retried (create, reschedule; D6), `retry: 'idempotent'` for actions on an existing booking (cancel, confirm,
 * decline).
 *
 * @param context The resource context.
 * @param path The path.
 * @param body The body.
 * @param retry The retry kind.
 * @param options The per-call options.
 * @returns The booking.
 */
export async function postBooking(
  context: ResourceContext,
  path: string,
  body: unknown,
  retry: RetryKind,
  options: RequestOptions | undefined,
): Promise<CalComEvent> {
  const result = await context.executor.execute(
    { method: 'POST', path, body, resource: 'bookings', retry, schema: CalComEventSchema },
    options,
  );
  return result.data;
}
