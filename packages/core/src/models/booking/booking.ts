import * as v from 'valibot';
import { BOOKING_STATUSES } from '../../generated/spec-facts.generated';
import { IdSchema } from '../id';
import { UtcTimestampSchema } from '../time';

/** Booking statuses as the API returns them (lower case). */
export const BookingStatusSchema = v.picklist(BOOKING_STATUSES);

/** Booking status: `accepted`, `pending` (awaits the host), `cancelled` or `rejected`. */
export type BookingStatus = v.InferOutput<typeof BookingStatusSchema>;

/** Booking attendee DTO schema (`BookingAttendee`); `email` may be missing on old bookings (docs/CALCOM-API.md §9.9). */
export const BookingAttendeeDtoSchema = v.object({
  name: v.string(),
  email: v.optional(v.string()),
  timeZone: v.string(),
  absent: v.optional(v.boolean(), false),
  /** Seated bookings (`SeatedAttendee`): the attendee's seat. */
  seatUid: v.optional(v.string()),
});

/** Booking host DTO schema (`BookingHost`). */
export const BookingHostDtoSchema = v.object({
  id: IdSchema,
  name: v.string(),
  email: v.string(),
  username: v.string(),
  timeZone: v.string(),
});

/** Booking DTO schema (`BookingOutput_2024_08_13`): lenient to unknown fields, strict on the ones used. */
export const BookingDtoSchema = v.object({
  id: IdSchema,
  uid: v.string(),
  title: v.string(),
  description: v.nullish(v.string()),
  hosts: v.array(BookingHostDtoSchema),
  status: BookingStatusSchema,
  cancellationReason: v.nullish(v.string()),
  rescheduledFromUid: v.nullish(v.string()),
  rescheduledToUid: v.nullish(v.string()),
  start: UtcTimestampSchema,
  end: UtcTimestampSchema,
  duration: v.number(),
  eventTypeId: v.optional(IdSchema),
  eventType: v.object({ id: IdSchema, slug: v.string() }),
  meetingUrl: v.nullish(v.string()),
  location: v.nullish(v.string()),
  absentHost: v.nullish(v.boolean()),
  createdAt: UtcTimestampSchema,
  updatedAt: v.nullish(UtcTimestampSchema),
  metadata: v.nullish(v.record(v.string(), v.unknown())),
  attendees: v.array(BookingAttendeeDtoSchema),
  guests: v.nullish(v.array(v.string())),
  bookingFieldsResponses: v.nullish(v.record(v.string(), v.unknown())),
  /** Recurring bookings (`RecurringBookingOutput_2024_08_13`): the uid of the series. */
  recurringBookingUid: v.optional(v.string()),
  /** Created seated bookings (`CreateSeatedBookingOutput_2024_08_13`): the booker's seat. */
  seatUid: v.optional(v.string()),
});

/** Booking DTO as the API sends it. */
export type BookingDto = v.InferInput<typeof BookingDtoSchema>;

/** Schema mapping a booking DTO to the `CalComEvent` domain model. */
export const CalComEventSchema = v.pipe(
  BookingDtoSchema,
  v.transform((dto) => ({
    id: dto.id,
    uid: dto.uid,
    title: dto.title,
    description: dto.description ?? '',
    status: dto.status,
    start: dto.start,
    end: dto.end,
    durationMinutes: dto.duration,
    eventTypeId: dto.eventType.id,
    eventTypeSlug: dto.eventType.slug,
    attendees: dto.attendees.map((attendee) => ({
      name: attendee.name,
      ...(attendee.email ? { email: attendee.email } : {}),
      timeZone: attendee.timeZone,
      absent: attendee.absent,
      ...(attendee.seatUid === undefined ? {} : { seatUid: attendee.seatUid }),
    })),
    hosts: dto.hosts.map((host) => ({
      id: host.id,
      name: host.name,
      email: host.email,
      username: host.username,
      timeZone: host.timeZone,
    })),
    location: dto.location ?? null,
    ...(dto.absentHost === true ? { absentHost: true as const } : {}),
    ...(dto.meetingUrl ? { meetingUrl: dto.meetingUrl } : {}),
    ...(dto.cancellationReason ? { cancellationReason: dto.cancellationReason } : {}),
    ...(dto.rescheduledFromUid ? { rescheduledFromUid: dto.rescheduledFromUid } : {}),
    ...(dto.rescheduledToUid ? { rescheduledToUid: dto.rescheduledToUid } : {}),
    ...(dto.recurringBookingUid === undefined ? {} : { recurringBookingUid: dto.recurringBookingUid }),
    ...(dto.seatUid === undefined ? {} : { seatUid: dto.seatUid }),
    guests: dto.guests ?? [],
    createdAt: dto.createdAt,
    updatedAt: dto.updatedAt ?? dto.createdAt,
    metadata: dto.metadata ?? {},
    responses: dto.bookingFieldsResponses ?? {},
    ...(typeof dto.bookingFieldsResponses?.notes === 'string' ? { notes: dto.bookingFieldsResponses.notes } : {}),
  })),
);

/**
 * A Cal.com booking (domain model); times are ISO 8601 UTC strings. `responses` holds the booking-field responses
 * (`name`, `email`, `notes` and custom fields, keyed by field slug); `notes` is `responses.notes` when it is text.
 * An occurrence of a recurring booking has `recurringBookingUid` (the series); a seated booking's attendees have
 * `seatUid`, and a just-created seated booking has `seatUid`, the booker's seat.
 */
export type CalComEvent = v.InferOutput<typeof CalComEventSchema>;

/** Booking confirmation: ids, status and times of a created or rescheduled booking. */
export interface BookingConfirmation {
  /** The booking's numeric id. */
  bookingId: number;
  /** The booking's uid. */
  bookingUid: string;
  /** The booking's status. */
  status: BookingStatus;
  /** When the booking was confirmed (the booking's creation time), ISO 8601 UTC. */
  confirmedAt: string;
  /** Start, ISO 8601 UTC. */
  start: string;
  /** End, ISO 8601 UTC. */
  end: string;
  /** Whether the host still has to confirm the booking. */
  requiresHostConfirmation: boolean;
  /** The URL where the booking can be managed, when known. */
  manageUrl?: string | undefined;
}

/**
 * Creates the confirmation of a created or rescheduled booking.
 *
 * @param manageUrl The URL where the booking can be managed, when known.
 */
export function toBookingConfirmation(booking: CalComEvent, manageUrl?: string): BookingConfirmation {
  return {
    bookingId: booking.id,
    bookingUid: booking.uid,
    status: booking.status,
    confirmedAt: booking.createdAt,
    start: booking.start,
    end: booking.end,
    requiresHostConfirmation: booking.status === 'pending',
    ...(manageUrl === undefined ? {} : { manageUrl }),
  };
}

/** Cancellation confirmation: the cancelled booking and whether it was cancelled before this call. */
export interface CancellationConfirmation {
  /** The booking UID. */
  readonly uid: string;
  /** The booking status, always `cancelled`. */
  readonly status: 'cancelled';
  /** The cancellation reason, or `null` when none was given. */
  readonly reason: string | null;
  /** Whether the booking was already cancelled before this call (then nothing was sent). */
  readonly alreadyCancelled: boolean;
  /** The cancelled booking. */
  readonly booking: CalComEvent;
}
