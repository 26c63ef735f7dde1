import * as v from 'valibot';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import type { CalComEvent } from '../../models/booking';
import { IdSchema } from '../../models/id';
import { IdInputSchema } from '../../models/input';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, uidParam } from '../common/context';
import { sendCreatingWrite } from '../common/read-back';
import { invalidField, parseField, requireObject } from '../common/validate';
import { reasonOf } from './booking-input';
import { getBooking } from './booking-requests';

/** Params of `cal.bookings.reassign`. */
export interface ReassignBookingInput {
  /** The host to move the booking to (a host of its round-robin event type). Default: Cal.com picks a free host. */
  readonly userId?: number;
  /** Why, shown to the hosts; only with `userId` (Cal.com's automatic reassignment takes no body). */
  readonly reason?: string;
}

/** The host a booking was moved to. */
export interface ReassignedHost {
  /** The user id. */
  readonly id: number;
  /** The name. */
  readonly name: string | null;
  /** The email address. */
  readonly email: string;
}

/** The result of `cal.bookings.reassign`. */
export interface ReassignmentResult {
  /** The booking's UID (it keeps its UID). */
  readonly bookingUid: string;
  /** The new host. */
  readonly reassignedTo: ReassignedHost;
  /**
   * `true` when Cal.com's answer was lost (timeout, reset, 5xx or an unreadable body) and reading the booking back
   * showed the new host.
   */
  readonly verifiedByReadBack: boolean;
}

/** `ReassignBookingOutput_2024_08_13` data (the document's schema refers to itself, docs/CALCOM-API.md §9.10). */
const ReassignDtoSchema = v.object({
  bookingUid: v.string(),
  reassignedTo: v.object({ id: IdSchema, name: v.nullish(v.string()), email: v.string() }),
});

function hostIds(booking: CalComEvent): number[] {
  return booking.hosts.map((host) => host.id);
}

/**
 * The body of `cal.bookings.reassign`: reads the booking (its hosts before), sends the reassignment once (Cal.com picks
 * the host, so a blind retry could move it twice), and after an ambiguous failure reads the booking back: a new host
 * (the chosen one, with `userId`) means it happened.
 */
export async function reassignBooking(
  context: ResourceContext,
  uid: string,
  params: ReassignBookingInput,
  options: RequestOptions | undefined,
): Promise<ReassignmentResult> {
  const bookingUid = uidParam(uid, 'uid');
  requireObject(params, 'input', '{ userId?, reason? }');
  const userId = params.userId === undefined ? undefined : parseField(IdInputSchema, params.userId, 'userId');
  const reason = reasonOf({ ...(params.reason === undefined ? {} : { reason: params.reason }) });
  if (reason !== undefined && userId === undefined) {
    throw invalidField(
      'reason',
      "is sent only with userId: Cal.com's automatic reassignment takes no reason",
      'Drop the reason, or choose the new host with userId.',
    );
  }
  const before = hostIds(await getBooking(context, bookingUid, options));
  const path =
    userId === undefined
      ? `/bookings/${pathParam(bookingUid)}/reassign`
      : `/bookings/${pathParam(bookingUid)}/reassign/${pathParam(userId, 'userId')}`;
  const outcome = await sendCreatingWrite({
    send: async () => {
      const { data } = await context.executor.execute(
        {
          method: 'POST',
          path,
          ...(userId === undefined ? {} : { body: reason === undefined ? {} : { reason } }),
          resource: 'bookings',
          retry: 'create',
          schema: ReassignDtoSchema,
        },
        options,
      );
      return {
        bookingUid: data.bookingUid,
        reassignedTo: { ...data.reassignedTo, name: data.reassignedTo.name ?? null },
      };
    },
    find: async () => {
      const after = await getBooking(context, bookingUid, options);
      const moved = after.hosts.find((host) =>
        userId === undefined ? !before.includes(host.id) : host.id === userId && !before.includes(userId),
      );
      return moved === undefined
        ? undefined
        : { bookingUid, reassignedTo: { id: moved.id, name: moved.name ?? null, email: moved.email } };
    },
    unknownOutcome: (cause) =>
      new CalComUnknownOutcomeError(
        `The reassignment of booking ${bookingUid} failed after it was sent, and the booking shows no new host yet, so it may or may not have moved.`,
        {
          operation: 'bookings.get',
          params: { uid: bookingUid },
          meaning: ': if its host changed, the reassignment happened; otherwise reassign again.',
        },
        cause,
      ),
  });
  return { ...outcome.value, verifiedByReadBack: outcome.verifiedByReadBack };
}
