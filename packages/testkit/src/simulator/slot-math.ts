import type { ScheduleAvailability, ScheduleOverride } from '../dto/schedule';
import { WEEK_DAYS } from '../dto/schedule';
import { addDays, localDate, parseClockTime, weekdayIndex, zonedToEpoch } from './time-zone';

/** A busy interval (an existing booking) with the buffers of its event type, in epoch milliseconds. */
export interface BusyInterval {
  start: number;
  end: number;
  beforeBuffer?: number;
  afterBuffer?: number;
}

/** Input of {@link computeSlotStarts}. */
export interface SlotMathInput {
  /** The schedule's zone; availability and overrides are wall-clock times in it. */
  timeZone: string;
  availability: readonly ScheduleAvailability[];
  overrides: readonly ScheduleOverride[];
  /** First and last allowed slot start (inclusive), epoch ms. */
  rangeStart: number;
  rangeEnd: number;
  /** Event length in minutes. */
  lengthInMinutes: number;
  /** Step between slot starts in minutes; defaults to the length. */
  slotInterval?: number | null;
  /** Minimum notice in minutes before a slot may start. */
  minimumBookingNotice?: number;
  /** Buffers in minutes the new event needs before and after itself. */
  beforeEventBuffer?: number;
  afterEventBuffer?: number;
  /** Existing non-cancelled bookings. */
  busy: readonly BusyInterval[];
  /** Current time, epoch ms. */
  now: number;
}

const MINUTE = 60_000;

function windowsOf(date: string, input: SlotMathInput): Array<[number, number]> {
  const overrides = input.overrides.filter((override) => override.date === date);
  const source =
    overrides.length > 0
      ? overrides
      : input.availability.filter((window) => window.days.includes(WEEK_DAYS[weekdayIndex(date)] ?? 'Monday'));
  const windows: Array<[number, number]> = [];
  for (const window of source) {
    const start = parseClockTime(window.startTime);
    const end = parseClockTime(window.endTime);
    if (start === undefined || end === undefined || end <= start) continue;
    windows.push([zonedToEpoch(date, start, input.timeZone), zonedToEpoch(date, end, input.timeZone)]);
  }
  return windows;
}

function overlapsBusy(slotStart: number, input: SlotMathInput): boolean {
  const from = slotStart - (input.beforeEventBuffer ?? 0) * MINUTE;
  const to = slotStart + (input.lengthInMinutes + (input.afterEventBuffer ?? 0)) * MINUTE;
  return input.busy.some((busy) => {
    const busyFrom = busy.start - (busy.beforeBuffer ?? 0) * MINUTE;
    const busyTo = busy.end + (busy.afterBuffer ?? 0) * MINUTE;
    return from < busyTo && to > busyFrom;
  });
}

/**
 * Computes the free slot starts of a schedule: weekly windows (or that date's overrides) in the schedule's zone,
 * stepped by the slot interval, minus busy intervals (with buffers on both sides) and the minimum notice.
 *
 * @param input The schedule, range, event settings, busy intervals and clock.
 * @returns Slot starts in epoch milliseconds, ascending.
 */
export function computeSlotStarts(input: SlotMathInput): number[] {
  const length = input.lengthInMinutes * MINUTE;
  const step = (input.slotInterval ?? input.lengthInMinutes) * MINUTE;
  const earliest = Math.max(input.rangeStart, input.now + (input.minimumBookingNotice ?? 0) * MINUTE);
  const starts = new Set<number>();
  const lastDate = addDays(localDate(input.rangeEnd, input.timeZone), 1);
  for (let date = addDays(localDate(input.rangeStart, input.timeZone), -1); date <= lastDate; date = addDays(date, 1)) {
    for (const [windowStart, windowEnd] of windowsOf(date, input)) {
      for (let start = windowStart; start + length <= windowEnd; start += step) {
        if (start < earliest || start > input.rangeEnd) continue;
        if (!overlapsBusy(start, input)) starts.add(start);
      }
    }
  }
  return [...starts].sort((left, right) => left - right);
}
