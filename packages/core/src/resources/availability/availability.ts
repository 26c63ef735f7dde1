import type { Availability, AvailabilitySlot } from '../../models/availability';
import { IdInputSchema, MAX_AVAILABILITY_DAYS, TimeZoneInputSchema } from '../../models/input';
import type { Schedule } from '../../models/schedule';
import { addDays, canonicalTimeZone, wallClockAt, zonedToEpoch } from '../../models/time';
import type { RequestOptions } from '../../request-options';
import type { BookingsResource } from '../bookings/bookings';
import { auxiliaryOptions } from '../common/context';
import { checkEventTypeReference, type EventTypeReference, referenceFields } from '../common/event-type-ref';
import { invalidField, parseField, requireObject, requireOrderedRange, requireTime } from '../common/validate';
import type { MeResource } from '../me/me';
import type { SchedulesResource } from '../schedules/schedules';
import type { SlotsResource } from '../slots/slots';

/**
 * Params of `cal.availability.list`: the range and zone, and optionally the event type whose bookable slots to read —
 * by `eventTypeId`, by `eventTypeSlug` + `username`, or by `eventTypeSlug` + `teamSlug` (a team's round-robin or
 * collective event type; `organizationSlug` inside an organization). Without one: the user's working hours minus
 * bookings.
 */
export type ListAvailabilityInput = ListAvailabilityRange & (EventTypeReference | NoEventType);

/** No event type: the user's working hours minus bookings. */
interface NoEventType {
  readonly eventTypeId?: undefined;
  readonly eventTypeSlug?: undefined;
  readonly username?: undefined;
  readonly teamSlug?: undefined;
  readonly organizationSlug?: undefined;
}

/** The range, user and zone of `cal.availability.list`. */
export interface ListAvailabilityRange {
  /** The user; only the authenticated user's schedule can be read (name an event type for someone else). */
  readonly userId?: number;
  /** The start of the range, inclusive (ISO 8601 with offset, or a `Date`). */
  readonly start: string | Date;
  /**
   * The end of the range, inclusive as in Cal.com's `GET /v2/slots` ("time until which available slots should be
   * checked", docs/CALCOM-API.md §7.3): a slot starting exactly at `end` is listed; free periods are cut at `end`. For a
   * whole UTC day pass `…T23:59:59Z` (Cal.com's meaning of a bare end date).
   */
  readonly end: string | Date;
  /**
   * The IANA zone the answer is reported in (`Availability.timeZone`), in both modes; checked and canonicalised by
   * `checkTimeZone`. Left out: the authenticated user's profile time zone (`cal.me.get`, cached). The slot maths does not
   * depend on it: Cal.com computes slots from the host's schedule, and working hours are expanded in the schedule's own
   * zone.
   */
  readonly timeZone?: string;
}

/** The fields that name an event type; any of them given means slots mode. */
const REFERENCE_FIELDS = ['eventTypeId', 'eventTypeSlug', 'username', 'teamSlug', 'organizationSlug'] as const;

export { MAX_AVAILABILITY_DAYS };

/** The longest booking there can be (an event type lasts 1–1440 minutes), in milliseconds. */
const LONGEST_BOOKING_MS = 1440 * 60_000;

/** An interval in epoch milliseconds. */
interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Availability: event type slots, or the default schedule expanded over a range minus bookings. */
export class AvailabilityResource {
  // True private fields: printing or serialising the resource reaches none of the resources it reads.
  readonly #me: Pick<MeResource, 'get'>;
  readonly #slots: Pick<SlotsResource, 'list'>;
  readonly #schedules: Pick<SchedulesResource, 'getDefault'>;
  readonly #bookings: Pick<BookingsResource, 'iterate'>;

  /** @internal Created by `CalComClient`. */
  constructor(
    me: Pick<MeResource, 'get'>,
    slots: Pick<SlotsResource, 'list'>,
    schedules: Pick<SchedulesResource, 'getDefault'>,
    bookings: Pick<BookingsResource, 'iterate'>,
  ) {
    this.#me = me;
    this.#slots = slots;
    this.#schedules = schedules;
    this.#bookings = bookings;
  }

