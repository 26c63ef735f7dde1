const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** A moment shown in one time zone. */
interface LocalParts {
  readonly date: string;
  readonly weekday: string;
  readonly time: string;
}

function localParts(iso: string, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: String(parts.weekday),
    time: `${parts.hour}:${parts.minute}`,
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
