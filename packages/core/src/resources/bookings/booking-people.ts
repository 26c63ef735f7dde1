import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { LOCATION_INTEGRATIONS } from '../../generated/spec-facts.generated';
import {
  type BookingAttendeeRecord,
  BookingAttendeeRecordSchema,
  BookingAttendeeRecordsSchema,
  type CalendarLink,
  CalendarLinksSchema,
} from '../../models/attendee';
import { type CalComEvent, CalComEventSchema } from '../../models/booking';
import {
  EmailInputSchema,
  IdInputSchema,
  LocaleInputSchema,
  MAX_NAME_LENGTH,
  PhoneNumberInputSchema,
  TimeZoneInputSchema,
  textInputSchema,
} from '../../models/input';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, uidParam } from '../common/context';
import { type ReadBack, sendCreatingWrite, sendRepeatableWrite } from '../common/read-back';
import { invalidField, parseField, requireObject } from '../common/validate';
import { getBooking } from './booking-requests';

// The attendees, guests, location, absence and calendar links of one booking (`/v2/bookings/{uid}/…`,
// docs/CALCOM-API.md §7.5). `BookingsResource` exposes them as methods.

/** The most guests one `POST /v2/bookings/{uid}/guests` adds [spec]. */
export const MAX_GUESTS_PER_REQUEST = 10;
/** The most attendees (guests included) a booking may have after adding guests [src]. */
export const MAX_ATTENDEES_PER_BOOKING = 30;

/** Params of `cal.bookings.addAttendee`. */
export interface AddAttendeeInput {
  /** The attendee's name. */
  readonly name: string;
  /** The attendee's email address. */
  readonly email: string;
  /** The attendee's IANA time zone. */
  readonly timeZone: string;
  /** The attendee's phone number in E.164 format. */
  readonly phoneNumber?: string;
  /** The attendee's language, one of Cal.com's locales (default `en`). */
  readonly language?: string;
}

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

/** Params of `cal.bookings.markAbsent`: who did not show up. At least one of `host` and `attendees`. */
export interface MarkAbsentInput {
  /** `true` when the host was absent, `false` to clear it. */
  readonly host?: boolean;
  /** Attendees by email, each with `absent: true` (no-show) or `false` (clears it). */
  readonly attendees?: readonly { readonly email: string; readonly absent: boolean }[];
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

const nameSchema = textInputSchema(MAX_NAME_LENGTH);

/** Refuses keys the caller may have misspelt, naming the ones allowed. */
function refuseUnknownKeys(value: object, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw invalidField(
        path === '' ? key : `${path}.${key}`,
        'is not a field Cal.com takes here',
        `Use only ${allowed.join(', ')}.`,
      );
    }
  }
}

const lower = (email: string) => email.toLowerCase();

/** `GET /v2/bookings/{uid}/attendees`. */
export async function listAttendees(
  context: ResourceContext,
  uid: string,
  options: RequestOptions | undefined,
): Promise<BookingAttendeeRecord[]> {
  const bookingUid = uidParam(uid, 'uid');
  const result = await context.executor.execute(
    {
      method: 'GET',
      path: `/bookings/${pathParam(bookingUid)}/attendees`,
      resource: 'bookings',
      retry: 'idempotent',
      schema: BookingAttendeeRecordsSchema,
    },
    options,
  );
  return result.data;
}

/** `GET /v2/bookings/{uid}/attendees/{attendeeId}`. */
export async function getAttendee(
  context: ResourceContext,
  uid: string,
  attendeeId: number,
  options: RequestOptions | undefined,
): Promise<BookingAttendeeRecord> {
  const bookingUid = uidParam(uid, 'uid');
  const id = parseField(IdInputSchema, attendeeId, 'attendeeId');
  const result = await context.executor.execute(
    {
      method: 'GET',
      path: `/bookings/${pathParam(bookingUid)}/attendees/${pathParam(id, 'attendeeId')}`,
      resource: 'bookings',
      retry: 'idempotent',
      schema: BookingAttendeeRecordSchema,
    },
    options,
  );
  return result.data;
}

/** Checks the params of `addAttendee` and builds the body. */
export function checkAddAttendeeInput(params: AddAttendeeInput): Record<string, string> {
  requireObject(params, 'input', '{ name, email, timeZone }');
  refuseUnknownKeys(params, ['name', 'email', 'timeZone', 'phoneNumber', 'language'], '');
  const body: Record<string, string> = {
    name: parseField(nameSchema, params.name, 'name').trim(),
    email: parseField(EmailInputSchema, params.email, 'email'),
    timeZone: parseField(TimeZoneInputSchema, params.timeZone, 'timeZone'),
  };
  if (params.phoneNumber !== undefined)
    body.phoneNumber = parseField(PhoneNumberInputSchema, params.phoneNumber, 'phoneNumber');
  if (params.language !== undefined) body.language = parseField(LocaleInputSchema, params.language, 'language');
  return body;
}

/** `POST /v2/bookings/{uid}/attendees`, never sent twice; an ambiguous failure is settled by listing the attendees. */
export async function addAttendee(
  context: ResourceContext,
  uid: string,
  params: AddAttendeeInput,
  options: RequestOptions | undefined,
): Promise<{ attendee: BookingAttendeeRecord; verifiedByReadBack: boolean }> {
  const bookingUid = uidParam(uid, 'uid');
  const body = checkAddAttendeeInput(params);
  const email = body.email ?? '';
  const before = await listAttendees(context, bookingUid, options);
  if (before.some((attendee) => lower(attendee.email) === lower(email))) {
    throw invalidField('email', `${email} is already an attendee of booking ${bookingUid}`, 'Nothing to add.');
  }
  const outcome = await sendCreatingWrite({
    send: async () =>
      (
        await context.executor.execute(
          {
            method: 'POST',
            path: `/bookings/${pathParam(bookingUid)}/attendees`,
            body,
            resource: 'bookings',
            retry: 'create',
            schema: BookingAttendeeRecordSchema,
          },
          options,
        )
      ).data,
    find: async () =>
      (await listAttendees(context, bookingUid, options)).find((attendee) => lower(attendee.email) === lower(email)),
    unknownOutcome: (cause) =>
      new CalComUnknownOutcomeError(
        `Adding ${email} to booking ${bookingUid} failed after it was sent, and the attendee was not found yet, so it may or may not have been added.`,
        {
          operation: 'bookings.get',
          params: { uid: bookingUid },
          meaning: `: if its attendees include ${email}, it was added; otherwise add it again.`,
        },
        cause,
      ),
  });
  return { attendee: outcome.value, verifiedByReadBack: outcome.verifiedByReadBack };
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

/** `GET /v2/bookings/{uid}/calendar-links`. */
export async function calendarLinks(
  context: ResourceContext,
  uid: string,
  options: RequestOptions | undefined,
): Promise<CalendarLink[]> {
  const bookingUid = uidParam(uid, 'uid');
  const result = await context.executor.execute(
    {
      method: 'GET',
      path: `/bookings/${pathParam(bookingUid)}/calendar-links`,
      resource: 'bookings',
      retry: 'idempotent',
      schema: CalendarLinksSchema,
    },
    options,
  );
  return result.data;
}
