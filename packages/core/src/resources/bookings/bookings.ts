import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import type { BookingAttendeeRecord, CalendarLink } from '../../models/attendee';
import type { CalComEvent } from '../../models/booking';
import { allowedLengths } from '../../models/event-type';
import type { Page } from '../../models/pagination';
import type { RequestOptions } from '../../request-options';
import { auxiliaryOptions, type ResourceContext, uidParam } from '../common/context';
import { sendCreatingWrite } from '../common/read-back';
import { describeValue, invalidField } from '../common/validate';
import type { EventTypesResource } from '../event-types/event-types';
import type { SlotsResource } from '../slots/slots';
import { assertFitsEventType } from './booking-fields';
import type { ListBookingsFilters } from './booking-filters';
import { type AddGuestsInput, addGuests } from './booking-guests';
import { checkCreateInput, reasonOf } from './booking-input';
import { type UpdateLocationInput, updateLocation } from './booking-location-change';
import { type MarkAbsentInput, markAbsent } from './booking-no-shows';
import { type AddAttendeeInput, addAttendee, calendarLinks, getAttendee, listAttendees } from './booking-people';
import { type ReassignBookingInput, type ReassignmentResult, reassignBooking } from './booking-reassign';
import {
  cancelOccurrences,
  checkRecurrenceCount,
  createdResult,
  findCreated,
  listOccurrences,
  postCreate,
} from './booking-recurrence';
import { fetchBookingsPage, getBooking, getBookingOrSeries, iterateBookings } from './booking-requests';
import { rescheduleBooking } from './booking-reschedule';
import { cancelSeat, getBySeat } from './booking-seats';
import { cancelBooking, confirmBooking, declineBooking } from './booking-status';
import type {
  BookingResult,
  CancelBookingInput,
  CancellationResult,
  CreateBookingInput,
  DeclineBookingInput,
  RescheduleBookingInput,
} from './booking-types';
import { findEventType } from './event-type-lookup';
import { assertSlotFree } from './slot-check';

/**
 * Bookings (`/v2/bookings`, `cal-api-version: 2024-08-13`): `cal.bookings`. Creating a booking lives here (its path to
 * `fetch` stays short); moving one in `booking-reschedule.ts`, status changes (cancel, confirm, decline) in
 * `booking-status.ts`, attendees, guests, location and no-shows in `booking-people.ts`, the free-slot check in
 * `slot-check.ts`, the D7 reconciliation of ambiguous writes in `reconcile.ts`, the shared requests in
 * `booking-requests.ts`.
 */
export class BookingsResource {
  // True private fields: printing or serialising the resource reaches neither the executor nor the key.
  readonly #context: ResourceContext;
  readonly #eventTypes: Pick<EventTypesResource, 'get' | 'list'>;
  readonly #slots: Pick<SlotsResource, 'list'>;