  /**
   * Lists availability over a range. With an event type (by id or slug): its free slots (`GET /v2/slots`) whose start lies
   * in `[start, end]`, both ends inclusive. Without: the default schedule expanded in its own zone (DST-correct), with
   * existing bookings as busy blocks, cut to `[start, end]`. `timeZone` of the answer is the one asked for, or the
   * user's profile zone in both modes.
   *
   * @example
   * ```ts
   * const week = await cal.availability.list({ start: '2026-06-01T00:00:00Z', end: '2026-06-08T00:00:00Z' });
   * const free = week.slots.filter((slot) => slot.isAvailable);
   * ```
   *
   * @param input The range, event type and zone.
   * @param options The per-call options.
   * @returns The availability.
   */
  async list(input: ListAvailabilityInput, options?: RequestOptions): Promise<Availability> {
    requireObject(input, 'input', '{ start, end }');
    const start = requireTime(input.start, 'start');
    const end = requireTime(input.end, 'end');
    requireOrderedRange(start, end, 'end', MAX_AVAILABILITY_DAYS);
    const timeZone =
      input.timeZone === undefined ? undefined : parseField(TimeZoneInputSchema, input.timeZone, 'timeZone');
    const userId = input.userId === undefined ? undefined : parseField(IdInputSchema, input.userId, 'userId');
    // The profile's zone as Cal.com stores it may be one the rule refuses (a legacy `CET`): it is still shown as is.
    const reportZone = async () => {
      if (timeZone !== undefined) return timeZone;
      const profile = (await this.#me.get(auxiliaryOptions(options))).timeZone;
      return canonicalTimeZone(profile) ?? profile;
    };

    if (REFERENCE_FIELDS.some((field) => input[field] !== undefined)) {
      if (userId !== undefined) {
        throw invalidField(
          'userId',
          "cannot be combined with an event type: the event type's slots are its hosts'",
          'Drop userId to read the event type’s slots, or drop the event type to read your working hours.',
        );
      }
      const reference = checkEventTypeReference(input);
      const zone = await reportZone();
      // The zone Cal.com writes its answer in; the slots come back in UTC whatever it is.
      const answerZone = canonicalTimeZone(zone) ?? 'UTC';
      // The checked fields, back in the shape `slots.list` takes (it checks them again, cheaply).
      const named = referenceFields(reference) as unknown as EventTypeReference;
      const slots = await this.#slots.list({ ...named, start, end, timeZone: answerZone }, options);
      return {
        timeZone: zone,
        start,
        end,
        ...(reference.kind === 'id'
          ? { eventTypeId: reference.eventTypeId }
          : { eventTypeSlug: reference.eventTypeSlug }),
        slots: slots.map((slot) => ({ start: slot.start, end: slot.end, isAvailable: true })),
      };
    }

    if (userId !== undefined) {
      const user = await this.#me.get(auxiliaryOptions(options));
      if (user.id !== userId) {
        throw invalidField(
          'userId',
          `${userId} is not the authenticated user (${user.id}); Cal.com only shows your own schedule`,
          "Ask for the free slots of one of that user's event types instead.",
        );
      }
    }
    const zone = await reportZone();
    const schedule = await this.#schedules.getDefault(options);
    if (schedule === null) {
      throw invalidField(
        'userId',
        'the user has no default schedule',
        "Create a schedule in Cal.com (Availability), or ask for an event type's free slots instead.",
      );
    }
    const range = { start: Date.parse(start), end: Date.parse(end) };
    const busy: Interval[] = [];
    // Cal.com filters by `afterStart` (start >= value) and `beforeEnd` (end <= value) and has no overlap filter
    // (docs/CALCOM-API.md §7.5), so a booking that began before the range or ends after it would be missed with the range itself.
    // Widen both sides by the longest booking there can be; `clip` below keeps only the bookings that overlap.
    const window = {
      afterStart: new Date(range.start - LONGEST_BOOKING_MS).toISOString(),
      beforeEnd: new Date(range.end + LONGEST_BOOKING_MS).toISOString(),
    };
    for await (const booking of this.#bookings.iterate(window, auxiliaryOptions(options))) {
      if (booking.status === 'cancelled' || booking.status === 'rejected') continue;
      const interval = clip({ start: Date.parse(booking.start), end: Date.parse(booking.end) }, range);
      if (interval !== undefined) busy.push(interval);
    }
    const working = expandSchedule(schedule, range);
    const busyMerged = mergeIntervals(busy);
    const slots: AvailabilitySlot[] = [
      ...working.flatMap((interval) => subtract(interval, busyMerged)).map((interval) => toSlot(interval, true)),
      ...busyMerged.map((interval) => toSlot(interval, false)),
    ].sort((left, right) => Date.parse(left.start) - Date.parse(right.start));
    return { timeZone: zone, start, end, slots };
  }
}

/** Expands a weekly schedule (and its date overrides) over a range, in the schedule's zone. */
export function expandSchedule(schedule: Schedule, range: Interval): Interval[] {
  const intervals: Interval[] = [];
  const lastDate = wallClockAt(range.end, schedule.timeZone).date;
  for (
    let date = addDays(wallClockAt(range.start, schedule.timeZone).date, -1);
    date <= lastDate;
    date = addDays(date, 1)
  ) {
    const overrides = schedule.overrides.filter((override) => override.date === date);
    const weekday = wallClockAt(zonedToEpoch(date, '12:00', schedule.timeZone), schedule.timeZone).weekday;
    const rules =
      overrides.length > 0
        ? overrides
        : schedule.availability.filter((rule) => (rule.days as string[]).includes(weekday));
    for (const rule of mergeWallClockRules(rules)) {
      const interval = clip(
        {
          start: zonedToEpoch(date, rule.startTime, schedule.timeZone),
          end: zonedToEpoch(date, rule.endTime, schedule.timeZone),
        },
        range,
      );
      if (interval !== undefined) intervals.push(interval);
    }
  }
  return mergeIntervals(intervals);
}

function clip(interval: Interval, range: Interval): Interval | undefined {
  const start = Math.max(interval.start, range.start);
  const end = Math.min(interval.end, range.end);
  return end > start ? { start, end } : undefined;
}

/** Sorts and merges overlapping or touching intervals. */
function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const interval of [...intervals].sort((left, right) => left.start - right.start)) {
    const last = merged.at(-1);
    if (last !== undefined && interval.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, interval.end) };
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

