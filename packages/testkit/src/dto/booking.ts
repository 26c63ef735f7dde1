import type {
  BookingAttendee as BookingAttendeeDto,
  BookingHost as BookingHostDto,
  BookingOutput_2024_08_13,
} from '../generated/dto.generated';
import { LOCALES } from '../generated/spec-facts.generated';

export { LOCALES };

/** A locale of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** Booking status values (`BookingOutput_2024_08_13.status`). */
export type BookingStatus = BookingOutput_2024_08_13['status'];

/** Host of a booking (`BookingHost`). */
export type BookingHost = BookingHostDto;

/** Attendee of a booking (`BookingAttendee`). */
export type BookingAttendee = BookingAttendeeDto;

/** A booking (`BookingOutput_2024_08_13`). */
export type BookingOutput = BookingOutput_2024_08_13;
