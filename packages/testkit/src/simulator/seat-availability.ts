import type { BookingAttendee, BookingOutput } from '../dto/booking';
import type { EventTypeOutput, TeamEventTypeOutput } from '../dto/event-type';
import type { SimulatorData } from './types';

// Seats (docs/CALCOM-API.md §7.5): which seats a booking holds and how a seated slot with free seats stays bookable.

/** An attendee of a seated booking (`SeatedAttendee`). */
export interface SeatedAttendee extends BookingAttendee {
  seatUid: string;
  bookingFieldsResponses: Record<string, unknown>;
}

/** A personal or team event type. */
export type AnyEventType = EventTypeOutput | TeamEventTypeOutput;

/** The seats per time slot of a seated event type, or `undefined`. */
export function seatsPerSlot(eventType: AnyEventType | undefined): number | undefined {
  return eventType?.seats?.seatsPerTimeSlot;
}

/** The event type of a booking. */
export function eventTypeOf(data: SimulatorData, booking: BookingOutput): AnyEventType | undefined {
  return (
    data.eventTypes.find((candidate) => candidate.id === booking.eventTypeId) ??
    data.teamEventTypes.find((candidate) => candidate.id === booking.eventTypeId)
  );
}

/** Whether a booking is neither cancelled nor rejected. */
export function isActive(booking: BookingOutput): boolean {
  return booking.status !== 'cancelled' && booking.status !== 'rejected';
}

/** The seats (seated attendees) of a booking. */
export function seatsOf(booking: BookingOutput): SeatedAttendee[] {
  return booking.attendees.filter((attendee): attendee is SeatedAttendee => 'seatUid' in attendee);
}

/**
 * Whether an active seated booking of `eventType` still has a free seat: its slot must stay bookable at its own start
 * (the slot is not busy for that event type while seats remain).
 */
export function hasFreeSeat(data: SimulatorData, eventType: AnyEventType, booking: BookingOutput): boolean {
  const seats = seatsPerSlot(eventType);
  return (
    seats !== undefined &&
    booking.eventTypeId === eventType.id &&
    isActive(booking) &&
    seatsOf(booking).length < seats &&
    eventTypeOf(data, booking) === eventType
  );
}

/**
 * Drops the slot starts that overlap a seated booking with free seats, except that booking's own start (a seated
 * slot with free seats is offered at its start only).
 */
export function keepSeatedStarts(starts: number[], open: readonly BookingOutput[], lengthInMinutes: number): number[] {
  if (open.length === 0) return starts;
  return starts.filter((start) =>
    open.every((booking) => {
      const from = Date.parse(booking.start);
      const to = Date.parse(booking.end);
      return start === from || start + lengthInMinutes * 60_000 <= from || start >= to;
    }),
  );
}

/** The seat fields of a slot (`attendeesCount`, `bookingUid`) when a seated booking already holds `start`. */
export function seatedSlotFields(
  data: SimulatorData,
  eventType: AnyEventType,
  start: number,
): { attendeesCount?: number; bookingUid?: string } {
  if (seatsPerSlot(eventType) === undefined) return {};
  const booking = data.bookings.find(
    (candidate) =>
      candidate.eventTypeId === eventType.id && isActive(candidate) && Date.parse(candidate.start) === start,
  );
  return booking === undefined ? {} : { attendeesCount: seatsOf(booking).length, bookingUid: booking.uid };
}
