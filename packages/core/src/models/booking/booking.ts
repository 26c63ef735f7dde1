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

/** The booking DTO after its checks, as {@link toCalComEvent} reads it. */
type CheckedBookingDto = v.InferOutput<typeof BookingDtoSchema>;

/** An attendee of a booking. `email` is missing on some old bookings; a seated booking's attendees have `seatUid`. */
export interface CalComEventAttendee {
  name: string;
  email?: string;
  timeZone: string;
  /** Marked as a no-show. */
  absent: boolean;
  seatUid?: string;
}

/** A host of a booking. */
export interface CalComEventHost {
  id: number;
  name: string;
  email: string;
  username: string;
  timeZone: string;
}

/**
 * A Cal.com booking (domain model); times are ISO 8601 UTC strings. `responses` holds the booking-field responses
 * (`name`, `email`, `notes` and custom fields, keyed by field slug); `notes` is `responses.notes` when it is text.
 * An occurrence of a recurring booking has `recurringBookingUid` (the series); a seated booking's attendees have
 * `seatUid`, and a just-created seated booking has `seatUid`, the booker's seat.
 */
export interface CalComEvent {
  id: number;
  uid: string;
  title: string;
  /** Empty when the booking has none. */
  description: string;
  status: BookingStatus;
  start: string;
  end: string;
  durationMinutes: number;
  eventTypeId: number;
  eventTypeSlug: string;
  attendees: CalComEventAttendee[];
  hosts: CalComEventHost[];
  location: string | null;
  /** Present (and `true`) only when the host was marked as a no-show. */
  absentHost?: true;
  meetingUrl?: string;
  cancellationReason?: string;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  recurringBookingUid?: string;
  seatUid?: string;
  guests: string[];
  createdAt: string;
  /** `createdAt` when the booking was never updated. */
  updatedAt: string;
  metadata: Record<string, unknown>;
  responses: Record<string, unknown>;
  notes?: string;
}

/**
 * Maps a checked booking DTO to a {@link CalComEvent}. Optional fields are assigned one by one rather than spread from
 * temporary objects: this runs for every booking of every page, and the spreads cost two thirds of validating a page.
 */
function toCalComEvent(dto: CheckedBookingDto): CalComEvent {
  const event: CalComEvent = {
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
    attendees: dto.attendees.map(toAttendee),
    hosts: dto.hosts.map(toHost),
    location: dto.location ?? null,
    guests: [],
    createdAt: dto.createdAt,
    updatedAt: dto.updatedAt ?? dto.createdAt,
    metadata: {},
    responses: {},
  };
  if (dto.absentHost === true) event.absentHost = true;
  if (dto.meetingUrl) event.meetingUrl = dto.meetingUrl;
  if (dto.cancellationReason) event.cancellationReason = dto.cancellationReason;
  if (dto.rescheduledFromUid) event.rescheduledFromUid = dto.rescheduledFromUid;
  if (dto.rescheduledToUid) event.rescheduledToUid = dto.rescheduledToUid;
  if (dto.recurringBookingUid !== undefined) event.recurringBookingUid = dto.recurringBookingUid;
  if (dto.seatUid !== undefined) event.seatUid = dto.seatUid;
  if (dto.guests) event.guests = dto.guests;
  if (dto.metadata) event.metadata = dto.metadata;
  const responses = dto.bookingFieldsResponses;
  if (responses) {
    event.responses = responses;
    if (typeof responses.notes === 'string') event.notes = responses.notes;
  }
  return event;
}

function toAttendee(attendee: CheckedBookingDto['attendees'][number]): CalComEventAttendee {
  const { name, email, timeZone, absent } = attendee;
  const mapped: CalComEventAttendee = email ? { name, email, timeZone, absent } : { name, timeZone, absent };
  if (attendee.seatUid !== undefined) mapped.seatUid = attendee.seatUid;
  return mapped;
}

function toHost(host: CheckedBookingDto['hosts'][number]): CalComEventHost {
  return { id: host.id, name: host.name, email: host.email, username: host.username, timeZone: host.timeZone };
}

/** Schema mapping a booking DTO to the `CalComEvent` domain model. */
export const CalComEventSchema = v.pipe(BookingDtoSchema, v.transform(toCalComEvent));

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
