import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import {
  type BookingAttendeeRecord,
  BookingAttendeeRecordSchema,
  BookingAttendeeRecordsSchema,
  type CalendarLink,
  CalendarLinksSchema,
} from '../../models/attendee';
import {
  EmailInputSchema,
  IdInputSchema,
  LocaleInputSchema,
  PhoneNumberInputSchema,
  TimeZoneInputSchema,
} from '../../models/input';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, uidParam } from '../common/context';
import { sendCreatingWrite } from '../common/read-back';
import { invalidField, parseField, requireObject } from '../common/validate';
import { lower, nameSchema, refuseUnknownKeys } from './people-input';

// The attendees and calendar links of one booking (`/v2/bookings/{uid}/…`, docs/CALCOM-API.md §7.5). Its guests,
// location and no-shows live in booking-guests.ts, booking-location-change.ts and booking-no-shows.ts.

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
