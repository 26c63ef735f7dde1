import type { BookingConfirmation, CalComEvent, CancellationConfirmation } from '../../models/booking';
import type { EventTypeReference } from '../common/event-type-ref';
import type { BookingFieldResponse } from './booking-fields';
import type { CreateBookingLocation } from './booking-location';

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

/**
 * Params of `cal.bookings.create`: the event type by `eventTypeId` (personal or team), by `eventTypeSlug` + `username`,
 * or by `eventTypeSlug` + `teamSlug` (`organizationSlug` inside an organization), and the booking details.
 */
export type CreateBookingInput = EventTypeReference & CreateBookingDetails;

/** The details of a new booking (everything but the event type). */
export interface CreateBookingDetails {
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
  /**
   * Recurring event types only: how many occurrences to book, 1 to the event type's `recurrence.occurrences`
   * (checked before sending). Default: that maximum. Cal.com books every occurrence (`BookingResult.occurrences`).
   */
  readonly recurrenceCount?: number;
  /** Where the meeting happens: one of the event type's locations (checked before sending). Default: its first. */
  readonly location?: CreateBookingLocation;
  /**
   * Answers to the event type's booking questions, keyed by the question's slug (e.g. `{ company: 'Acme' }`); every
   * required custom question must be answered (checked before sending). `notes` may be given here or as `notes`.
   */
  readonly bookingFieldsResponses?: Readonly<Record<string, BookingFieldResponse>>;
}

/** A created or rescheduled booking and its confirmation. */
export interface BookingResult {
  /** The booking. */
  readonly booking: CalComEvent;
  /** The confirmation. */
  readonly confirmation: BookingConfirmation;
  /**
   * `true` when Cal.com's answer was lost (timeout, connection reset, 5xx or an unreadable body after the request was
   * sent) and the booking was found by looking it up (D7); `false` when Cal.com answered with it.
   */
  readonly verifiedByReadBack: boolean;
  /**
   * A recurring booking: every occurrence in start order (the first is `booking`), sharing `recurringBookingUid`.
   * Absent for other bookings.
   */
  readonly occurrences?: readonly CalComEvent[];
}

/** The result of `cal.bookings.cancel`: the cancellation confirmation and how it was confirmed. */
export interface CancellationResult extends CancellationConfirmation {
  /**
   * `true` when Cal.com's answer to the cancel was lost (timeout, connection reset, 5xx or an unreadable body) and
   * reading the booking back showed it cancelled; the cancel was made by this call (`alreadyCancelled` is `false`).
   */
  readonly verifiedByReadBack: boolean;
  /** A cancel of a series uid or with `cancelSubsequent`: every occurrence of the series as it is now, in start order. */
  readonly occurrences?: readonly CalComEvent[];
  /** A cancel with `seatUid`: the seat cancelled; `booking` is the booking that keeps its other seats. */
  readonly seatUid?: string;
}

/** Params of `cal.bookings.reschedule`. */
export interface RescheduleBookingInput {
  /** The new start (ISO 8601 with offset, or a `Date`); sent to Cal.com in UTC. */
  readonly start: string | Date;
  /** The new end; must keep the booking's length (Cal.com keeps it). Default: start + the booking's length. */
  readonly end?: string | Date;
  /** Why the booking moves; shown to the attendees. */
  readonly reason?: string;
  /** The email of who reschedules; the owner's email auto-confirms events that need confirmation. */
  readonly rescheduledBy?: string;
}

/** Params of `cal.bookings.cancel`. */
export interface CancelBookingInput {
  /** The cancellation reason. */
  readonly reason?: string;
  /** An occurrence of a recurring booking: also cancel every later occurrence (`cancelSubsequentBookings`). */
  readonly cancelSubsequent?: boolean;
  /** A seated booking: cancel only this seat (an attendee leaving); the booking stays for the other seats. */
  readonly seatUid?: string;
}

/** Params of `cal.bookings.decline`. */
export interface DeclineBookingInput {
  /** The reason shown to the attendee. */
  readonly reason?: string;
}