/**
 * Removes busy intervals from a free interval in one pass (linear in the busy intervals, however many an answer
 * holds).
 */
function subtract(free: Interval, busy: readonly Interval[]): Interval[] {
  const pieces: Interval[] = [];
  let cursor = free.start;
  for (const block of busy) {
    if (block.start >= free.end) break;
    if (block.end <= cursor) continue;
    if (block.start > cursor) pieces.push({ start: cursor, end: block.start });
    cursor = block.end;
  }
  if (cursor < free.end) pieces.push({ start: cursor, end: free.end });
  return pieces;
}

/**
 * Merges one day's rules in wall-clock time before they are converted to instants, so that a schedule with thousands
 * of repeated or overlapping rules costs a handful of time-zone conversions, not thousands. Equivalent to merging
 * afterwards: the conversion keeps the order of times (also across DST changes). Rules that do not end after they
 * start are dropped, as before.
 */
function mergeWallClockRules(
  rules: readonly { readonly startTime: string; readonly endTime: string }[],
): { startTime: string; endTime: string }[] {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const merged = mergeIntervals(
    rules
      .map((rule) => ({ start: minutes(rule.startTime), end: minutes(rule.endTime) }))
      .filter((interval) => interval.end > interval.start),
  );
  const time = (value: number) =>
    `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;
  return merged.map((interval) => ({ startTime: time(interval.start), endTime: time(interval.end) }));
}

/** Converts an interval to an availability slot. */
function toSlot(interval: Interval, isAvailable: boolean): AvailabilitySlot {
  return { start: new Date(interval.start).toISOString(), end: new Date(interval.end).toISOString(), isAvailable };
}
