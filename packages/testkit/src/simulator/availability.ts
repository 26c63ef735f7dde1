import type { BookingOutput } from '../dto/booking';
import type { EventTypeOutput } from '../dto/event-type';
import type { ScheduleOutput } from '../dto/schedule';
import { hasFreeSeat, keepSeatedStarts } from './seat-availability';
import { type BusyInterval, computeSlotStarts } from './slot-math';
import type { SimulatorData } from './types';

/** Options of {@link freeSlotStarts}. */
export interface FreeSlotOptions {
  /** A booking whose time stays free (`bookingUidToReschedule`). */
  ignoreBookingUid?: string;
  /** Length to use instead of the event type's (`duration`, `lengthInMinutes`). */
  lengthInMinutes?: number;
}

/**
 * Finds the schedule used by an event type: its own `scheduleId`, else the owner's default schedule.
 *
 * @param data The state.
 * @param eventType The event type.
 * @returns The schedule, or `undefined` when the owner has none.
 */
export function scheduleFor(data: SimulatorData, eventType: EventTypeOutput): ScheduleOutput | undefined {
  const owner = data.users.find((user) => user.id === eventType.ownerId);
  const id = eventType.scheduleId ?? owner?.defaultScheduleId ?? null;
  return data.schedules.find((schedule) => schedule.id === id && schedule.ownerId === eventType.ownerId);
}

/**
 * Computes the free slot starts of an event type between two instants (inclusive), minus the owner's
 * non-cancelled bookings with their event types' buffers.
 *
 * @param data The state.
 * @param eventType The event type.
 * @param rangeStart First allowed start, epoch ms.
 * @param rangeEnd Last allowed start, epoch ms.
 * @param now Current time, epoch ms.
 * @param options Booking to ignore, length override.
 * @returns Slot starts in epoch ms.
 */
export function freeSlotStarts(
  data: SimulatorData,
  eventType: EventTypeOutput,
  rangeStart: number,
  rangeEnd: number,
  now: number,
  options: FreeSlotOptions = {},
): number[] {
  const schedule = scheduleFor(data, eventType);
  if (schedule === undefined) return [];
  const busy: BusyInterval[] = [];
  const openSeats: BookingOutput[] = [];
  for (const booking of data.bookings) {
    if (booking.status === 'cancelled' || booking.status === 'rejected') continue;
    if (booking.uid === options.ignoreBookingUid) continue;
    if (hasFreeSeat(data, eventType, booking)) {
      openSeats.push(booking);
      continue;
    }
    if (!booking.hosts.some((host) => host.id === eventType.ownerId)) continue;
    const bookedType =
      data.eventTypes.find((candidate) => candidate.id === booking.eventTypeId) ??
      data.teamEventTypes.find((candidate) => candidate.id === booking.eventTypeId);
    busy.push({
      start: Date.parse(booking.start),
      end: Date.parse(booking.end),
      beforeBuffer: bookedType?.beforeEventBuffer ?? 0,
      afterBuffer: bookedType?.afterEventBuffer ?? 0,
    });
  }
  const starts = computeSlotStarts({
    timeZone: schedule.timeZone,
    availability: schedule.availability,
    overrides: schedule.overrides,
    rangeStart,
    rangeEnd,
    lengthInMinutes: options.lengthInMinutes ?? eventType.lengthInMinutes,
    slotInterval: eventType.slotInterval ?? null,
    minimumBookingNotice: eventType.minimumBookingNotice ?? 0,
    beforeEventBuffer: eventType.beforeEventBuffer ?? 0,
    afterEventBuffer: eventType.afterEventBuffer ?? 0,
    busy,
    now,
  });
  return keepSeatedStarts(starts, openSeats, options.lengthInMinutes ?? eventType.lengthInMinutes);
}
