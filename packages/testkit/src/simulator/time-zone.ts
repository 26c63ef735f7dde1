/**
 * The simulator's own time-zone maths, independent of `@calcom-int/core` by design (it models Cal.com, not our client).
 * Everything starts from one question Intl answers directly: the zone's UTC offset at an instant (its `longOffset`
 * name, `GMT+02:00`). Wall-clock fields are then plain UTC arithmetic on the shifted instant.
 */

const DAY_MS = 86_400_000;
const OFFSET_NAME = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const offsetNamers: Record<string, Intl.DateTimeFormat> = {};

function offsetMs(epochMs: number, timeZone: string): number {
  offsetNamers[timeZone] ??= new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  const name = offsetNamers[timeZone].formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const [, sign, hours = '0', minutes = '0', seconds = '0'] = OFFSET_NAME.exec(name) ?? [];
  const magnitude = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  return sign === '-' ? -magnitude : magnitude;
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
    offsetMs(0, timeZone);
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
  const shifted = new Date(epochMs + offsetMs(epochMs, timeZone));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
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
  return Math.round(offsetMs(epochMs, timeZone) / 60_000);
}

/**
 * Converts a wall-clock time in a zone to an instant, as Temporal's `compatible` disambiguation does: a time skipped
 * by a spring-forward gap moves forward by the gap; a time repeated by a fall-back overlap takes the earlier instant.
 *
 * @param date `YYYY-MM-DD`.
 * @param minutesOfDay Minutes after local midnight (1440 = the next midnight).
 * @param timeZone The IANA zone.
 * @returns The instant in epoch milliseconds.
 */
export function zonedToEpoch(date: string, minutesOfDay: number, timeZone: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day) + minutesOfDay * 60_000;
  // Offsets change at most once within a day either side, so these two readings are the only candidates.
  const withEarlierOffset = wall - offsetMs(wall - DAY_MS, timeZone);
  const withLaterOffset = wall - offsetMs(wall + DAY_MS, timeZone);
  const shows = (epochMs: number) => epochMs + offsetMs(epochMs, timeZone) === wall;
  if (shows(withEarlierOffset)) return Math.min(withEarlierOffset, shows(withLaterOffset) ? withLaterOffset : Infinity);
  if (shows(withLaterOffset)) return withLaterOffset;
  return withEarlierOffset;
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
