import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { type CalComEvent, CalComEventSchema } from '../../models/booking';
import { EmailInputSchema } from '../../models/input';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, uidParam } from '../common/context';
import { type ReadBack, sendRepeatableWrite } from '../common/read-back';
import { invalidField, parseField, requireObject } from '../common/validate';
import { getBooking } from './booking-requests';
import { lower, refuseUnknownKeys } from './people-input';

// The no-shows of one booking: `POST /v2/bookings/{uid}/mark-absent` (docs/CALCOM-API.md §7.5).

/** Params of `cal.bookings.markAbsent`: who did not show up. At least one of `host` and `attendees`. */
export interface MarkAbsentInput {
  /** `true` when the host was absent, `false` to clear it. */
  readonly host?: boolean;
  /** Attendees by email, each with `absent: true` (no-show) or `false` (clears it). */
  readonly attendees?: readonly { readonly email: string; readonly absent: boolean }[];
}

/** Checks the params of `markAbsent` against the booking and builds the body. */
export function checkMarkAbsentInput(
  params: MarkAbsentInput,
  booking: CalComEvent,
  now: number,
): { host?: boolean; attendees?: { email: string; absent: boolean }[] } {
  requireObject(params, 'input', '{ host?: boolean, attendees?: [{ email, absent }] }');
  refuseUnknownKeys(params, ['host', 'attendees'], '');
  const body: { host?: boolean; attendees?: { email: string; absent: boolean }[] } = {};
  if (params.host !== undefined) {
    if (typeof params.host !== 'boolean') {
      throw invalidField(
        'host',
        `expected true or false, got ${JSON.stringify(params.host)}`,
        'Pass true when the host did not show up.',
      );
    }
    body.host = params.host;
  }
  if (params.attendees !== undefined) {
    const attendees: unknown = params.attendees;
    if (!Array.isArray(attendees)) {
      throw invalidField('attendees', 'expected an array', 'Pass [{ email, absent: true }].');
    }
    const known = new Map(
      booking.attendees.flatMap((attendee) => (attendee.email ? [[lower(attendee.email), attendee.email]] : [])),
    );
    body.attendees = attendees.map((entry: unknown, index) => {
      const path = `attendees.${index}`;
      requireObject(entry, path, '{ email, absent }');
      refuseUnknownKeys(entry as object, ['email', 'absent'], path);
      const { email: rawEmail, absent } = entry as { email?: unknown; absent?: unknown };
      const email = parseField(EmailInputSchema, rawEmail, `${path}.email`);
      const match = known.get(lower(email));
      if (match === undefined) {
        throw invalidField(
          `${path}.email`,
          `${email} is not an attendee of booking ${booking.uid} (attendees: ${[...known.values()].join(', ') || 'none'})`,
          'Use an attendee email from the booking.',
        );
      }
      if (typeof absent !== 'boolean') {
        throw invalidField(
          `${path}.absent`,
          `expected true or false, got ${JSON.stringify(absent) ?? 'undefined'}`,
          'Pass true for a no-show, false to clear it.',
        );
      }
      return { email: match, absent };
    });
  }
  if (body.host === undefined && (body.attendees === undefined || body.attendees.length === 0)) {
    throw invalidField('input', 'names nobody', 'Pass host: true and/or attendees: [{ email, absent: true }].');
  }
  if (booking.status === 'cancelled' || booking.status === 'rejected') {
    throw invalidField(
      'uid',
      `booking ${booking.uid} is ${booking.status}`,
      'Only a booking that took place can have no-shows.',
    );
  }
  if (Date.parse(booking.start) > now) {
    throw invalidField(
      'uid',
      `booking ${booking.uid} starts at ${booking.start} and has not started yet`,
      'Mark no-shows once the meeting has started.',
    );
  }
  return body;
}

/** Whether a booking shows the absences a mark-absent body asked for. */
function showsAbsences(booking: CalComEvent, body: ReturnType<typeof checkMarkAbsentInput>): boolean {
  if (body.host !== undefined && (booking.absentHost === true) !== body.host) return false;
  return (body.attendees ?? []).every((wanted) =>
    booking.attendees.some(
      (attendee) =>
        attendee.email !== undefined &&
        lower(attendee.email) === lower(wanted.email) &&
        attendee.absent === wanted.absent,
    ),
  );
}

/**
 * `POST /v2/bookings/{uid}/mark-absent`, absolute flags, so repeatable: after an ambiguous failure the booking is read
 * back (`absentHost`, `attendees[].absent`).
 */
export async function markAbsent(
  context: ResourceContext,
  uid: string,
  params: MarkAbsentInput,
  options: RequestOptions | undefined,
): Promise<{ booking: CalComEvent; verifiedByReadBack: boolean }> {
  const bookingUid = uidParam(uid, 'uid');
  requireObject(params, 'input', '{ host?: boolean, attendees?: [{ email, absent }] }');
  const current = await getBooking(context, bookingUid, options);
  const body = checkMarkAbsentInput(params, current, context.now());
  const outcome = await sendRepeatableWrite({
    send: async (retry) =>
      (
        await context.executor.execute(
          {
            method: 'POST',
            path: `/bookings/${pathParam(bookingUid)}/mark-absent`,
            body,
            resource: 'bookings',
            retry,
            schema: CalComEventSchema,
          },
          options,
        )
      ).data,
    readBack: async (): Promise<ReadBack<CalComEvent>> => {
      const booking = await getBooking(context, bookingUid, options);
      return showsAbsences(booking, body) ? { state: 'done', value: booking } : { state: 'not-done' };
    },
    refusalMayBeOurs: () => false,
    unknownOutcome: (cause) =>
      new CalComUnknownOutcomeError(
        `Marking no-shows on booking ${bookingUid} failed after it was sent, and reading it back did not show them, so they may or may not be marked.`,
        {
          operation: 'bookings.get',
          params: { uid: bookingUid },
          meaning: ': `absentHost` and `attendees[].absent` show what is marked; mark the rest again.',
        },
        cause,
      ),
  });
  return { booking: outcome.value, verifiedByReadBack: outcome.verifiedByReadBack };
}
