import * as v from 'valibot';
import { CalComServerError, CalComSlotUnavailableError } from '../../errors/api-error';
import { CalComNetworkError } from '../../errors/network-error';
import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';
import {
  type BookingConfirmation,
  type CalComEvent,
  CalComEventSchema,
  type CancellationConfirmation,
  toBookingConfirmation,
} from '../../models/booking';
import { allowedLengths } from '../../models/event-type';
import type { Page, Pagination } from '../../models/pagination';
import { CAL_COM_LOCALES } from '../../models/user';
import type { RequestOptions } from '../../request-options';
import type { EventTypesResource } from '../event-types/event-types';
import { auxiliaryOptions, pathParam, type ResourceContext } from '../shared/context';
import {
  describeValue,
  invalidField,
  requireEmail,
  requireIntegerInRange,
  requirePositiveInteger,
  requireText,
  requireTime,
  requireTimeZone,
} from '../shared/validate';
import type { SlotsResource } from '../slots/slots';
import { bookingQuery, type ListBookingsFilters, MAX_BOOKINGS_PAGE_SIZE } from './booking-filters';

/** The attendee of a new booking. */
export interface BookingAttendeeInput {
  /** The attendee's name. */
  readonly name: string;
  /** The attendee's email address. */
  readonly email: string;
  /** The attendee's IANA time zone. */
  readonly timeZone: string;
  /** The attendee's language, one of Cal.com's locales. */
  readonly language?: string;
  /** The attendee's phone number in E.164 format (`+39…`). */
  readonly phoneNumber?: string;
}

/** Input of `createBooking`. */
export interface CreateBookingInput {
  /** The event type id. */
  readonly eventTypeId: number;
  /** The start (ISO 8601 with offset, or a `Date`); sent to Cal.com in UTC. */
  readonly start: string | Date;
  /** The end; must match an allowed length of the event type. Default: start + the event type's length. */
  readonly end?: string | Date;
  /** The attendee. */
  readonly attendee: BookingAttendeeInput;
  /** Extra guest email addresses. */
  readonly guests?: readonly string[];
  /** Notes for the host (the `notes` booking field). */
  readonly notes?: string;
  /** Metadata: at most 50 keys of at most 40 characters, string values of at most 500 characters. */
  readonly metadata?: Readonly<Record<string, string | number | boolean>>;
  /** The length in minutes, for event types with several lengths. */
  readonly lengthInMinutes?: number;
}

/** A created or rescheduled booking and its confirmation. */
export interface BookingResult {
  /** The booking. */
  readonly booking: CalComEvent;
  /** The confirmation. */
  readonly confirmation: BookingConfirmation;
}

/** Options of `rescheduleEvent`. */
export interface RescheduleOptions extends RequestOptions {
  /** Why the booking moves; shown to the attendees. */
  readonly reason?: string;
  /** The email of who reschedules; the owner's email auto-confirms events that need confirmation. */
  readonly rescheduledBy?: string;
}

/** How far around a wanted start the slot check looks, in milliseconds (for the nearest free starts). */
const SLOT_SEARCH_MARGIN_MS = 24 * 3_600_000;
/** How many alternative starts a slot conflict lists. */
const NEAREST_STARTS = 3;

const BookingPageSchema = v.array(CalComEventSchema);

/** Bookings (`/v2/bookings`, `cal-api-version: 2024-08-13`). */
export class BookingsResource {
  /**
   * Creates the bookings resource.
   *
   * @param context The resource context.
   * @param eventTypes The event types resource (for allowed lengths).
   * @param slots The slots resource (for the free-slot check).
   */
  constructor(
    private readonly context: ResourceContext,
    private readonly eventTypes: EventTypesResource,
    private readonly slots: SlotsResource,
  ) {}

