import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { type CalComEvent, CalComEventSchema } from '../../models/booking';
import { EmailInputSchema, LocaleInputSchema, PhoneNumberInputSchema, TimeZoneInputSchema } from '../../models/input';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, uidParam } from '../common/context';
import { sendCreatingWrite } from '../common/read-back';
import { invalidField, parseField, requireObject } from '../common/validate';
import { getBooking } from './booking-requests';
import { lower, nameSchema, refuseUnknownKeys } from './people-input';

// The guests of one booking: `POST /v2/bookings/{uid}/guests` (docs/CALCOM-API.md §7.5).

/** The most guests one `POST /v2/bookings/{uid}/guests` adds [spec]. */
export const MAX_GUESTS_PER_REQUEST = 10;
/** The most attendees (guests included) a booking may have after adding guests [src]. */
export const MAX_ATTENDEES_PER_BOOKING = 30;

/** One guest of `cal.bookings.addGuests`: only the email is required. */
export interface GuestInput {
  /** The guest's email address. */
  readonly email: string;
  /** The guest's name. */
  readonly name?: string;
  /** The guest's IANA time zone. */
  readonly timeZone?: string;
  /** The guest's phone number in E.164 format. */
  readonly phoneNumber?: string;
  /** The guest's language, one of Cal.com's locales. */
  readonly language?: string;
}

/** Params of `cal.bookings.addGuests`. */
export interface AddGuestsInput {
  /** 1 to 10 guests, none of them already an attendee; a booking holds at most 30 attendees. */
  readonly guests: readonly GuestInput[];
}

/** Checks the params of `addGuests` and builds the body's guests. */
export function checkAddGuestsInput(params: AddGuestsInput): Record<string, string>[] {
  requireObject(params, 'input', '{ guests: [{ email }] }');
  refuseUnknownKeys(params, ['guests'], '');
  const guests: unknown = params.guests;
  if (!Array.isArray(guests) || guests.length === 0 || guests.length > MAX_GUESTS_PER_REQUEST) {
    throw invalidField(
      'guests',
      Array.isArray(guests)
        ? `expected 1 to ${MAX_GUESTS_PER_REQUEST} guests, got ${guests.length}`
        : 'expected an array of guests',
      `Pass [{ email }] with 1 to ${MAX_GUESTS_PER_REQUEST} guests (Cal.com adds at most ${MAX_GUESTS_PER_REQUEST} a request).`,
    );
  }
  const seen = new Set<string>();
  return guests.map((guest: unknown, index) => {
    const path = `guests.${index}`;
    requireObject(guest, path, '{ email, name?, timeZone? }');
    const item = guest as GuestInput;
    refuseUnknownKeys(item, ['email', 'name', 'timeZone', 'phoneNumber', 'language'], path);
    const email = parseField(EmailInputSchema, item.email, `${path}.email`);
    if (seen.has(lower(email)))
      throw invalidField(`${path}.email`, `${email} is listed twice`, 'List each guest once.');
    seen.add(lower(email));
    const out: Record<string, string> = { email };
    if (item.name !== undefined) out.name = parseField(nameSchema, item.name, `${path}.name`).trim();
    if (item.timeZone !== undefined) out.timeZone = parseField(TimeZoneInputSchema, item.timeZone, `${path}.timeZone`);
    if (item.phoneNumber !== undefined) {
      out.phoneNumber = parseField(PhoneNumberInputSchema, item.phoneNumber, `${path}.phoneNumber`);
    }
    if (item.language !== undefined) out.language = parseField(LocaleInputSchema, item.language, `${path}.language`);
    return out;
  });
}

/**
 * `POST /v2/bookings/{uid}/guests`, never sent twice; an ambiguous failure is settled by reading the booking back (all
 * guests among its attendees).
 */
export async function addGuests(
  context: ResourceContext,
  uid: string,
  params: AddGuestsInput,
  options: RequestOptions | undefined,
): Promise<{ booking: CalComEvent; verifiedByReadBack: boolean }> {
  const bookingUid = uidParam(uid, 'uid');
  const guests = checkAddGuestsInput(params);
  const current = await getBooking(context, bookingUid, options);
  if (current.status === 'cancelled' || current.status === 'rejected') {
    throw invalidField('uid', `booking ${bookingUid} is ${current.status}`, 'Add guests to an active booking.');
  }
  const present = new Set(current.attendees.flatMap((attendee) => (attendee.email ? [lower(attendee.email)] : [])));
  guests.forEach((guest, index) => {
    if (present.has(lower(guest.email ?? ''))) {
      throw invalidField(
        `guests.${index}.email`,
        `${guest.email} is already an attendee of booking ${bookingUid}`,
        'Leave it out.',
      );
    }
  });
  if (current.attendees.length + guests.length > MAX_ATTENDEES_PER_BOOKING) {
    throw invalidField(
      'guests',
      `booking ${bookingUid} has ${current.attendees.length} attendees and a booking holds at most ${MAX_ATTENDEES_PER_BOOKING}`,
      `Add at most ${Math.max(0, MAX_ATTENDEES_PER_BOOKING - current.attendees.length)} guests.`,
    );
  }
  const emails = guests.map((guest) => lower(guest.email ?? ''));
  const outcome = await sendCreatingWrite({
    send: async () =>
      (
        await context.executor.execute(
          {
            method: 'POST',
            path: `/bookings/${pathParam(bookingUid)}/guests`,
            body: { guests },
            resource: 'bookings',
            retry: 'create',
            schema: CalComEventSchema,
          },
          options,
        )
      ).data,
    find: async () => {
      const booking = await getBooking(context, bookingUid, options);
      const now = new Set(booking.attendees.flatMap((attendee) => (attendee.email ? [lower(attendee.email)] : [])));
      return emails.every((email) => now.has(email)) ? booking : undefined;
    },
    unknownOutcome: (cause) =>
      new CalComUnknownOutcomeError(
        `Adding guests to booking ${bookingUid} failed after it was sent, and not all of them were found among its attendees yet, so they may or may not have been added.`,
        {
          operation: 'bookings.get',
          params: { uid: bookingUid },
          meaning: ': add only the guests still missing from its attendees.',
        },
        cause,
      ),
  });
  return { booking: outcome.value, verifiedByReadBack: outcome.verifiedByReadBack };
}
