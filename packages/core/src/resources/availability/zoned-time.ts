const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Gets a cached formatter that prints the wall-clock parts of an instant in a zone.
 *
 * @param timeZone The IANA time zone.
 * @returns The formatter.
 */
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
      weekday: 'long',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock parts of an instant in a zone. */
export interface WallClock {
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The local weekday, `Monday` … `Sunday`. */
  readonly weekday: string;
  /** The local time as epoch milliseconds if the wall clock were UTC. */
  readonly wallMs: number;
}

/**
 * Reads the wall clock of an instant in a zone.
 *
 * @param epochMs The instant.
 * @param timeZone The IANA time zone.
 * @returns The local date, weekday and wall time.
 */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    parts[part.type] = part.value;
  }
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const wallMs = Date.parse(`${date}T${parts.hour}:${parts.minute}:${parts.second}Z`);
  return { date, weekday: parts.weekday ?? '', wallMs };
}

/**
 * Converts a local date and time in a zone to an instant, DST-correct (a time skipped by a spring-forward gap moves
 * forward by the gap; an ambiguous fall-back time takes the earlier instant).
 *
 * @param date The local date, `YYYY-MM-DD`.
 * @param time The local time, `HH:MM` (`24:00` is the end of the day).
 * @param timeZone The IANA time zone.
 * @returns The instant in epoch milliseconds.
 */
export function zonedToEpoch(date: string, time: string, timeZone: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wallMs = Date.parse(`${date}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  const firstOffset = wallClockAt(wallMs, timeZone).wallMs - wallMs;
  const guess = wallMs - firstOffset;
  const secondOffset = wallClockAt(guess, timeZone).wallMs - guess;
  if (secondOffset === firstOffset) {
    // Prefer the earlier instant when the wall time occurs twice.
    const earlier =
      wallMs - Math.max(firstOffset, wallClockAt(guess - 3_600_000, timeZone).wallMs - (guess - 3_600_000));
    return wallClockAt(earlier, timeZone).wallMs === wallMs ? earlier : guess;
  }
  return wallMs - secondOffset;
}

/**
 * Adds days to a local date.
 *
 * @param date The date, `YYYY-MM-DD`.
 * @param days The number of days.
 * @returns The new date.
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