  /** @internal Created by `CalComClient`. */
  constructor(
    context: ResourceContext,
    eventTypes: Pick<EventTypesResource, 'get' | 'list'>,
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
    const { reference, start, attendee, body, lengthInput, requestedLength } = checkCreateInput(params, context.now());
    const eventType = await findEventType(context, this.#eventTypes, reference, auxiliaryOptions(options));
    const eventTypeId = eventType.id;
    const lengths = allowedLengths(eventType);
    const length = lengthInput ?? requestedLength ?? eventType.lengthInMinutes;
    if (!lengths.includes(length)) {
      throw invalidField(
        requestedLength === undefined ? 'lengthInMinutes' : 'end',
        `${length} minutes is not a length of event type ${eventTypeId} ("${eventType.title}")`,
        `Use one of ${lengths.join(', ')} minutes.`,
      );
    }
    assertFitsEventType(body, eventType);
    const recurrenceCount = checkRecurrenceCount(params.recurrenceCount, eventType);
    if (recurrenceCount !== undefined) body.recurrenceCount = recurrenceCount;
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
      send: () => postCreate(context, body, options),
      find: () => findCreated(context, { eventTypeId, start, end: bookingEnd, email: attendee.email }, options),
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `The booking request for event type ${eventTypeId} at ${start} failed after it was sent, and no matching booking was found yet, so it may or may not exist.`,
          {
            operation: 'bookings.list',
            params: { attendeeEmail: attendee.email, eventTypeId, afterStart: start, beforeEnd: bookingEnd },
            meaning: ' before booking again.',
          },
          cause,
        ),
    });
    return createdResult(context.baseUrl, outcome.value, outcome.verifiedByReadBack);
  }

  /**
   * Lists the occurrences of a recurring booking in start order (`GET /v2/bookings/{uid}` of the series uid), given
   * the series uid (`recurringBookingUid`) or the uid of any occurrence. A booking that does not repeat is refused.
   *
   * @example
   * ```ts
   * const occurrences = await cal.bookings.listOccurrences(booking.recurringBookingUid ?? booking.uid);
   * ```
   *
   * @param uid The series uid, or the uid of one occurrence.
   * @param options The per-call options.
   * @returns The occurrences, cancelled ones included.
   */
  listOccurrences(uid: string, options?: RequestOptions): Promise<CalComEvent[]> {
    return listOccurrences(this.#context, uid, options);
  }

  /**
   * Gets a seated booking by one of its seats (`GET /v2/bookings/by-seat/{seatUid}`); the booking's `seatUid` is that
   * seat. Other attendees are listed when you host the event type or it shows attendees.
   *
   * @example
   * ```ts
   * const booking = await cal.bookings.getBySeat('3be561a9-31f1-4b8e-aefc-9d9a085f0dd1');
   * ```
   *
   * @param seatUid The seat uid (from the create result's `booking.seatUid` or an attendee's `seatUid`).
   * @param options The per-call options.
   * @returns The booking.
   */
  getBySeat(seatUid: string, options?: RequestOptions): Promise<CalComEvent> {
    return getBySeat(this.#context, seatUid, options);
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
  reschedule(uid: string, params: RescheduleBookingInput, options?: RequestOptions): Promise<BookingResult> {
    return rescheduleBooking(this.#context, this.#slots, uid, params, options);
  }

  /**
   * Cancels a booking (`POST /v2/bookings/{uid}/cancel`). Idempotent: a booking cancelled before this call comes back
   * with `alreadyCancelled: true` and nothing is sent. After an ambiguous failure the booking is read back instead of
   * sending blindly again: cancelled → `verifiedByReadBack: true` (this call cancelled it); still active → the cancel is
   * sent again; unknown → `CalComUnknownOutcomeError`. Recurring bookings: the series uid (`recurringBookingUid`)
   * cancels every occurrence, `cancelSubsequent: true` an occurrence and the later ones (both return `occurrences`).
   * Seated bookings: `seatUid` cancels that seat only (the result has `seatUid`; the booking stays for the others).
   *
   * @example
   * ```ts
   * const result = await cal.bookings.cancel('8qYcb3xRj4', { reason: 'Double-booked' });
   * ```
   *
   * @param uid The booking UID, or a recurring booking's series uid.
   * @param params The cancellation reason, and `cancelSubsequent` or `seatUid`.
   * @param options The per-call options.
   * @returns The cancellation confirmation and how it was confirmed.
   */
  async cancel(uid: string, params: CancelBookingInput = {}, options?: RequestOptions): Promise<CancellationResult> {
    const context = this.#context;
    reasonOf(params);
    if (params?.cancelSubsequent !== undefined && typeof params.cancelSubsequent !== 'boolean') {
      throw invalidField(
        'cancelSubsequent',
        `expected true or false, got ${describeValue(params.cancelSubsequent)}`,
        'Pass true or leave it out.',
      );
    }
    if (params?.seatUid !== undefined) {
      if (params.cancelSubsequent === true) {
        throw invalidField(
          'cancelSubsequent',
          'was given together with seatUid',
          'Cancel one seat, or the occurrences.',
        );
      }
      return cancelSeat(context, uid, params.seatUid, params, options);
    }
    const current = await getBookingOrSeries(context, uidParam(uid, 'uid'), options);
    if (Array.isArray(current) || params?.cancelSubsequent === true) {
      return cancelOccurrences(context, uid, current, params, options);
    }
    return cancelBooking(context, uid, params, options, current);
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
  confirm(uid: string, options?: RequestOptions): Promise<CalComEvent> {
    return confirmBooking(this.#context, uid, options);
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
  decline(uid: string, params: DeclineBookingInput = {}, options?: RequestOptions): Promise<CalComEvent> {
    return declineBooking(this.#context, uid, params, options);
  }

  /**
   * Moves a round-robin team booking to another host (`POST /v2/bookings/{uid}/reassign`, or
   * `…/reassign/{userId}` with `userId`); the booking keeps its UID. Sent once (Cal.com picks the host, so a blind
   * retry could move it twice); after an ambiguous failure the booking is read back: a new host (the chosen one) →
   * `verifiedByReadBack: true`, else `CalComUnknownOutcomeError`. Cal.com refuses bookings of personal or collective
   * event types.
   *
   * @example
   * ```ts
   * const { reassignedTo } = await cal.bookings.reassign('8qYcb3xRj4', { userId: 1002, reason: 'Ada is away' });
   * ```
   *
   * @param uid The booking UID.
   * @param params The new host (`userId`, default: Cal.com picks a free one) and the reason (with `userId` only).
   * @param options The per-call options.
   * @returns The new host and how it was confirmed.
   */
  reassign(uid: string, params: ReassignBookingInput = {}, options?: RequestOptions): Promise<ReassignmentResult> {
    return reassignBooking(this.#context, uid, params, options);
  }

  /**
   * Lists a booking's attendees with their ids (`GET /v2/bookings/{uid}/attendees`); guests added later are attendees.
   *
   * @example
   * ```ts
   * const attendees = await cal.bookings.listAttendees('8qYcb3xRj4');
   * ```
   *
   * @param uid The booking UID.
   * @param options The per-call options.
   * @returns The attendees.
   */
  listAttendees(uid: string, options?: RequestOptions): Promise<BookingAttendeeRecord[]> {
    return listAttendees(this.#context, uid, options);
  }

  /**
   * Gets one attendee of a booking by id (`GET /v2/bookings/{uid}/attendees/{attendeeId}`).
   *
   * @example
   * ```ts
   * const attendee = await cal.bookings.getAttendee('8qYcb3xRj4', 251);
   * ```
   *
   * @param uid The booking UID.
   * @param attendeeId The attendee id (from `listAttendees`).
   * @param options The per-call options.
   * @returns The attendee.
   */
  getAttendee(uid: string, attendeeId: number, options?: RequestOptions): Promise<BookingAttendeeRecord> {
    return getAttendee(this.#context, uid, attendeeId, options);
  }

  /**
   * Adds an attendee to a booking (`POST /v2/bookings/{uid}/attendees`); Cal.com emails them and updates the calendar
   * event. An email that already attends is refused before sending. Never sent twice: after an ambiguous failure the
   * attendees are listed and the new one returned with `verifiedByReadBack: true`, or `CalComUnknownOutcomeError`.
   *
   * @example
   * ```ts
   * const { attendee } = await cal.bookings.addAttendee('8qYcb3xRj4', { name: 'Bo Chen', email: 'bo@example.com', timeZone: 'Asia/Tokyo' });
   * ```
   *
   * @param uid The booking UID.
   * @param params The attendee.
   * @param options The per-call options.
   * @returns The new attendee and how it was confirmed.
   */
  addAttendee(
    uid: string,
    params: AddAttendeeInput,
    options?: RequestOptions,
  ): Promise<{ attendee: BookingAttendeeRecord; verifiedByReadBack: boolean }> {
    return addAttendee(this.#context, uid, params, options);
  }

  /**
   * Adds 1 to 10 guests to an active booking (`POST /v2/bookings/{uid}/guests`); they become attendees and Cal.com
   * emails them. Guests already attending, or more than 30 attendees in all, are refused before sending. Never sent
   * twice: after an ambiguous failure the booking is read back (`verifiedByReadBack: true` when all are attendees).
   *
   * @example
   * ```ts
   * const { booking } = await cal.bookings.addGuests('8qYcb3xRj4', { guests: [{ email: 'cy@example.com' }] });
   * ```
   *
   * @param uid The booking UID.
   * @param params The guests.
   * @param options The per-call options.
   * @returns The booking with its new attendees and how it was confirmed.
   */
  addGuests(
    uid: string,
    params: AddGuestsInput,
    options?: RequestOptions,
  ): Promise<{ booking: CalComEvent; verifiedByReadBack: boolean }> {
    return addGuests(this.#context, uid, params, options);
  }

  /**
   * Changes a booking's location (`PATCH /v2/bookings/{uid}/location`): an address, a link, a phone number or a
   * conferencing app. Cal.com does not update the calendar event (docs/CALCOM-API.md §7.5).
   *
   * @example
   * ```ts
   * await cal.bookings.updateLocation('8qYcb3xRj4', { location: { type: 'link', link: 'https://meet.example.com/x' } });
   * ```
   *
   * @param uid The booking UID.
   * @param params The new location.
   * @param options The per-call options.
   * @returns The booking and how it was confirmed.
   */
  updateLocation(
    uid: string,
    params: UpdateLocationInput,
    options?: RequestOptions,
  ): Promise<{ booking: CalComEvent; verifiedByReadBack: boolean }> {
    return updateLocation(this.#context, uid, params, options);
  }

  /**
   * Marks the host and/or attendees absent (no-show) or clears it (`POST /v2/bookings/{uid}/mark-absent`). Refused
   * before sending for a booking that has not started, is cancelled or rejected, or for an email that is not an
   * attendee. The booking shows `absentHost: true` and `attendees[].absent`.
   *
   * @example
   * ```ts
   * await cal.bookings.markAbsent('8qYcb3xRj4', { attendees: [{ email: 'ann@example.com', absent: true }] });
   * ```
   *
   * @param uid The booking UID.
   * @param params Who was absent.
   * @param options The per-call options.
   * @returns The booking and how it was confirmed.
   */
  markAbsent(
    uid: string,
    params: MarkAbsentInput,
    options?: RequestOptions,
  ): Promise<{ booking: CalComEvent; verifiedByReadBack: boolean }> {
    return markAbsent(this.#context, uid, params, options);
  }

  /**
   * Gets a booking's "Add to calendar" links (`GET /v2/bookings/{uid}/calendar-links`): Google, Microsoft Office,
   * Microsoft Outlook and an ICS file.
   *
   * @example
   * ```ts
   * const links = await cal.bookings.calendarLinks('8qYcb3xRj4');
   * ```
   *
   * @param uid The booking UID.
   * @param options The per-call options.
   * @returns The links.
   */
  calendarLinks(uid: string, options?: RequestOptions): Promise<CalendarLink[]> {
    return calendarLinks(this.#context, uid, options);
  }
}
