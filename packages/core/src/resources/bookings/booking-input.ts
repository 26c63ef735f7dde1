import * as v from 'valibot';
import {
  EmailInputSchema,
  LengthInMinutesInputSchema,
  LocaleInputSchema,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MetadataInputSchema,
  PhoneNumberInputSchema,
  TimeZoneInputSchema,
  textInputSchema,
} from '../../models/input';
import { type CheckedReference, checkEventTypeReference, referenceFields } from '../common/event-type-ref';
import { describeValue, invalidField, parseField, requireObject, requireTime } from '../common/validate';
import { checkResponses } from './booking-fields';
import { checkCreateLocation } from './booking-location';
import type { BookingAttendeeInput, CreateBookingInput, RescheduleBookingInput } from './booking-types';

/** The attendee body of a new booking. */
type AttendeeBody = Record<string, string> & { email: string; timeZone: string };

/** Checks the attendee of a new booking. */
export function validateAttendee(attendee: BookingAttendeeInput): AttendeeBody {
  requireObject(attendee, 'attendee', '{ name, email, timeZone }');
  const body: AttendeeBody = {
    name: parseField(textInputSchema(MAX_NAME_LENGTH), attendee.name, 'attendee.name').trim(),
    email: parseField(EmailInputSchema, attendee.email, 'attendee.email'),
    timeZone: parseField(TimeZoneInputSchema, attendee.timeZone, 'attendee.timeZone'),
  };
  if (attendee.language !== undefined) {
    body.language = parseField(LocaleInputSchema, attendee.language, 'attendee.language');
  }
  if (attendee.phoneNumber !== undefined) {
    body.phoneNumber = parseField(PhoneNumberInputSchema, attendee.phoneNumber, 'attendee.phoneNumber');
  }
  return body;
}

/** A create request after the checks that need no request. */
export interface CheckedCreate {
  /** How the event type is named (sent as given). */
  readonly reference: CheckedReference;
  readonly start: string;
  readonly attendee: AttendeeBody;
  /** The body so far (without `lengthInMinutes`, which depends on the event type). */
  readonly body: Record<string, unknown>;
  /** The length the caller asked for with `lengthInMinutes`. */
  readonly lengthInput: number | undefined;
  /** The length `start` to `end` spans, when `end` was given. */
  readonly requestedLength: number | undefined;
}

/**
 * Checks the params of `cal.bookings.create` that need no request: every field, the end after the start, a start
 * not in the past, and `end` agreeing with `lengthInMinutes`.
 */
export function checkCreateInput(params: CreateBookingInput, now: number): CheckedCreate {
  requireObject(params, 'input', '{ eventTypeId, start, attendee }');
  const reference = checkEventTypeReference(params);
  const start = requireTime(params.start, 'start');
  const end = params.end === undefined ? undefined : requireTime(params.end, 'end');
  const attendee = validateAttendee(params.attendee);
  const body: Record<string, unknown> = { start, ...referenceFields(reference), attendee };
  if (params.guests !== undefined) {
    body.guests = parseField(v.array(EmailInputSchema, guestsMessage), params.guests, 'guests');
  }
  const responses = params.bookingFieldsResponses === undefined ? {} : checkResponses(params.bookingFieldsResponses);
  if (params.notes !== undefined && responses.notes !== undefined) {
    throw invalidField('notes', 'is also given as bookingFieldsResponses.notes', 'Pass the notes once.');
  }
  if (params.notes !== undefined) {
    body.bookingFieldsResponses = {
      ...responses,
      notes: parseField(textInputSchema(MAX_NOTE_LENGTH), params.notes, 'notes').trim(),
    };
  } else if (params.bookingFieldsResponses !== undefined) {
    body.bookingFieldsResponses = responses;
  }
  if (params.location !== undefined) body.location = checkCreateLocation(params.location);
  if (params.metadata !== undefined) {
    requireObject(params.metadata, 'metadata', 'an object of keys and values');
    body.metadata = parseField(MetadataInputSchema, params.metadata, 'metadata');
  }
  const lengthInput =
    params.lengthInMinutes === undefined
      ? undefined
      : parseField(LengthInMinutesInputSchema, params.lengthInMinutes, 'lengthInMinutes');
  if (end !== undefined && Date.parse(end) <= Date.parse(start)) {
    throw invalidField(
      'end',
      `${end} is not after the start ${start}`,
      'Pass an end later than the start, or leave it out.',
    );
  }
  requireFuture(start, now);
  const requestedLength = end === undefined ? undefined : (Date.parse(end) - Date.parse(start)) / 60_000;
  if (requestedLength !== undefined && lengthInput !== undefined && requestedLength !== lengthInput) {
    throw invalidField(
      'end',
      `the start to the end is ${requestedLength} minutes, but the length asked for is ${lengthInput}`,
      'Make them agree, or pass only one of them.',
    );
  }
  return { reference, start, attendee, body, lengthInput, requestedLength };
}

/** A reschedule request after the checks that need no request. */
export interface CheckedReschedule {
  readonly start: string;
  readonly end: string | undefined;
  readonly reason: string | undefined;
  readonly rescheduledBy: string | undefined;
}

/** Checks the params of `cal.bookings.reschedule` that need no request. */
export function checkRescheduleInput(params: RescheduleBookingInput, now: number): CheckedReschedule {
  requireObject(params, 'input', '{ start }');
  const start = requireTime(params.start, 'start');
  const end = params.end === undefined ? undefined : requireTime(params.end, 'end');
  const reason = params.reason === undefined ? undefined : checkReason(params.reason);
  const rescheduledBy =
    params.rescheduledBy === undefined
      ? undefined
      : parseField(EmailInputSchema, params.rescheduledBy, 'rescheduledBy');
  requireFuture(start, now);
  return { start, end, reason, rescheduledBy };
}

/** Checks the optional `{ reason }` of a cancel or decline. */
export function reasonOf(params: { readonly reason?: string } | undefined): string | undefined {
  requireObject(params, 'input', '{ reason } or nothing');
  return params?.reason === undefined ? undefined : checkReason(params.reason);
}

function checkReason(reason: unknown): string {
  return parseField(textInputSchema(MAX_NOTE_LENGTH), reason, 'reason').trim();
}

function requireFuture(start: string, now: number): void {
  if (Date.parse(start) < now) {
    throw invalidField('start', `${start} is in the past`, 'Pick a future time among the free slots.');
  }
}

function guestsMessage(issue: { readonly input: unknown }): string {
  return `expected a list of email addresses, got ${describeValue(issue.input)}. Pass ["a@example.com"].`;
}
