import * as v from 'valibot';
import {
  type BusyInterval,
  type BusyTime,
  BusyTimesSchema,
  type ConnectedCalendar,
  ConnectedCalendarsSchema,
  mergeBusyTimes,
} from '../../models/calendar';
import { IdInputSchema, MAX_AVAILABILITY_DAYS } from '../../models/input';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';
import { invalidField, parseField, requireObject, requireOrderedRange, requireTime } from '../common/validate';

/**
 * The most calendars one busy-times request names: Nest's query parser (qs) reads at most 21 indices
 * (`calendarsToLoad[0]` … `[20]`) as an array, so more calendars are asked for in several requests.
 */
export const BUSY_TIMES_CALENDARS_PER_REQUEST = 20;

/** A calendar to read busy times from, as `cal.calendars.list()` names it. */
export interface CalendarRef {
  /** The account's credential id. */
  readonly credentialId: number;
  /** The calendar's id at the provider (`externalId`). */
  readonly externalId: string;
}

/** Params of `cal.calendars.busyTimes`. */
export interface BusyTimesParams {
  /** Range start: ISO 8601 with an offset or `Z`, or a `Date`. */
  readonly start: string | Date;
  /** Range end (exclusive), at most 62 days after `start`. */
  readonly end: string | Date;
  /**
   * The calendars to read. Default: every calendar Cal.com checks for conflicts, plus the destination calendar
   * (where Cal.com writes your bookings).
   */
  readonly calendars?: readonly CalendarRef[];
}

/** What `cal.calendars.busyTimes` found. */
export interface BusyTimes {
  /** Range start, ISO 8601 UTC. */
  readonly start: string;
  /** Range end, ISO 8601 UTC. */
  readonly end: string;
  /** The calendars read. Empty when none is connected (or none is checked for conflicts and none is the destination). */
  readonly calendars: readonly ConnectedCalendar[];
  /** The busy times Cal.com sent that overlap the range, in start order, uncut. */
  readonly busy: readonly BusyTime[];
  /** The same, cut to the range, with overlapping or touching intervals merged. */
  readonly merged: readonly BusyInterval[];
}

const CalendarRefsSchema = v.array(
  v.object({
    credentialId: IdInputSchema,
    externalId: v.pipe(
      v.string('Expected a calendar id (externalId) string. Copy it from cal.calendars.list().'),
      v.nonEmpty('Expected a calendar id (externalId), got an empty string. Copy it from cal.calendars.list().'),
    ),
  }),
  'Expected an array of { credentialId, externalId }. Copy them from cal.calendars.list().',
);

const key = (calendar: CalendarRef) => `${calendar.credentialId}\u0000${calendar.externalId}`;

/** Your connected calendars and their busy times (`/v2/calendars`, unversioned). */
export class CalendarsResource {
  // True private fields: printing or serialising the resource reaches neither the executor nor the key.
  readonly #context: ResourceContext;

  /** @internal Created by `CalComClient`. */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * Lists the calendars of your connected calendar accounts (`GET /v2/calendars`), one entry per calendar.
   *
   * @example
   * ```ts
   * const checked = (await cal.calendars.list()).filter((calendar) => calendar.checkedForConflicts);
   * ```
   *
   * @param options The per-call options.
   * @returns The calendars, account by account.
   */
  async list(options?: RequestOptions): Promise<ConnectedCalendar[]> {
    const result = await this.#context.executor.execute(
      {
        method: 'GET',
        path: '/calendars',
        resource: 'calendars',
        retry: 'idempotent',
        schema: ConnectedCalendarsSchema,
      },
      options,
    );
    return result.data;
  }

  /**
   * Reads the busy times of your connected calendars in a range (`GET /v2/calendars/busy-times`, after
   * `GET /v2/calendars` to find the calendars). Cal.com answers for whole days and more (docs/CALCOM-API.md §7.8);
   * `busy` keeps what overlaps the range, `merged` cuts and merges it.
   *
   * @example
   * ```ts
   * const { merged } = await cal.calendars.busyTimes({ start: '2026-06-02T00:00:00Z', end: '2026-06-03T00:00:00Z' });
   * ```
   *
   * @param params The range and, optionally, the calendars.
   * @param options The per-call options.
   * @returns The calendars read and their busy times.
   */
  async busyTimes(params: BusyTimesParams, options?: RequestOptions): Promise<BusyTimes> {
    requireObject(params, 'params', '{ start, end }');
    const start = requireTime(params.start, 'start');
    const end = requireTime(params.end, 'end');
    requireOrderedRange(start, end, 'end', MAX_AVAILABILITY_DAYS);
    const wanted =
      params.calendars === undefined ? undefined : parseField(CalendarRefsSchema, params.calendars, 'calendars');
    const connected = await this.list(options);
    const calendars = wanted === undefined ? defaultCalendars(connected) : findCalendars(wanted, connected);
    const busy: BusyTime[] = [];
    for (let index = 0; index < calendars.length; index += BUSY_TIMES_CALENDARS_PER_REQUEST) {
      const chunk = calendars.slice(index, index + BUSY_TIMES_CALENDARS_PER_REQUEST);
      const query: Record<string, string | number> = {
        timeZone: 'UTC',
        dateFrom: start.slice(0, 10),
        dateTo: end.slice(0, 10),
      };
      chunk.forEach((calendar, position) => {
        query[`calendarsToLoad[${position}][credentialId]`] = calendar.credentialId;
        query[`calendarsToLoad[${position}][externalId]`] = calendar.externalId;
      });
      const result = await this.#context.executor.execute(
        {
          method: 'GET',
          path: '/calendars/busy-times',
          query,
          resource: 'calendars',
          retry: 'idempotent',
          schema: BusyTimesSchema,
        },
        options,
      );
      busy.push(...result.data);
    }
    const from = Date.parse(start);
    const to = Date.parse(end);
    const overlapping = busy
      .filter((interval) => Date.parse(interval.start) < to && Date.parse(interval.end) > from)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || Date.parse(a.end) - Date.parse(b.end));
    return { start, end, calendars, busy: overlapping, merged: mergeBusyTimes(overlapping, { start, end }) };
  }
}

/** The calendars Cal.com itself treats as yours: those it checks for conflicts, and the destination calendar. */
function defaultCalendars(connected: readonly ConnectedCalendar[]): ConnectedCalendar[] {
  return connected.filter((calendar) => calendar.checkedForConflicts || calendar.destination);
}

/**
 * Finds the caller's calendars among the connected ones, or refuses the first unknown one naming the connected ones.
 */
function findCalendars(wanted: readonly CalendarRef[], connected: readonly ConnectedCalendar[]): ConnectedCalendar[] {
  const byKey = new Map(connected.map((calendar) => [key(calendar), calendar]));
  const found = new Map<string, ConnectedCalendar>();
  wanted.forEach((calendar, index) => {
    const match = byKey.get(key(calendar));
    if (match === undefined) {
      const known = connected.map((item) => `${item.credentialId}/${item.externalId}`).join(', ') || 'none';
      throw invalidField(
        `calendars.${index}`,
        `calendar ${calendar.credentialId}/${calendar.externalId} is not one of your connected calendars (connected: ${known})`,
        'Pick a credentialId and externalId from cal.calendars.list().',
      );
    }
    found.set(key(match), match);
  });
  return [...found.values()];
}