  /**
   * Lists one page of bookings.
   *
   * @param filters The filters and page.
   * @param options The per-call options.
   * @returns The page.
   */
  async listBookings(filters: ListBookingsFilters = {}, options?: RequestOptions): Promise<Page<CalComEvent>> {
    const query = bookingQuery(filters);
    const result = await this.context.executor.execute(
      { method: 'GET', path: '/bookings', query, resource: 'bookings', retry: 'idempotent', schema: BookingPageSchema },
      options,
    );
    return { items: result.data, pagination: result.pagination ?? derivePagination(result.data.length, query) };
  }

  /**
   * Walks all bookings matching the filters, one page in memory at a time.
   *
   * @param filters The filters; `limit` is the page size, `skip` the first item.
   * @param options The per-call options.
   * @returns An async iterator of bookings.
   */
  async *iterateBookings(
    filters: ListBookingsFilters = {},
    options?: RequestOptions,
  ): AsyncIterableIterator<CalComEvent> {
    let skip = filters.skip ?? 0;
    for (;;) {
      const page = await this.listBookings({ ...filters, skip }, options);
      yield* page.items;
      if (!page.pagination.hasNextPage || page.pagination.returnedItems <= 0) {
        return;
      }
      skip += page.pagination.returnedItems;
    }
  }

