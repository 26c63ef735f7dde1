import * as v from 'valibot';
import { IdSchema } from '../id';
import { UtcTimestampSchema } from '../time';

/** One calendar of a connected account (`Calendar` of `GET /v2/calendars`): lenient to unknown fields. */
const CalendarDtoSchema = v.object({
  externalId: v.string(),
  name: v.nullish(v.string()),
  primary: v.nullish(v.boolean()),
  readOnly: v.optional(v.boolean(), false),
  isSelected: v.optional(v.boolean(), false),
  credentialId: IdSchema,
});

/** A connected calendar account (`ConnectedCalendar`); an account Cal.com cannot read comes without `calendars`. */
const ConnectedCalendarDtoSchema = v.object({
  integration: v.object({ type: v.string(), title: v.nullish(v.string()), name: v.nullish(v.string()) }),
  credentialId: IdSchema,
  calendars: v.optional(v.array(CalendarDtoSchema), []),
});

/** A calendar of one of your connected accounts. */
export interface ConnectedCalendar {
  /** The account's credential id, which `calendars.busyTimes` names the calendar by together with `externalId`. */
  readonly credentialId: number;
  /** The calendar's id at the provider, often an email address. */
  readonly externalId: string;
  /** The calendar's name. */
  readonly name: string;
  /** The calendar app, e.g. `google_calendar`, `office365_calendar`. */
  readonly integration: string;
  /** The app's title, e.g. `Google Calendar`. */
  readonly integrationTitle: string;
  /** Whether it is the account's primary calendar. */
  readonly primary: boolean;
  /** Whether Cal.com checks it for conflicts (the calendar is "selected"). */
  readonly checkedForConflicts: boolean;
  /** Whether Cal.com writes new bookings to it (the destination calendar). */
  readonly destination: boolean;
  /** Whether Cal.com may only read it. */
  readonly readOnly: boolean;
}

/** Schema of `data` of `GET /v2/calendars` (`ConnectedCalendarsData`), mapped to one list of calendars. */
export const ConnectedCalendarsSchema = v.pipe(
  v.object({
    connectedCalendars: v.array(ConnectedCalendarDtoSchema),
    destinationCalendar: v.nullish(v.object({ externalId: v.string(), credentialId: v.nullish(IdSchema) })),
  }),
  v.transform(({ connectedCalendars, destinationCalendar }): ConnectedCalendar[] =>
    connectedCalendars.flatMap((account) =>
      account.calendars.map((calendar) => ({
        credentialId: account.credentialId,
        externalId: calendar.externalId,
        name: calendar.name ?? calendar.externalId,
        integration: account.integration.type,
        integrationTitle: account.integration.title ?? account.integration.name ?? account.integration.type,
        primary: calendar.primary === true,
        checkedForConflicts: calendar.isSelected,
        destination:
          destinationCalendar?.credentialId === account.credentialId &&
          destinationCalendar.externalId === calendar.externalId,
        readOnly: calendar.readOnly,
      })),
    ),
  ),
);

/** A busy interval as Cal.com sends it (`BusyTimesOutput`). */
export interface BusyTime {
  /** Start, ISO 8601 UTC. */
  readonly start: string;
  /** End, ISO 8601 UTC. */
  readonly end: string;
  /** The calendar app it came from (`google-calendar`), when Cal.com says. */
  readonly source: string | null;
}

/** Schema of `data` of `GET /v2/calendars/busy-times`: an array of `BusyTimesOutput`. */
export const BusyTimesSchema = v.array(
  v.pipe(
    v.object({ start: UtcTimestampSchema, end: UtcTimestampSchema, source: v.nullish(v.string()) }),
    v.transform((dto): BusyTime => ({ start: dto.start, end: dto.end, source: dto.source ?? null })),
  ),
);

/** A busy interval after merging: no other busy interval overlaps or touches it. */
export interface BusyInterval {
  /** Start, ISO 8601 UTC. */
  readonly start: string;
  /** End, ISO 8601 UTC. */
  readonly end: string;
}

/**
 * Cuts busy times to a range and merges the ones that overlap or touch, in start order.
 *
 * @example
 * ```ts
 * mergeBusyTimes(
 *   [{ start: '2026-06-02T10:00:00.000Z', end: '2026-06-02T11:00:00.000Z' }, { start: '2026-06-02T10:30:00.000Z', end: '2026-06-02T11:30:00.000Z' }],
 *   { start: '2026-06-02T00:00:00.000Z', end: '2026-06-03T00:00:00.000Z' },
 * ); // [{ start: '2026-06-02T10:00:00.000Z', end: '2026-06-02T11:30:00.000Z' }]
 * ```
 */
export function mergeBusyTimes(
  busy: readonly { readonly start: string; readonly end: string }[],
  range: { readonly start: string; readonly end: string },
): BusyInterval[] {
  const from = Date.parse(range.start);
  const to = Date.parse(range.end);
  const cut = busy
    .map((interval) => [Math.max(Date.parse(interval.start), from), Math.min(Date.parse(interval.end), to)] as const)
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of cut) {
    const last = merged.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged.map(([start, end]) => ({ start: new Date(start).toISOString(), end: new Date(end).toISOString() }));
}
