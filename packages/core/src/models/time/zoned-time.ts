const formatters = new Map<string, Intl.DateTimeFormat>();

/** Gets a cached formatter that prints the wall-clock parts of an instant in a zone. */
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
 * Reads the wall clock of an instant in a zone: what a clock on the wall there shows.
 *
 * Hint: `wallClockAt(instant, zone).wallMs - instant` is the zone's offset from UTC at that instant.
 *
 * @example
 * ```ts
 * wallClockAt(Date.parse('2026-11-25T23:30:00Z'), 'Europe/Berlin').date; // '2026-11-26'
 * ```
 *
 * @param epochMs The instant, in epoch milliseconds.
 * @param timeZone The IANA time zone (`Europe/Berlin`); an unknown zone throws a `RangeError`.
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
 * @example
 * ```ts
 * new Date(zonedToEpoch('2026-03-29', '00:00', 'Europe/Berlin')).toISOString(); // '2026-03-28T23:00:00.000Z'
 * ```
 *
 * @param date The local date, `YYYY-MM-DD`.
 * @param time The local time, `HH:MM` (`24:00` is the end of the day).
 * @param timeZone The IANA time zone (`Europe/Berlin`); an unknown zone throws a `RangeError`.
 * @returns The instant in epoch milliseconds (`NaN` when `date` is not `YYYY-MM-DD`).
 */
export function zonedToEpoch(date: string, time: string, timeZone: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wallMs = Date.parse(`${date}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  if (Number.isNaN(wallMs)) return Number.NaN;
  // The zone's offsets a day before and a day after this wall time (offsets are within ±14 h, so any change of offset
  // near this wall time lies between the two).
  const offsetAt = (epochMs: number) => wallClockAt(epochMs, timeZone).wallMs - epochMs;
  const before = offsetAt(wallMs - 86_400_000);
  const after = offsetAt(wallMs + 86_400_000);
  // The instants that show this wall time: one normally, two in a fall-back overlap (take the earlier), none in a
  // spring-forward gap (then read it with the offset before the gap, which moves it forward by the gap, as Temporal's
  // 'compatible' disambiguation does).
  const matches = [wallMs - before, wallMs - after].filter(
    (epochMs) => wallClockAt(epochMs, timeZone).wallMs === wallMs,
  );
  return matches.length > 0 ? Math.min(...matches) : wallMs - before;
}

/**
 * Adds days to a calendar date (no time zone involved: `2026-03-28` + 1 is `2026-03-29` everywhere, whatever the
 * length of that day in a zone).
 *
 * @param date The date, `YYYY-MM-DD`.
 * @param days The number of days; negative goes back.
 * @returns The new date, `YYYY-MM-DD`.
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
