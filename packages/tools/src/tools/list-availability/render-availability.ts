import { localTimeParts, plural, toUtc } from '../../format';

/** How many free starts (or periods) `list_availability` lists by default; the rest are summarised by day. */
export const DEFAULT_AVAILABILITY_LIMIT = 100;

/** The most free starts (or periods) one `list_availability` call lists. */
export const MAX_AVAILABILITY_LIMIT = 500;

/** A free start or period, in UTC ISO 8601. */
export interface FreeTime {
  /** The start. */
  readonly start: string;
  /** The end. */
  readonly end: string;
}

/** What {@link renderAvailability} renders. */
export interface AvailabilityToRender {
  /** The free starts (with an event type) or free periods (working hours), sorted by start. */
  readonly free: readonly FreeTime[];
  /** The zone the local times are shown in. */
  readonly timeZone: string;
  /** The event type whose starts these are; left out for working-hours periods. */
  readonly eventTypeId?: number | undefined;
  /** The event type's slug, when it was named by slug (then `owner` says whose: `username …` or `team_slug …`). */
  readonly eventTypeSlug?: string | undefined;
  /** Whose slug it is, as the text names it. */
  readonly owner?: string | undefined;
  /** The range asked for (ISO 8601). */
  readonly start: string;
  /** The range asked for (ISO 8601). */
  readonly end: string;
  /** How many starts or periods to list; the rest are summarised by day. */
  readonly limit: number;
}

/** One local day (or the part of it with one UTC offset, on a DST change) that is not listed in full. */
export interface AvailabilityDaySummary {
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The zone's UTC offset on that part of the day, `+01:00`. */
  readonly utcOffset: string;
  /** How many starts or periods are not listed. */
  readonly count: number;
  /** The first of them (UTC). */
  readonly first: string;
  /** The last of them (UTC). */
  readonly last: string;
}

/** The structured output of `list_availability`, consistent with its text and as bounded. */
export interface AvailabilityStructured extends Record<string, unknown> {
  /** The zone the local times are shown in. */
  readonly timeZone: string;
  /** The range (UTC). */
  readonly start: string;
  /** The range (UTC). */
  readonly end: string;
  /** The event type, when the free times are its starts. */
  readonly eventTypeId?: number;
  /** The event type's slug, when it was named by slug. */
  readonly eventTypeSlug?: string;
  /** How many free starts or periods the range has. */
  readonly total: number;
  /** The listed ones (at most `limit`), UTC. */
  readonly slots: readonly FreeTime[];
  /** The ones not listed, summarised by local day; `null` when every one is listed. */
  readonly notListed: {
    readonly count: number;
    /** Call again with this `start_date` to list them. */
    readonly nextStartDate: string;
    readonly days: readonly AvailabilityDaySummary[];
  } | null;
}

/** A free time as the zone shows it. */
interface LocalTime {
  readonly free: FreeTime;
  readonly date: string;
  readonly weekday: string;
  readonly offset: string;
  readonly startTime: string;
  readonly endDate: string;
  readonly endTime: string;
  readonly endOffset: string;
}

/** Free times of one local day with one UTC offset. */
interface DayGroup {
  readonly date: string;
  readonly weekday: string;
  readonly offset: string;
  readonly items: LocalTime[];
}

/**
 * Puts free times in local day groups (a new group when the date or the UTC offset changes).
 *
 * @param free The free times.
 * @param timeZone The zone.
 * @returns The groups, in order.
 */
function groupByDay(free: readonly FreeTime[], timeZone: string): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const item of free) {
    const start = localTimeParts(item.start, timeZone);
    const end = localTimeParts(item.end, timeZone);
    const local: LocalTime = {
      free: item,
      date: start.date,
      weekday: start.weekday,
      offset: start.offset,
      startTime: start.clock,
      endDate: end.date,
      endTime: end.clock,
      endOffset: end.offset,
    };
    const last = groups.at(-1);
    if (last !== undefined && last.date === local.date && last.offset === local.offset) last.items.push(local);
    else groups.push({ date: local.date, weekday: local.weekday, offset: local.offset, items: [local] });
  }
  return groups;
}

/**
 * Shows one free time in its day line: the start alone when every start has the same length, else `start–end`, the
 * end with its date and offset when they differ from the start's.
 *
 * @param item The free time.
 * @param startsOnly Whether to show the start alone.
 * @returns The item.
 */
