import { wallClockAt } from '@calcom-int/core';

/** A moment shown in one time zone. */
interface LocalParts {
  readonly date: string;
  readonly weekday: string;
  readonly time: string;
}

/**
 * Reads an instant's local date, short weekday and `HH:MM` in a zone (core's wall clock, formatted for the model).
 *
 * @param iso The ISO 8601 instant.
 * @param timeZone The IANA zone.
 * @returns The local parts.
 */
function localParts(iso: string, timeZone: string): LocalParts {
  const wall = wallClockAt(Date.parse(iso), timeZone);
  return {
    date: wall.date,
    weekday: wall.weekday.slice(0, 3),
    time: new Date(wall.wallMs).toISOString().slice(11, 16),
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
 * Shows an instant in a time zone: `Thu 2026-11-26 10:00 Europe/Rome`.
 *
 * @param iso The ISO 8601 instant.
 * @param timeZone The IANA zone.
 * @returns The local time.
 */
export function formatLocal(iso: string, timeZone: string): string {
  const local = localParts(iso, timeZone);
  return `${local.weekday} ${local.date} ${local.time} ${timeZone}`;
}

/**
 * Shows a time range in UTC and in a time zone: `2026-11-26T09:00:00Z–09:30:00Z (Thu 2026-11-26 10:00–10:30 Europe/Rome)`.
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
  const localStart = localParts(start, timeZone);
  const localEnd = localParts(end, timeZone);
  const local =
    localStart.date === localEnd.date
      ? `${localStart.weekday} ${localStart.date} ${localStart.time}–${localEnd.time}`
      : `${localStart.weekday} ${localStart.date} ${localStart.time}–${localEnd.weekday} ${localEnd.date} ${localEnd.time}`;
  return `${utc} (${local} ${timeZone})`;
}
