import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { LOCATION_INTEGRATIONS } from '../../generated/spec-facts.generated';
import { type CalComEvent, CalComEventSchema } from '../../models/booking';
import { MAX_NAME_LENGTH, PhoneNumberInputSchema, textInputSchema } from '../../models/input';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, uidParam } from '../common/context';
import { type ReadBack, sendRepeatableWrite } from '../common/read-back';
import { invalidField, parseField, requireObject } from '../common/validate';
import { getBooking } from './booking-requests';
import { nameSchema, refuseUnknownKeys } from './people-input';

// Changing the location of one booking: `PATCH /v2/bookings/{uid}/location` (docs/CALCOM-API.md §7.5). The location
// of a new booking is booking-location.ts.

/** A booking location, as `PATCH /v2/bookings/{uid}/location` takes it (`UpdateBookingLocationInput_2024_08_13`). */
export type BookingLocationInput =
  /** An address the organizer gives. */
  | { readonly type: 'address'; readonly address: string }
  /** The attendee's address. */
  | { readonly type: 'attendeeAddress'; readonly address: string }
  /** A place the attendee names. */
  | { readonly type: 'attendeeDefined'; readonly location: string }
  /** The attendee's phone number (the organizer calls). */
  | { readonly type: 'attendeePhone'; readonly phone: string }
  /** A meeting link the organizer gives. */
  | { readonly type: 'link'; readonly link: string }
  /** The organizer's phone number. */
  | { readonly type: 'phone'; readonly phone: string }
  /** A conferencing app, e.g. `cal-video`, `google-meet`, `zoom`. */
  | { readonly type: 'integration'; readonly integration: string };

/** Params of `cal.bookings.updateLocation`. */
export interface UpdateLocationInput {
  /** The new location. */
  readonly location: BookingLocationInput;
}

/** The field of each location type that holds its value. */
const LOCATION_FIELDS = {
  address: 'address',
  attendeeAddress: 'address',
  attendeeDefined: 'location',
  attendeePhone: 'phone',
  link: 'link',
  phone: 'phone',
  integration: 'integration',
} as const;

type LocationType = keyof typeof LOCATION_FIELDS;

/** Checks the params of `updateLocation` and builds the body's location. */
export function checkUpdateLocationInput(params: UpdateLocationInput): Record<string, string> {
  requireObject(params, 'input', "{ location: { type: 'link', link } }");
  refuseUnknownKeys(params, ['location'], '');
  const location: unknown = params.location;
  requireObject(
    location,
    'location',
    "{ type: 'link', link } (or address, attendeeAddress, attendeeDefined, attendeePhone, phone, integration)",
  );
  const { type } = location as { type?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(LOCATION_FIELDS, type)) {
    throw invalidField(
      'location.type',
      `${JSON.stringify(type) ?? 'undefined'} is not a location type`,
      `Use one of ${Object.keys(LOCATION_FIELDS).join(', ')}.`,
    );
  }
  const field = LOCATION_FIELDS[type as LocationType];
  refuseUnknownKeys(location as object, ['type', field], 'location');
  const raw = (location as Record<string, unknown>)[field];
  const path = `location.${field}`;
  let value: string;
  if (field === 'phone') value = parseField(PhoneNumberInputSchema, raw, path);
  else if (field === 'integration') {
    if (typeof raw !== 'string' || !(LOCATION_INTEGRATIONS as readonly string[]).includes(raw)) {
      throw invalidField(
        path,
        `${JSON.stringify(raw) ?? 'undefined'} is not an integration Cal.com takes`,
        `Use one of ${LOCATION_INTEGRATIONS.join(', ')}.`,
      );
    }
    value = raw;
  } else if (field === 'link') {
    value = parseField(nameSchema, raw, path).trim();
    if (!/^https?:\/\/\S+$/.test(value)) {
      throw invalidField(
        path,
        `${JSON.stringify(value)} is not an http(s) URL`,
        'Pass the meeting link, e.g. https://meet.google.com/abc-defg-hij.',
      );
    }
  } else value = parseField(textInputSchema(MAX_NAME_LENGTH), raw, path).trim();
  return { type, [field]: value };
}

/**
 * `PATCH /v2/bookings/{uid}/location`, absolute, so it is repeatable: after an ambiguous failure the booking is read
 * back, and a location other than an integration is visible in `location`.
 */
export async function updateLocation(
  context: ResourceContext,
  uid: string,
  params: UpdateLocationInput,
  options: RequestOptions | undefined,
): Promise<{ booking: CalComEvent; verifiedByReadBack: boolean }> {
  const bookingUid = uidParam(uid, 'uid');
  const location = checkUpdateLocationInput(params);
  const field = LOCATION_FIELDS[location.type as LocationType];
  const expected = field === 'integration' ? undefined : location[field];
  const outcome = await sendRepeatableWrite({
    send: async (retry) =>
      (
        await context.executor.execute(
          {
            method: 'PATCH',
            path: `/bookings/${pathParam(bookingUid)}/location`,
            body: { location },
            resource: 'bookings',
            retry,
            schema: CalComEventSchema,
          },
          options,
        )
      ).data,
    readBack: async (): Promise<ReadBack<CalComEvent>> => {
      // How Cal.com writes an integration into `location` is not documented, so only other types can be confirmed.
      if (expected === undefined) return { state: 'unknown' };
      const booking = await getBooking(context, bookingUid, options);
      return booking.location === expected ? { state: 'done', value: booking } : { state: 'not-done' };
    },
    refusalMayBeOurs: () => false,
    unknownOutcome: (cause) =>
      new CalComUnknownOutcomeError(
        `The location change of booking ${bookingUid} failed after it was sent, and reading it back did not show the new location, so it may or may not have changed.`,
        {
          operation: 'bookings.get',
          params: { uid: bookingUid },
          meaning: ': if `location` is not the new one, change it again.',
        },
        cause,
      ),
  });
  return { booking: outcome.value, verifiedByReadBack: outcome.verifiedByReadBack };
}
