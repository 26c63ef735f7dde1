import { wallClockAt } from '@calcom-int/core';

/** A moment shown in one time zone. */
export interface LocalTimeParts {
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The short weekday, `Thu`. */
  readonly weekday: string;
  /** The local `HH:MM`, or `HH:MM:SS` when the instant has seconds (never rounded away). */
  readonly clock: string;
  /** The zone's UTC offset at that instant, e.g. `-04:00`. */
  readonly offset: string;
}

/**
 * Writes a UTC offset as `+HH:MM` / `-HH:MM` (ASCII hyphen-minus; `+00:00` for UTC), with `:SS` only when the offset has
 * seconds (historical local mean times).
 *
 * @param offsetMs The offset from UTC in milliseconds.
 * @returns The offset.
 */
export function formatOffset(offsetMs: number): string {
  const totalSeconds = Math.round(Math.abs(offsetMs) / 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  const seconds = totalSeconds % 60;
  const text = `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}`;
  return `${offsetMs < 0 ? '-' : '+'}${text}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
}

/**
 * Reads an instant's local date, short weekday, `HH:MM` and UTC offset in a zone (core's wall clock, formatted for the
 * model). The offset tells the two instants of a fall-back day's repeated hour apart (`01:30-04:00`, `01:30-05:00`).
 *
 * @param iso The ISO 8601 instant.
 * @param timeZone The IANA zone.
 * @returns The local parts.
 */
export function localTimeParts(iso: string, timeZone: string): LocalTimeParts {
  // The wall clock has whole seconds: the offset is measured from the instant's whole second.
  const epochMs = Math.floor(Date.parse(iso) / 1000) * 1000;
  const wall = wallClockAt(epochMs, timeZone);
  const time = new Date(wall.wallMs).toISOString();
  return {
    date: wall.date,
    weekday: wall.weekday.slice(0, 3),
    clock: time.slice(17, 19) === '00' ? time.slice(11, 16) : time.slice(11, 19),
    offset: formatOffset(wall.wallMs - epochMs),
  };
}

/**
 * Normalises an instant to UTC ISO 8601 without milliseconds (`2026-11-26T09:00:00Z`).
 *
 * @param iso The ISO 8601 instant.
 * @returns The UTC form.
 */
export function toUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().replace('.000Z', 'Z');
}

/**
 * Shows an instant in a time zone, with the zone's UTC offset then: `Thu 2026-11-26 10:00+01:00 Europe/Rome`.
 *
 * @param iso The ISO 8601 instant.
 * @param timeZone The IANA zone.
 * @returns The local time.
 */
export function formatLocal(iso: string, timeZone: string): string {
  const local = localTimeParts(iso, timeZone);
  return `${local.weekday} ${local.date} ${local.clock}${local.offset} ${timeZone}`;
}

/**
 * Shows a time range in UTC and in a time zone, the local start with its UTC offset:
 * `2026-11-26T09:00:00Z–09:30:00Z (Thu 2026-11-26 10:00+01:00–10:30 Europe/Rome)`. As with the date, the end repeats the
 * offset only when it differs from the start's (ISO 8601's shortened interval end): on a fall-back day the repeated hour
 * reads `01:30-04:00–01:00-05:00`, never an inverted `01:30–01:00`.
 *
 * @param start The ISO 8601 start.
 * @param end The ISO 8601 end.
 * @param timeZone The IANA zone to show besides UTC.
 * @returns The range.
 */
export function formatRange(start: string, end: string, timeZone: string): string {
  const utcStart = toUtc(start);
  const utcEnd = toUtc(end);
  const sameUtcDay = utcStart.slice(0, 10) === utcEnd.slice(0, 10);
  const utc = `${utcStart}–${sameUtcDay ? utcEnd.slice(11) : utcEnd}`;
  return `${utc} (${formatLocalRange(start, end, timeZone)})`;
}

/**
 * Shows a time range in a time zone, the start with its UTC offset and the end with its date and offset only when they
 * differ from the start's: `Thu 2026-11-26 10:00+01:00–10:30 Europe/Rome`, on a fall-back day
 * `Sun 2026-11-01 01:30-04:00–01:00-05:00 America/New_York`.
 *
 * @param start The ISO 8601 start.
 * @param end The ISO 8601 end.
 * @param timeZone The IANA zone.
 * @param knownDate A local date the reader already has: the start's weekday and date are left out when they match it.
 * @returns The local range.
 */
export function formatLocalRange(start: string, end: string, timeZone: string, knownDate?: string): string {
  const from = localTimeParts(start, timeZone);
  const to = localTimeParts(end, timeZone);
  const endClock = to.offset === from.offset ? to.clock : `${to.clock}${to.offset}`;
  const endText = to.date === from.date ? endClock : `${to.weekday} ${to.date} ${endClock}`;
  const startDate = from.date === knownDate ? '' : `${from.weekday} ${from.date} `;
  return `${startDate}${from.clock}${from.offset}–${endText} ${timeZone}`;
}