  /**
   * Gets one booking.
   *
   * @param uid The booking UID.
   * @param options The per-call options.
   * @returns The booking.
   */
  async getBooking(uid: string, options?: RequestOptions): Promise<CalComEvent> {
    const bookingUid = requireText(uid, 'uid', 255);
    const result = await this.context.executor.execute(
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
   * Books a slot: checks the input, the length against the event type and that the slot is free, then creates the
   * booking once. An ambiguous failure is reconciled by looking the booking up (never blindly retried).
   *
   * @param input The booking.
   * @param options The per-call options.
   * @returns The booking and its confirmation.
   */
  async createBooking(input: CreateBookingInput, options?: RequestOptions): Promise<BookingResult> {
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
    if (Date.parse(start) < this.context.now()) {
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

    const eventType = await this.eventTypes.getEventType(eventTypeId, auxiliaryOptions(options));
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

    await this.assertSlotFree(
      { eventTypeId, start, timeZone: attendee.timeZone, duration: multipleLengths ? length : undefined },
      options,
    );

    try {
      const booking = await this.sendBookingWrite('/bookings', body, options);
      return this.result(booking);
    } catch (error) {
      if (!isAmbiguous(error)) throw error;
      const found = await this.findCreatedBooking(
        { eventTypeId, start, end: bookingEnd, email: attendee.email },
        options,
      ).catch(() => undefined);
      if (found !== undefined) return this.result(found);
      throw new CalComUnknownOutcomeError(
        `The booking request for event type ${eventTypeId} at ${start} failed after it was sent, and no matching booking was found yet, so it may or may not exist.`,
        `Check with listBookings({ attendeeEmail: "${attendee.email}", eventTypeId: ${eventTypeId}, afterStart: "${start}", beforeEnd: "${bookingEnd}" }) before booking again.`,
        error,
      );
    }
  }

  /**
   * Moves a booking to a new start. Cal.com creates a new booking (new uid, `rescheduledFromUid` = old uid) and
   * cancels the old one. Checks the slot first; reconciles ambiguous failures.
   *
   * @param uid The UID of the booking to move (the latest one of a reschedule chain).
   * @param newStart The new start (ISO 8601 with offset, or a `Date`).
   * @param newEnd The new end; must keep the booking's length.
   * @param options The reason, who reschedules, and the per-call options.
   * @returns The new booking and its confirmation.
   */
  async rescheduleEvent(
    uid: string,
    newStart: string | Date,
    newEnd?: string | Date,
    options?: RescheduleOptions,
  ): Promise<BookingResult> {
    const bookingUid = requireText(uid, 'uid', 255);
    const start = requireTime(newStart, 'newStart');
    const end = newEnd === undefined ? undefined : requireTime(newEnd, 'newEnd');
    const reason = options?.reason === undefined ? undefined : requireText(options.reason, 'reason', 5000);
    const rescheduledBy =
      options?.rescheduledBy === undefined ? undefined : requireEmail(options.rescheduledBy, 'rescheduledBy');
    if (Date.parse(start) < this.context.now()) {
      throw invalidField('newStart', `${start} is in the past`, 'Pick a future slot from listSlots.');
    }
    const requestOptions = requestOptionsOf(options);
    const current = await this.getBooking(bookingUid, requestOptions);
    if (current.rescheduledToUid !== undefined) {
      throw invalidField(
        'uid',
        `booking ${bookingUid} was already rescheduled to ${current.rescheduledToUid}`,
        `Reschedule the latest booking, ${current.rescheduledToUid}.`,
      );
    }
    if (current.status === 'cancelled' || current.status === 'rejected') {
      throw invalidField('uid', `booking ${bookingUid} is ${current.status}`, 'Create a new booking instead.');
    }
    const length = current.durationMinutes;
    if (end !== undefined && (Date.parse(end) - Date.parse(start)) / 60_000 !== length) {
      throw invalidField(
        'newEnd',
        `newStart to newEnd is ${(Date.parse(end) - Date.parse(start)) / 60_000} minutes but the booking lasts ${length}`,
        'Leave newEnd out, or keep the same length (Cal.com keeps the length when rescheduling).',
      );
    }
    const bookingEnd = new Date(Date.parse(start) + length * 60_000).toISOString();
    await this.assertSlotFree(
      {
        eventTypeId: current.eventTypeId,
        start,
        timeZone: current.attendees[0]?.timeZone ?? 'UTC',
        duration: length,
        bookingUidToReschedule: bookingUid,
      },
      requestOptions,
    );

    const body: Record<string, unknown> = { start };
    if (reason !== undefined) body.reschedulingReason = reason;
    if (rescheduledBy !== undefined) body.rescheduledBy = rescheduledBy;
    try {
      const booking = await this.sendBookingWrite(
        `/bookings/${pathParam(bookingUid)}/reschedule`,
        body,
        requestOptions,
      );
      return this.result(booking);
    } catch (error) {
      if (!isAmbiguous(error)) throw error;
      const found = await this.findRescheduledBooking(
        { uid: bookingUid, eventTypeId: current.eventTypeId, start, end: bookingEnd },
        requestOptions,
      ).catch(() => undefined);
      if (found !== undefined) return this.result(found);
      throw new CalComUnknownOutcomeError(
        `The reschedule of booking ${bookingUid} to ${start} failed after it was sent, and no new booking was found yet, so it may or may not have moved.`,
        `Check with getBooking("${bookingUid}"): if it has rescheduledToUid, that is the new booking; otherwise reschedule again.`,
        error,
      );
    }
  }

  /**
   * Cancels a booking. Idempotent: an already cancelled booking is returned with `alreadyCancelled: true` and
   * nothing is sent.
   *
   * @param uid The booking UID.
   * @param reason The cancellation reason.
   * @param options The per-call options.
   * @returns The cancellation confirmation.
   */
  async cancelEvent(uid: string, reason?: string, options?: RequestOptions): Promise<CancellationConfirmation> {
    const bookingUid = requireText(uid, 'uid', 255);
    const cancellationReason = reason === undefined ? undefined : requireText(reason, 'reason', 5000);
    const current = await this.getBooking(bookingUid, options);
    if (current.status === 'cancelled') {
      return cancellation(current, true);
    }
    try {
      const booking = await this.sendBookingAction(
        `/bookings/${pathParam(bookingUid)}/cancel`,
        cancellationReason === undefined ? {} : { cancellationReason },
        options,
      );
      return cancellation(booking, false, cancellationReason);
    } catch (error) {
      if (!(error instanceof CalComValidationError) || error.status === undefined) throw error;
      // Another caller may have cancelled it in between: Cal.com then answers 400.
      const after = await this.getBooking(bookingUid, options);
      if (after.status !== 'cancelled') throw error;
      return cancellation(after, true);
    }
  }

  /**
   * Confirms a booking that awaits the host's confirmation.
   *
   * @param uid The booking UID.
   * @param options The per-call options.
   * @returns The confirmed booking.
   */
  async confirmBooking(uid: string, options?: RequestOptions): Promise<CalComEvent> {
    const bookingUid = requireText(uid, 'uid', 255);
    return this.sendBookingAction(`/bookings/${pathParam(bookingUid)}/confirm`, undefined, options);
  }

  /**
   * Declines a booking that awaits the host's confirmation.
   *
   * @param uid The booking UID.
   * @param reason The reason shown to the attendee.
   * @param options The per-call options.
   * @returns The declined booking.
   */
  async declineBooking(uid: string, reason?: string, options?: RequestOptions): Promise<CalComEvent> {
    const bookingUid = requireText(uid, 'uid', 255);
    const body = reason === undefined ? {} : { reason: requireText(reason, 'reason', 5000) };
    return this.sendBookingAction(`/bookings/${pathParam(bookingUid)}/decline`, body, options);
  }

  /**
   * Builds the result of a created or rescheduled booking.
   *
   * @param booking The booking.
   * @returns The booking and its confirmation.
   */
  private result(booking: CalComEvent): BookingResult {
    return { booking, confirmation: toBookingConfirmation(booking, manageUrlFor(this.context.baseUrl, booking.uid)) };
  }

  /**
   * Sends a booking write that must never be blindly retried (D6).
   *
   * @param path The path.
   * @param body The body.
   * @param options The per-call options.
   * @returns The booking.
   */
  private async sendBookingWrite(
    path: string,
    body: unknown,
    options: RequestOptions | undefined,
  ): Promise<CalComEvent> {
    const result = await this.context.executor.execute(
      { method: 'POST', path, body, resource: 'bookings', retry: 'create', schema: CalComEventSchema },
      options,
    );
    return result.data;
  }

  /**
   * Sends an idempotent action on an existing booking (cancel, confirm, decline).
   *
   * @param path The path.
   * @param body The body.
   * @param options The per-call options.
   * @returns The booking.
   */
  private async sendBookingAction(
    path: string,
    body: unknown,
    options: RequestOptions | undefined,
  ): Promise<CalComEvent> {
    const result = await this.context.executor.execute(
      { method: 'POST', path, body, resource: 'bookings', retry: 'idempotent', schema: CalComEventSchema },
      options,
    );
    return result.data;
  }

  /**
   * Throws a slot-unavailable error, listing the nearest free starts, when the start is not a free slot.
   *
   * @param query The event type, start, zone, length and the booking being moved.
   * @param options The per-call options.
   */
  private async assertSlotFree(
    query: {
      eventTypeId: number;
      start: string;
      timeZone: string;
      duration: number | undefined;
      bookingUidToReschedule?: string;
    },
    options: RequestOptions | undefined,
  ): Promise<void> {
    const startMs = Date.parse(query.start);
    const windowStart = new Date(Math.max(startMs - SLOT_SEARCH_MARGIN_MS, this.context.now())).toISOString();
    const windowEnd = new Date(startMs + SLOT_SEARCH_MARGIN_MS).toISOString();
    const slots = await this.slots.listSlots(
      {
        eventTypeId: query.eventTypeId,
        start: windowStart,
        end: windowEnd,
        timeZone: query.timeZone,
        ...(query.duration === undefined ? {} : { duration: query.duration }),
        ...(query.bookingUidToReschedule === undefined ? {} : { bookingUidToReschedule: query.bookingUidToReschedule }),
      },
      auxiliaryOptions(options),
    );
    if (slots.some((slot) => slot.start === query.start)) return;
    const nearest = slots
      .map((slot) => slot.start)
      .sort((left, right) => Math.abs(Date.parse(left) - startMs) - Math.abs(Date.parse(right) - startMs))
      .slice(0, NEAREST_STARTS);
    const error = new CalComSlotUnavailableError({
      status: 409,
      code: 'SLOT_UNAVAILABLE',
      message:
        `${query.start} is not a free slot of event type ${query.eventTypeId}; nothing was booked. ` +
        (nearest.length > 0
          ? `Nearest free starts: ${nearest.join(', ')}. Pick one of them and try again.`
          : 'No free slot within 24 hours of it; call listSlots for a wider range.'),
      method: 'GET',
      url: `${this.context.baseUrl}/slots`,
      retryable: false,
    });
    error.nearestAvailableStarts = nearest;
    throw error;
  }

  /**
   * Looks for the booking an ambiguous create may have made.
   *
   * @param wanted The event type, times and attendee email.
   * @param options The per-call options.
   * @returns The booking, if found.
   */
  private async findCreatedBooking(
    wanted: { eventTypeId: number; start: string; end: string; email: string },
    options: RequestOptions | undefined,
  ): Promise<CalComEvent | undefined> {
    const page = await this.listBookings(
      { attendeeEmail: wanted.email, eventTypeId: wanted.eventTypeId, afterStart: wanted.start, beforeEnd: wanted.end },
      options,
    );
    const email = wanted.email.toLowerCase();
    return page.items.find(
      (booking) =>
        booking.start === wanted.start &&
        booking.status !== 'cancelled' &&
        booking.status !== 'rejected' &&
        booking.attendees.some((attendee) => attendee.email?.toLowerCase() === email),
    );
  }

  /**
   * Looks for the new booking an ambiguous reschedule may have made.
   *
   * @param wanted The old uid, event type and new times.
   * @param options The per-call options.
   * @returns The new booking, if found.
   */
  private async findRescheduledBooking(
    wanted: { uid: string; eventTypeId: number; start: string; end: string },
    options: RequestOptions | undefined,
  ): Promise<CalComEvent | undefined> {
    const old = await this.getBooking(wanted.uid, options);
    if (old.rescheduledToUid !== undefined) {
      return this.getBooking(old.rescheduledToUid, options);
    }
    const page = await this.listBookings(
      { eventTypeId: wanted.eventTypeId, afterStart: wanted.start, beforeEnd: wanted.end },
      options,
    );
    return page.items.find((booking) => booking.rescheduledFromUid === wanted.uid);
  }
}

/**
 * Tells whether a failed write may still have happened: the request was sent and then timed out, the connection
 * broke, the server failed (5xx) or the answer was unreadable.
 *
 * @param error The error.
 * @returns Whether the outcome is ambiguous.
 */
export function isAmbiguous(error: unknown): boolean {
  return (
    (error instanceof CalComNetworkError && error.requestSent) ||
    error instanceof CalComServerError ||
    error instanceof CalComUnexpectedResponseError
  );
}

/**
 * Builds a cancellation confirmation.
 *
 * @param booking The cancelled booking.
 * @param alreadyCancelled Whether it was cancelled before this call.
 * @param reason The reason given now.
 * @returns The confirmation.
 */
function cancellation(booking: CalComEvent, alreadyCancelled: boolean, reason?: string): CancellationConfirmation {
  return {
    uid: booking.uid,
    status: 'cancelled',
    reason: reason ?? booking.cancellationReason ?? null,
    alreadyCancelled,
    booking,
  };
}

/**
 * Derives pagination for a list answer without `pagination`.
 *
 * @param returned The number of items returned.
 * @param query The query sent.
 * @returns The pagination.
 */
function derivePagination(returned: number, query: { take?: unknown; skip?: unknown }): Pagination {
  const take = typeof query.take === 'number' ? query.take : MAX_BOOKINGS_PAGE_SIZE;
  const skip = typeof query.skip === 'number' ? query.skip : 0;
  return {
    totalItems: skip + returned,
    remainingItems: 0,
    returnedItems: returned,
    itemsPerPage: take,
    currentPage: Math.floor(skip / take) + 1,
    totalPages: Math.ceil((skip + returned) / take),
    hasNextPage: false,
    hasPreviousPage: skip > 0,
  };
}

/**
 * Builds the web URL where a booking is managed, for the hosted Cal.com regions.
 *
 * @param baseUrl The API base URL.
 * @param uid The booking UID.
 * @returns The URL, or `undefined` for self-hosted instances.
 */
export function manageUrlFor(baseUrl: string, uid: string): string | undefined {
  const host = new URL(baseUrl).host;
  if (host === 'api.cal.com') return `https://app.cal.com/booking/${encodeURIComponent(uid)}`;
  if (host === 'api.cal.eu') return `https://app.cal.eu/booking/${encodeURIComponent(uid)}`;
  return undefined;
}

/**
 * Keeps only the request options of the reschedule options.
 *
 * @param options The reschedule options.
 * @returns The request options.
 */
function requestOptionsOf(options: RescheduleOptions | undefined): RequestOptions | undefined {
  if (options === undefined) return undefined;
  const { reason: _reason, rescheduledBy: _rescheduledBy, ...requestOptions } = options;
  return requestOptions;
}

/**
 * Checks the attendee of a new booking.
 *
 * @param attendee The attendee.
 * @returns The attendee body.
 */
function validateAttendee(
  attendee: BookingAttendeeInput,
): Record<string, string> & { email: string; timeZone: string } {
  if (typeof attendee !== 'object' || attendee === null) {
    throw invalidField(
      'attendee',
      `expected an object, got ${describeValue(attendee)}`,
      'Pass { name, email, timeZone }.',
    );
  }
  const body: Record<string, string> & { email: string; timeZone: string } = {
    name: requireText(attendee.name, 'attendee.name', 255),
    email: requireEmail(attendee.email, 'attendee.email'),
    timeZone: requireTimeZone(attendee.timeZone, 'attendee.timeZone'),
  };
  if (attendee.language !== undefined) {
    if (!(CAL_COM_LOCALES as readonly unknown[]).includes(attendee.language)) {
      throw invalidField(
        'attendee.language',
        `${describeValue(attendee.language)} is not a language Cal.com supports`,
        `Use one of ${CAL_COM_LOCALES.join(', ')}.`,
      );
    }
    body.language = attendee.language;
  }
  if (attendee.phoneNumber !== undefined) {
    if (typeof attendee.phoneNumber !== 'string' || !/^\+[1-9]\d{6,14}$/.test(attendee.phoneNumber)) {
      throw invalidField(
        'attendee.phoneNumber',
        `${describeValue(attendee.phoneNumber)} is not an E.164 phone number`,
        'Use the international format, e.g. +393331234567.',
      );
    }
    body.phoneNumber = attendee.phoneNumber;
  }
  return body;
}

/**
 * Checks booking metadata against Cal.com's limits.
 *
 * @param metadata The metadata.
 * @returns The metadata.
 */
function validateMetadata(metadata: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw invalidField('metadata', `expected an object, got ${describeValue(metadata)}`, 'Pass a plain object.');
  }
  const entries = Object.entries(metadata);
  if (entries.length > 50) {
    throw invalidField('metadata', `has ${entries.length} keys`, 'Keep at most 50 keys.');
  }
  for (const [key, value] of entries) {
    if (key.length > 40) {
      throw invalidField(
        `metadata.${key}`,
        `the key is ${key.length} characters long`,
        'Use keys of at most 40 characters.',
      );
    }
    if (typeof value === 'string' ? value.length > 500 : typeof value !== 'number' && typeof value !== 'boolean') {
      throw invalidField(
        `metadata.${key}`,
        `${describeValue(value)} is not a string of at most 500 characters, a number or a boolean`,
        'Shorten or convert the value.',
      );
    }
  }
  return metadata;
}
