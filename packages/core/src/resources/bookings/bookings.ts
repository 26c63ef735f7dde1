import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import type { CalComEvent } from '../../models/booking';
import { allowedLengths } from '../../models/event-type';
import type { Page } from '../../models/pagination';
import type { RequestOptions } from '../../request-options';
import { auxiliaryOptions, pathParam, type ResourceContext } from '../common/context';
import { sendCreatingWrite, sendRepeatableWrite } from '../common/read-back';
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
import type { ListBookingsFilters } from './booking-filters';
import { validateAttendee, validateMetadata } from './booking-input';
import {
  fetchBookingsPage,
  getBooking,
  isRefusal,
  iterateBookings,
  postBooking,
  readBackStatus,
  unknownStatus,
} from './booking-requests';
import { bookingResult } from './booking-result';
import type {
  BookingResult,
  CancelBookingInput,
  CancellationResult,
  CreateBookingInput,
  DeclineBookingInput,
  RescheduleBookingInput,
} from './booking-types';
import { findCreatedBooking, findRescheduledBooking } from './reconcile';
import { assertSlotFree } from './slot-check';

/**
 * Bookings (`/v2/bookings`, `cal-api-version: 2024-08-13`): `cal.bookings`. The free-slot check lives in
 * `slot-check.ts`, the D7 reconciliation of ambiguous writes in `reconcile.ts`, the shared requests in
 * `booking-requests.ts`.
 */
export class BookingsResource {
  // True private fields: printing or serialising the resource reaches neither the executor nor the key.
  readonly #context: ResourceContext;
  readonly #eventTypes: Pick<EventTypesResource, 'get'>;
  readonly #slots: Pick<SlotsResource, 'list'>;

  /** @internal Created by `CalComClient`. */
  constructor(
    context: ResourceContext,
    eventTypes: Pick<EventTypesResource, 'get'>,
    slots: Pick<SlotsResource, 'list'>,
  ) {
    this.#context = context;
    this.#eventTypes = eventTypes;
    this.#slots = slots;
  }

