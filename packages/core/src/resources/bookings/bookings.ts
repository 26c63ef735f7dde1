import type { CalComEvent } from '../../models/booking';
import type { Page } from '../../models/pagination';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';
import type { EventTypesResource } from '../event-types/event-types';
import type { SlotsResource } from '../slots/slots';
import { cancelBooking, confirmBooking, declineBooking } from './booking-actions';
import type { ListBookingsFilters } from './booking-filters';
import type { BookingResult, CancellationResult, CreateBookingInput, RescheduleOptions } from './booking-types';
import { createBooking } from './create-booking';
import { iterateBookings, listBookings } from './list-bookings';
import { rescheduleBooking } from './reschedule-booking';
import { getBooking } from './send-booking';

/**
 * Bookings (`/v2/bookings`, `cal-api-version: 2024-08-13`): the methods the client exposes, each in its own file
 * (`list-bookings.ts`, `send-booking.ts`, `create-booking.ts`, `reschedule-booking.ts`, `booking-actions.ts`, with
 * the free-slot check in `slot-check.ts` and the D7 reconciliation in `reconcile.ts`).
 */
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
  listBookings(filters: ListBookingsFilters = {}, options?: RequestOptions): Promise<Page<CalComEvent>> {
    return listBookings(this.context, filters, options);
  }

  /**
   * Walks all bookings matching the filters, one page in memory at a time.
   *
   * @param filters The filters; `limit` is the page size, `skip` the first item.
   * @param options The per-call options.
   * @returns An async iterator of bookings.
   */
  iterateBookings(filters: ListBookingsFilters = {}, options?: RequestOptions): AsyncIterableIterator<CalComEvent> {
    return iterateBookings(this.context, filters, options);
  }

  /**
   * Gets one booking.
   *
   * @param uid The booking UID.
   * @param options The per-call options.
   * @returns The booking.
   */
  getBooking(uid: string, options?: RequestOptions): Promise<CalComEvent> {
    return getBooking(this.context, uid, options);
  }

  /**
   * Books a slot: checks the input, the length against the event type and that the slot is free, then creates the
   * booking once. An ambiguous failure is reconciled by looking the booking up (never blindly retried); a booking
   * found that way comes back with `verifiedByReadBack: true`.
   *
   * @param input The booking.
   * @param options The per-call options.
   * @returns The booking and its confirmation.
   */
  createBooking(input: CreateBookingInput, options?: RequestOptions): Promise<BookingResult> {
    return createBooking({ context: this.context, eventTypes: this.eventTypes, slots: this.slots }, input, options);
  }

  /**
   * Moves a booking to a new start. Cal.com creates a new booking (new uid, `rescheduledFromUid` = old uid) and
   * cancels the old one. Checks the slot first; an ambiguous failure is reconciled by looking up the reschedule of
   * this uid (never blindly retried).
   *
   * @param uid The UID of the booking to move (the latest one of a reschedule chain).
   * @param newStart The new start (ISO 8601 with offset, or a `Date`).
   * @param newEnd The new end; must keep the booking's length.
   * @param options The reason, who reschedules, and the per-call options.
   * @returns The new booking and its confirmation.
   */
  rescheduleEvent(
    uid: string,
    newStart: string | Date,
    newEnd?: string | Date,
    options?: RescheduleOptions,
  ): Promise<BookingResult> {
    return rescheduleBooking({ context: this.context, slots: this.slots }, uid, newStart, newEnd, options);
  }

  /**
   * Cancels a booking. Idempotent: a booking cancelled before the call is returned with `alreadyCancelled: true` and
   * nothing is sent. After an ambiguous failure the booking is read back (`verifiedByReadBack: true` when that shows
   * it cancelled).
   *
   * @param uid The booking UID.
   * @param reason The cancellation reason.
   * @param options The per-call options.
   * @returns The cancellation confirmation and how it was confirmed.
   */
  cancelEvent(uid: string, reason?: string, options?: RequestOptions): Promise<CancellationResult> {
    return cancelBooking(this.context, uid, reason, options);
  }

  /**
   * Confirms a booking that awaits the host's confirmation; an ambiguous failure is settled by reading it back.
   *
   * @param uid The booking UID.
   * @param options The per-call options.
   * @returns The confirmed booking.
   */
  confirmBooking(uid: string, options?: RequestOptions): Promise<CalComEvent> {
    return confirmBooking(this.context, uid, options);
  }

  /**
   * Declines a booking that awaits the host's confirmation; an ambiguous failure is settled by reading it back.
   *
   * @param uid The booking UID.
   * @param reason The reason shown to the attendee.
   * @param options The per-call options.
   * @returns The declined booking.
   */
  declineBooking(uid: string, reason?: string, options?: RequestOptions): Promise<CalComEvent> {
    return declineBooking(this.context, uid, reason, options);
  }
}
