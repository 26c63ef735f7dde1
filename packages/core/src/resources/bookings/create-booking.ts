import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { allowedLengths } from '../../models/event-type';
import type { RequestOptions } from '../../request-options';
import { auxiliaryOptions, type ResourceContext } from '../common/context';
import { sendCreatingWrite } from '../common/read-back';
import {
  describeValue,
  invalidField,
  requireEmail,
  requireIntegerInRange,
  requirePositiveInteger,
  requireText,
  requireTime,
} from '../common/validate';
import type { EventTypesResource } from '../event-types/event-types';
import type { SlotsResource } from '../slots/slots';
import { validateAttendee, validateMetadata } from './booking-input';
import { bookingResult } from './booking-result';
import type { BookingResult, CreateBookingInput } from './booking-types';
import { findCreatedBooking } from './reconcile';
import { postBooking } from './send-booking';
import { assertSlotFree } from './slot-check';

/** What `createBooking` uses besides the request executor. */
export interface CreateBookingServices {
  /** The resource context. */
  readonly context: ResourceContext;
  /** The event types (for the allowed lengths). */
  readonly eventTypes: Pick<EventTypesResource, 'getEventType'>;
  /** The slots (for the free-slot check). */
  readonly slots: Pick<SlotsResource, 'listSlots'>;
}

/**
 * Books a slot: checks the input, the length against the event type and that the slot is free, then creates the
 * booking once (`POST /v2/bookings`). An ambiguous failure (timeout, reset, 5xx or an unreadable answer after the
 * request was sent) is never retried (D6): the booking is looked up instead and returned with `verifiedByReadBack`, or
 * `CalComUnknownOutcomeError` says how to check (D7).
 *
 * @param services The context, event types and slots.
 * @param input The booking.
 * @param options The per-call options.
 * @returns The booking and its confirmation.
 */
export async function createBooking(
  services: CreateBookingServices,
  input: CreateBookingInput,
  options: RequestOptions | undefined,
): Promise<BookingResult> {
  const { context } = services;
  if (typeof input !== 'object' || input === null) {
    throw invalidField(
      'input',
      `expected an object, got ${describeValue(input)}`,
      'Pass { eventTypeId, start, attendee }.',
    );
  }
  const eventTypeId = requirePositiveInteger(input.eventTypeId, 'eventTypeId');
  const start = requireTime(input.start, 'start');
  const end = input.end === undefined ? undefined : requireTime(input.end, 'end');
  const attendee = validateAttendee(input.attendee);
  const body: Record<string, unknown> = { start, eventTypeId, attendee };
  if (input.guests !== undefined) {
    if (!Array.isArray(input.guests)) {
      throw invalidField(
        'guests',
        `expected a list of email addresses, got ${describeValue(input.guests)}`,
        'Pass ["a@example.com"].',
      );
    }
    body.guests = input.guests.map((guest, index) => requireEmail(guest, `guests.${index}`));
  }
  if (input.notes !== undefined) body.bookingFieldsResponses = { notes: requireText(input.notes, 'notes', 5000) };
  if (input.metadata !== undefined) body.metadata = validateMetadata(input.metadata);
  const lengthInput =
    input.lengthInMinutes === undefined
      ? undefined
      : requireIntegerInRange(input.lengthInMinutes, 'lengthInMinutes', 1, 1440);
  if (end !== undefined && Date.parse(end) <= Date.parse(start)) {
    throw invalidField(
      'end',
      `${end} is not after the start ${start}`,
      'Pass an end later than the start, or leave it out.',
    );
  }
  if (Date.parse(start) < context.now()) {
    throw invalidField('start', `${start} is in the past`, 'Pick a future slot from listSlots.');
  }
  const requestedLength = end === undefined ? undefined : (Date.parse(end) - Date.parse(start)) / 60_000;
  if (requestedLength !== undefined && lengthInput !== undefined && requestedLength !== lengthInput) {
    throw invalidField(
      'end',
      `start to end is ${requestedLength} minutes but lengthInMinutes is ${lengthInput}`,
      'Make them agree, or pass only one of them.',
    );
  }

  const eventType = await services.eventTypes.getEventType(eventTypeId, auxiliaryOptions(options));
  const lengths = allowedLengths(eventType);
  const length = lengthInput ?? requestedLength ?? eventType.lengthInMinutes;
  if (!lengths.includes(length)) {
    throw invalidField(
      requestedLength === undefined ? 'lengthInMinutes' : 'end',
      `${length} minutes is not a length of event type ${eventTypeId} ("${eventType.title}")`,
      `Use one of ${lengths.join(', ')} minutes.`,
    );
  }
  const multipleLengths = eventType.lengthInMinutesOptions.length > 0;
  if (multipleLengths) body.lengthInMinutes = length;
  const bookingEnd = new Date(Date.parse(start) + length * 60_000).toISOString();

  await assertSlotFree(
    context,
    services.slots,
    { eventTypeId, start, timeZone: attendee.timeZone, duration: multipleLengths ? length : undefined },
    options,
  );

  const outcome = await sendCreatingWrite({
    send: () => postBooking(context, '/bookings', body, 'create', options),
    find: () => findCreatedBooking(context, { eventTypeId, start, end: bookingEnd, email: attendee.email }, options),
    unknownOutcome: (cause) =>
      new CalComUnknownOutcomeError(
        `The booking request for event type ${eventTypeId} at ${start} failed after it was sent, and no matching booking was found yet, so it may or may not exist.`,
        `Check with listBookings({ attendeeEmail: "${attendee.email}", eventTypeId: ${eventTypeId}, afterStart: "${start}", beforeEnd: "${bookingEnd}" }) before booking again.`,
        cause,
      ),
  });
  return bookingResult(context.baseUrl, outcome.value, outcome.verifiedByReadBack);
}