  /**
   * Lists one page of bookings (`GET /v2/bookings`; `limit` 1–100, default 100; `skip`).
   *
   * @example
   * ```ts
   * const page = await cal.bookings.list({ status: 'upcoming', limit: 20 });
   * if (page.pagination.hasNextPage) { … }
   * ```
   *
   * @param params The filters and page.
   * @param options The per-call options.
   * @returns The page.
   */
  async list(params: ListBookingsFilters = {}, options?: RequestOptions): Promise<Page<CalComEvent>> {
    return (await fetchBookingsPage(this.#context, params, options)).page;
  }

  /**
   * Walks every booking matching the filters, one page in memory at a time. A uid is never yielded twice, and a
   * server that makes no progress (an empty page that claims more, or pages that only repeat bookings already yielded)
   * stops the walk with `CalComUnexpectedResponseError`.
   *
   * @example
   * ```ts
   * for await (const booking of cal.bookings.iterate({ status: 'past' })) console.log(booking.uid);
   * ```
   *
   * @param params The filters; `limit` is the page size, `skip` the first item.
   * @param options The per-call options.
   * @returns An async iterator of bookings.
   */
  iterate(params: ListBookingsFilters = {}, options?: RequestOptions): AsyncIterableIterator<CalComEvent> {
    return iterateBookings(this.#context, params, options);
  }

  /**
   * Gets one booking by UID (`GET /v2/bookings/{uid}`).
   *
   * @example
   * ```ts
   * const booking = await cal.bookings.get('8qYcb3xRj4');
   * ```
   *
   * @param uid The booking UID.
   * @param options The per-call options.
   * @returns The booking.
   */
  get(uid: string, options?: RequestOptions): Promise<CalComEvent> {
    return getBooking(this.#context, uid, options);
  }

  /**
   * Books a slot (`POST /v2/bookings`). Checks the input, that the length is allowed by the event type and that the
   * slot is free (else `CalComSlotUnavailableError` with the nearest free starts), then sends it once. If the outcome is
   * ambiguous (timeout, 5xx, reset after sending, unreadable answer) it is never sent again (D6): the booking is looked
   * up and returned with `verifiedByReadBack: true`; if it cannot be found, `CalComUnknownOutcomeError` says how to
   * check (D7). Cal.com emails the attendee and host itself.
   *
   * @example
   * ```ts
   * const { booking, confirmation } = await cal.bookings.create({
   *   eventTypeId: 42,
   *   start: '2026-06-01T09:00:00+02:00',
   *   attendee: { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' },
   * });
   * ```
   *
   * @param params The booking.
   * @param options The per-call options.
   * @returns The booking and its confirmation.
   */
  async create(params: CreateBookingInput, options?: RequestOptions): Promise<BookingResult> {
    const context = this.#context;
    if (typeof params !== 'object' || params === null) {
      throw invalidField(
        'input',
        `expected an object, got ${describeValue(params)}`,
        'Pass { eventTypeId, start, attendee }.',
      );
    }
    const eventTypeId = requirePositiveInteger(params.eventTypeId, 'eventTypeId');
    const start = requireTime(params.start, 'start');
    const end = params.end === undefined ? undefined : requireTime(params.end, 'end');
    const attendee = validateAttendee(params.attendee);
    const body: Record<string, unknown> = { start, eventTypeId, attendee };
    if (params.guests !== undefined) {
      if (!Array.isArray(params.guests)) {
        throw invalidField(
          'guests',
          `expected a list of email addresses, got ${describeValue(params.guests)}`,
          'Pass ["a@example.com"].',
        );
      }
      body.guests = params.guests.map((guest, index) => requireEmail(guest, `guests.${index}`));
    }
    if (params.notes !== undefined) body.bookingFieldsResponses = { notes: requireText(params.notes, 'notes', 5000) };
    if (params.metadata !== undefined) body.metadata = validateMetadata(params.metadata);
    const lengthInput =
      params.lengthInMinutes === undefined
        ? undefined
        : requireIntegerInRange(params.lengthInMinutes, 'lengthInMinutes', 1, 1440);
    if (end !== undefined && Date.parse(end) <= Date.parse(start)) {
      throw invalidField(
        'end',
        `${end} is not after the start ${start}`,
        'Pass an end later than the start, or leave it out.',
      );
    }
    if (Date.parse(start) < context.now()) {
      throw invalidField('start', `${start} is in the past`, 'Pick a future slot from slots.list.');
    }
    const requestedLength = end === undefined ? undefined : (Date.parse(end) - Date.parse(start)) / 60_000;
    if (requestedLength !== undefined && lengthInput !== undefined && requestedLength !== lengthInput) {
      throw invalidField(
        'end',
        `start to end is ${requestedLength} minutes but lengthInMinutes is ${lengthInput}`,
        'Make them agree, or pass only one of them.',
      );
    }

    const eventType = await this.#eventTypes.get(eventTypeId, auxiliaryOptions(options));
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
      this.#slots,
      { eventTypeId, start, timeZone: attendee.timeZone, duration: multipleLengths ? length : undefined },
      options,
    );

    const outcome = await sendCreatingWrite({
      send: () => postBooking(context, '/bookings', body, 'create', options),
      find: () => findCreatedBooking(context, { eventTypeId, start, end: bookingEnd, email: attendee.email }, options),
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `The booking request for event type ${eventTypeId} at ${start} failed after it was sent, and no matching booking was found yet, so it may or may not exist.`,
          `Check with bookings.list({ attendeeEmail: "${attendee.email}", eventTypeId: ${eventTypeId}, afterStart: "${start}", beforeEnd: "${bookingEnd}" }) before booking again.`,
          cause,
        ),
    });
    return bookingResult(context.baseUrl, outcome.value, outcome.verifiedByReadBack);
  }

  /**
   * Moves a booking (`POST /v2/bookings/{uid}/reschedule`). Cal.com makes a new booking with a new UID
   * (`rescheduledFromUid` = the old UID) and cancels the old one; the new booking is returned. The slot is checked
   * first. An ambiguous failure is never sent again (D6): only the reschedule of this UID to this start is looked up
   * and returned with `verifiedByReadBack: true`, or `CalComUnknownOutcomeError` says how to check (D7).
   *
   * @example
   * ```ts
   * const { booking } = await cal.bookings.reschedule('8qYcb3xRj4', { start: '2026-06-02T10:00:00Z', reason: 'Conflict' });
   * ```
   *
   * @param uid The UID of the booking to move (the latest one of a reschedule chain).
   * @param params The new start (and end, which must keep the length), the reason and who reschedules.
   * @param options The per-call options.
   * @returns The new booking and its confirmation.
   */
  async reschedule(uid: string, params: RescheduleBookingInput, options?: RequestOptions): Promise<BookingResult> {
    const context = this.#context;
    const bookingUid = requireText(uid, 'uid', 255);
    if (typeof params !== 'object' || params === null) {
      throw invalidField('input', `expected an object, got ${describeValue(params)}`, 'Pass { start }.');
    }
    const start = requireTime(params.start, 'start');
    const end = params.end === undefined ? undefined : requireTime(params.end, 'end');
    const reason = params.reason === undefined ? undefined : requireText(params.reason, 'reason', 5000);
    const rescheduledBy =
      params.rescheduledBy === undefined ? undefined : requireEmail(params.rescheduledBy, 'rescheduledBy');
    if (Date.parse(start) < context.now()) {
      throw invalidField('start', `${start} is in the past`, 'Pick a future slot from slots.list.');
    }
    const current = await getBooking(context, bookingUid, options);
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
        'end',
        `start to end is ${(Date.parse(end) - Date.parse(start)) / 60_000} minutes but the booking lasts ${length}`,
        'Leave end out, or keep the same length (Cal.com keeps the length when rescheduling).',
      );
    }
    const bookingEnd = new Date(Date.parse(start) + length * 60_000).toISOString();
    await assertSlotFree(
      context,
      this.#slots,
      {
        eventTypeId: current.eventTypeId,
        start,
        timeZone: current.attendees[0]?.timeZone ?? 'UTC',
        duration: length,
        bookingUidToReschedule: bookingUid,
      },
      options,
    );

    const body: Record<string, unknown> = { start };
    if (reason !== undefined) body.reschedulingReason = reason;
    if (rescheduledBy !== undefined) body.rescheduledBy = rescheduledBy;
    const outcome = await sendCreatingWrite({
      send: () => postBooking(context, `/bookings/${pathParam(bookingUid)}/reschedule`, body, 'create', options),
      find: () =>
        findRescheduledBooking(
          context,
          { uid: bookingUid, eventTypeId: current.eventTypeId, start, end: bookingEnd },
          options,
        ),
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `The reschedule of booking ${bookingUid} to ${start} failed after it was sent, and no new booking was found yet, so it may or may not have moved.`,
          `Check with bookings.get("${bookingUid}"): if it has rescheduledToUid, that is the new booking; otherwise reschedule again.`,
          cause,
        ),
    });
    return bookingResult(context.baseUrl, outcome.value, outcome.verifiedByReadBack);
  }

  /**
   * Cancels a booking (`POST /v2/bookings/{uid}/cancel`). Idempotent: a booking cancelled before this call comes back
   * with `alreadyCancelled: true` and nothing is sent. After an ambiguous failure the booking is read back instead of
   * sending blindly again: cancelled → `verifiedByReadBack: true` (this call cancelled it); still active → the cancel is
   * sent again; unknown → `CalComUnknownOutcomeError`.
   *
   * @example
   * ```ts
   * const result = await cal.bookings.cancel('8qYcb3xRj4', { reason: 'Double-booked' });
   * ```
   *
   * @param uid The booking UID.
   * @param params The cancellation reason.
   * @param options The per-call options.
   * @returns The cancellation confirmation and how it was confirmed.
   */
  async cancel(uid: string, params: CancelBookingInput = {}, options?: RequestOptions): Promise<CancellationResult> {
    const context = this.#context;
    const bookingUid = requireText(uid, 'uid', 255);
    const reason = reasonOf(params);
    const current = await getBooking(context, bookingUid, options);
    if (current.status === 'cancelled') {
      return cancellation(current, true, false);
    }
    let sends = 0;
    try {
      const outcome = await sendRepeatableWrite({
        send: (retry) => {
          sends += 1;
          return postBooking(
            context,
            `/bookings/${pathParam(bookingUid)}/cancel`,
            reason === undefined ? {} : { cancellationReason: reason },
            retry,
            options,
          );
        },
        readBack: () => readBackStatus(context, bookingUid, 'cancelled', options),
        refusalMayBeOurs: isRefusal,
        unknownOutcome: (cause) => unknownStatus(bookingUid, 'cancel', 'cancelled', cause),
      });
      return cancellation(outcome.value, false, outcome.verifiedByReadBack, reason);
    } catch (error) {
      // Cal.com refused our one and only cancel (400): another caller cancelled it after we read it. Nothing of ours
      // was applied, so "already cancelled" is known. After an ambiguous send a refusal may be our own doing; the
      // read-back in sendRepeatableWrite has decided those.
      if (sends !== 1 || !isRefusal(error)) throw error;
      const after = await getBooking(context, bookingUid, options);
      if (after.status !== 'cancelled') throw error;
      return cancellation(after, true, false);
    }
  }

  /**
   * Confirms a booking that awaits your confirmation (`POST /v2/bookings/{uid}/confirm`). After an ambiguous failure
   * the booking is read back: accepted → it is returned; still pending → the confirm is sent again; unknown →
   * `CalComUnknownOutcomeError`.
   *
   * @example
   * ```ts
   * await cal.bookings.confirm('8qYcb3xRj4');
   * ```
   *
   * @param uid The booking UID.
   * @param options The per-call options.
   * @returns The confirmed booking (as Cal.com answered it, or as read back).
   */
  async confirm(uid: string, options?: RequestOptions): Promise<CalComEvent> {
    const context = this.#context;
    const bookingUid = requireText(uid, 'uid', 255);
    const outcome = await sendRepeatableWrite({
      send: (retry) => postBooking(context, `/bookings/${pathParam(bookingUid)}/confirm`, undefined, retry, options),
      readBack: () => readBackStatus(context, bookingUid, 'accepted', options),
      refusalMayBeOurs: isRefusal,
      unknownOutcome: (cause) => unknownStatus(bookingUid, 'confirm', 'accepted', cause),
    });
    return outcome.value;
  }

  /**
   * Declines a booking that awaits your confirmation (`POST /v2/bookings/{uid}/decline`). After an ambiguous failure
   * the booking is read back: rejected → it is returned; still pending → the decline is sent again; unknown →
   * `CalComUnknownOutcomeError`.
   *
   * @example
   * ```ts
   * await cal.bookings.decline('8qYcb3xRj4', { reason: 'Not available that week' });
   * ```
   *
   * @param uid The booking UID.
   * @param params The reason shown to the attendee.
   * @param options The per-call options.
   * @returns The declined booking (as Cal.com answered it, or as read back).
   */
  async decline(uid: string, params: DeclineBookingInput = {}, options?: RequestOptions): Promise<CalComEvent> {
    const context = this.#context;
    const bookingUid = requireText(uid, 'uid', 255);
    const reason = reasonOf(params);
    const body = reason === undefined ? {} : { reason };
    const outcome = await sendRepeatableWrite({
      send: (retry) => postBooking(context, `/bookings/${pathParam(bookingUid)}/decline`, body, retry, options),
      readBack: () => readBackStatus(context, bookingUid, 'rejected', options),
      refusalMayBeOurs: isRefusal,
      unknownOutcome: (cause) => unknownStatus(bookingUid, 'decline', 'rejected', cause),
    });
    return outcome.value;
  }
}

function reasonOf(params: { readonly reason?: string } | undefined): string | undefined {
  if (typeof params !== 'object' || params === null) {
    throw invalidField('input', `expected an object, got ${describeValue(params)}`, 'Pass { reason } or nothing.');
  }
  return params.reason === undefined ? undefined : requireText(params.reason, 'reason', 5000);
}

function cancellation(
  booking: CalComEvent,
  alreadyCancelled: boolean,
  verifiedByReadBack: boolean,
  reason?: string,
): CancellationResult {
  return {
    uid: booking.uid,
    status: 'cancelled',
    reason: reason ?? booking.cancellationReason ?? null,
    alreadyCancelled,
    verifiedByReadBack,
    booking,
  };
}
