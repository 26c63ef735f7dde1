import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatBookingLine, summarizeBooking, untrustedText } from '../../format';
import { requestOptions } from '../../request-options';
import {
  DateTimeSchema,
  describeEmailFlag,
  EMAILS_ARE_AUTOMATIC,
  EmailSchema,
  EVENT_TYPE_REFERENCE_CORE_FIELDS,
  emailFlagSchema,
  eventTypeReferenceCheck,
  eventTypeReferenceFields,
  NameSchema,
  NoteSchema,
  rangeCheck,
  timeZoneSchema,
  toEventTypeReference,
} from '../../schemas';
import {
  BOOKING_DETAIL_CORE_FIELDS,
  bookingDetailFields,
  renameAnswerIssues,
  toBookingDetails,
} from './booking-details';
import { occurrencesOf, RECURRENCE_CORE_FIELDS, recurrenceFields, toRecurrence } from './booking-recurrence';

/** Longest booking the tool accepts, in days. */
const MAX_BOOKING_DAYS = 1;

/** Creates a booking. */
export const createBooking = defineTool({
  name: 'create_booking',
  description:
    'Books a meeting of an event type at a free start time. Times are ISO 8601 with an offset or Z (UTC preferred); end_time, if given, must match a length the event type allows. ' +
    'attendee_name, attendee_email and attendee_timezone default to your own profile (get_user_profile) when left out, so pass them to book someone else. ' +
    `send_confirmation: ${EMAILS_ARE_AUTOMATIC} ` +
    'Not idempotent: if the result is unclear, check list_bookings before trying again. ' +
    'WORKFLOW: list_availability(event_type_id) first, confirm the time with the user, then book a returned start.',
  input: v.pipe(
    v.strictObject({
      ...eventTypeReferenceFields,
      start_time: v.pipe(
        DateTimeSchema,
        v.description('Start, a free start from list_availability, e.g. 2026-11-26T09:00:00Z.'),
      ),
      end_time: v.optional(
        v.pipe(DateTimeSchema, v.description('End, e.g. 2026-11-26T09:30:00Z; default start + the event length.')),
      ),
      attendee_name: v.optional(v.pipe(NameSchema, v.description('Your name when left out.'))),
      attendee_email: v.optional(v.pipe(EmailSchema, v.description('Your email when left out.'))),
      attendee_timezone: v.optional(
        timeZoneSchema(
          "Attendee IANA zone, e.g. Europe/Rome; your Cal.com profile's zone (get_user_profile) when left out.",
        ),
      ),
      notes: v.optional(v.pipe(NoteSchema, v.description('Notes for the host.'))),
      send_confirmation: emailFlagSchema('the confirmation email'),
      ...bookingDetailFields,
      ...recurrenceFields,
    }),
    rangeCheck({ start: 'start_time', end: 'end_time', maxDays: MAX_BOOKING_DAYS }),
    eventTypeReferenceCheck(),
  ),
  annotations: {
    title: 'Create booking',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  coreFields: {
    ...EVENT_TYPE_REFERENCE_CORE_FIELDS,
    start: 'start_time',
    end: 'end_time',
    'attendee.name': 'attendee_name',
    'attendee.email': 'attendee_email',
    'attendee.timeZone': 'attendee_timezone',
    notes: 'notes',
    ...BOOKING_DETAIL_CORE_FIELDS,
    ...RECURRENCE_CORE_FIELDS,
  },
  async handler(input, context) {
    const options = requestOptions(context);
    const needsProfile =
      input.attendee_name === undefined || input.attendee_email === undefined || input.attendee_timezone === undefined;
    const user = needsProfile ? await context.client.me.get(options) : undefined;
    const attendee = {
      name: input.attendee_name ?? user?.name ?? user?.username ?? '',
      email: input.attendee_email ?? user?.email ?? '',
      timeZone: input.attendee_timezone ?? user?.timeZone ?? 'UTC',
    };
    const result = await context.client.bookings
      .create(
        {
          ...toEventTypeReference(input),
          start: input.start_time,
          ...(input.end_time === undefined ? {} : { end: input.end_time }),
          attendee,
          ...(input.notes === undefined ? {} : { notes: input.notes }),
          ...toBookingDetails(input),
          ...toRecurrence(input),
        },
        options,
      )
      .catch((error: unknown) => {
        throw renameAnswerIssues(error);
      });
    const { booking, confirmation, verifiedByReadBack } = result;
    const series = occurrencesOf(result);
    const defaulted = needsProfile ? ' Attendee fields left out were taken from your profile.' : '';
    const pending = confirmation.requiresHostConfirmation
      ? ' It is pending: the host must confirm it (confirm_booking).'
      : '';
    const readBack = verifiedByReadBack
      ? " Cal.com's answer was lost (it failed after the request was sent), so the booking was looked up: it exists, booked once. Do not book it again."
      : '';
    const text = [
      `Booked uid ${booking.uid} (id ${booking.id}), status ${booking.status}.${pending}${readBack}`,
      formatBookingLine(booking),
      ...series.lines,
      ...(input.team_slug !== undefined || booking.hosts.length > 1
        ? [
            `Host${booking.hosts.length === 1 ? '' : 's'} (assigned by Cal.com): ${booking.hosts.map((host) => `${untrustedText(host.name)} <${untrustedText(host.email)}>`).join(', ')}.`,
          ]
        : []),
      `${describeEmailFlag(input.send_confirmation, 'the confirmation email')}${defaulted} To change it, call reschedule_booking or cancel_booking with booking_id ${booking.uid}.`,
    ].join('\n');
    return {
      text,
      structured: {
        booking: summarizeBooking(booking),
        confirmation,
        verifiedByReadBack,
        ...series.structured,
        attendee,
        sendConfirmation: { requested: input.send_confirmation ?? null, honoured: false, reason: EMAILS_ARE_AUTOMATIC },
      },
    };
  },
});
