const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of an instant in a zone. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Tells whether a string is an IANA time zone the runtime knows.
 *
 * @param timeZone The candidate, e.g. `Europe/Berlin`.
 * @returns `true` when `Intl` accepts it.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the wall-clock fields of an instant in a zone.
 *
 * @param epochMs The instant.
 * @param timeZone The IANA zone.
 * @returns The local fields.
 */
export function localParts(epochMs: number, timeZone: string): LocalParts {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/**
 * Computes a zone's UTC offset at an instant.
 *
 * @param epochMs The instant.
 * @param timeZone The IANA zone.
 * @returns Minutes east of UTC (Berlin summer: 120).
 */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  const parts = localParts(epochMs, timeZone);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * Converts a wall-clock time in a zone to an instant. Times in a spring-forward gap move forward by the gap.
 *
 * @param date `YYYY-MM-DD`.
 * @param minutesOfDay Minutes after local midnight (1440 = the next midnight).
 * @param timeZone The IANA zone.
 * @returns The instant in epoch milliseconds.
 */
export function zonedToEpoch(date: string, minutesOfDay: number, timeZone: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day) + minutesOfDay * 60_000;
  const firstGuess = wall - offsetMinutes(wall, timeZone) * 60_000;
  return wall - offsetMinutes(firstGuess, timeZone) * 60_000;
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/**
 * Gives the local date of an instant.
 *
 * @param epochMs The instant.
 * @param timeZone The IANA zone.
 * @returns `YYYY-MM-DD`.
 */
export function localDate(epochMs: number, timeZone: string): string {
  const parts = localParts(epochMs, timeZone);
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * Formats an instant as ISO 8601 with the zone's offset, e.g. `2050-09-05T09:00:00.000+02:00`.
 *
 * @param epochMs The instant.
 * @param timeZone The IANA zone.
 * @returns The formatted time.
 */
export function formatInZone(epochMs: number, timeZone: string): string {
  const parts = localParts(epochMs, timeZone);
  const offset = offsetMinutes(epochMs, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  const millis = pad(((epochMs % 1000) + 1000) % 1000, 3);
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}.${millis}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * Adds days to a `YYYY-MM-DD` date.
 *
 * @param date The date.
 * @param days Days to add (may be negative).
 * @returns The new date.
 */
export function addDays(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * Gives the weekday of a `YYYY-MM-DD` date, Monday = 0.
 *
 * @param date The date.
 * @returns 0 (Monday) to 6 (Sunday).
 */
export function weekdayIndex(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/**
 * Parses `HH:MM` into minutes after midnight.
 *
 * @param time The time, `00:00` to `24:00`.
 * @returns The minutes, or `undefined` when malformed.
 */
export function parseClockTime(time: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  if (match === null) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes > 1440 ? undefined : minutes;
}