function formatItem(item: LocalTime, startsOnly: boolean): string {
  if (startsOnly) return item.startTime;
  const endDate = item.endDate === item.date ? '' : `${item.endDate} `;
  const endOffset = item.endOffset === item.offset ? '' : ` (UTC${item.endOffset})`;
  return `${item.startTime}–${endDate}${item.endTime}${endOffset}`;
}

/**
 * Renders free times for the model, bounded: one line per local day (its date and UTC offset, then the times), at
 * most `limit` times listed, the rest summarised in one line per day, and how to list them.
 *
 * @param input The free times, zone, range and limit.
 * @returns The text and the structured output.
 */
export function renderAvailability(input: AvailabilityToRender): { text: string; structured: AvailabilityStructured } {
  const { free, timeZone, limit } = input;
  const base = {
    timeZone,
    start: toUtc(input.start),
    end: toUtc(input.end),
    ...(input.eventTypeId === undefined ? {} : { eventTypeId: input.eventTypeId }),
    ...(input.eventTypeSlug === undefined ? {} : { eventTypeSlug: input.eventTypeSlug }),
    total: free.length,
  };
  if (free.length === 0) {
    return {
      text: `No free times between ${toUtc(input.start)} and ${toUtc(input.end)}. Try a later or longer range.`,
      structured: { ...base, slots: [], notListed: null },
    };
  }
  const listed = free.slice(0, limit);
  const rest = free.slice(limit);
  const lengths = new Set(free.map((item) => Date.parse(item.end) - Date.parse(item.start)));
  const [onlyLength] = lengths;
  const eventType =
    input.eventTypeSlug !== undefined
      ? `event_type_slug ${input.eventTypeSlug} of ${input.owner}`
      : input.eventTypeId === undefined
        ? undefined
        : `event_type_id ${input.eventTypeId}`;
  const startsOnly = eventType !== undefined && lengths.size === 1 && onlyLength !== undefined;
  const what =
    eventType === undefined
      ? `${plural(free.length, 'free period')} (working hours minus bookings)`
      : `${plural(free.length, 'free start')} for ${eventType}${startsOnly ? `, ${(onlyLength ?? 0) / 60_000} min each` : ''}`;
  const first = groupByDay(listed.slice(0, 1), timeZone)[0]?.items[0];
  const example =
    first === undefined
      ? ''
      : ` Use a time with its day's date and offset, e.g. ${first.date}T${first.startTime.length === 5 ? `${first.startTime}:00` : first.startTime}${first.offset} = ${toUtc(first.free.start)}.`;
  const header = `${what}. Local times in ${timeZone}, each day with its UTC offset.${example}${rest.length > 0 ? ` Listing the first ${listed.length}.` : ''}`;
  const lines = groupByDay(listed, timeZone).map(
    (group) =>
      `${group.weekday} ${group.date} (UTC${group.offset}): ${group.items.map((item) => formatItem(item, startsOnly)).join(startsOnly ? ' ' : ', ')}`,
  );
  const slots = listed.map((item) => ({ start: toUtc(item.start), end: toUtc(item.end) }));
  const next = rest[0];
  if (next === undefined)
    return { text: [header, ...lines].join('\n'), structured: { ...base, slots, notListed: null } };

  const days = groupByDay(rest, timeZone).map((group) => ({
    date: group.date,
    weekday: group.weekday,
    utcOffset: group.offset,
    count: group.items.length,
    first: group.items[0] as LocalTime,
    last: group.items.at(-1) as LocalTime,
  }));
  const noun = eventType === undefined ? 'free period' : 'free start';
  const nextStartDate = toUtc(next.start);
  const summary = days.map(
    (day) =>
      `${day.weekday} ${day.date} (UTC${day.utcOffset}): ${plural(day.count, noun)}, ${day.first.startTime}–${day.last.startTime}`,
  );
  return {
    text: [
      header,
      ...lines,
      `Not listed: ${plural(rest.length, `more ${noun}`)}, by day (first–last start):`,
      ...summary,
      `To list them, call list_availability again with start_date ${nextStartDate} (the next one), or narrow the range.`,
    ].join('\n'),
    structured: {
      ...base,
      slots,
      notListed: {
        count: rest.length,
        nextStartDate,
        days: days.map((day) => ({
          date: day.date,
          utcOffset: day.utcOffset,
          count: day.count,
          first: toUtc(day.first.free.start),
          last: toUtc(day.last.free.start),
        })),
      },
    },
  };
}
