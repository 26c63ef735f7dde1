import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { formatInZone, isValidTimeZone, localDate, localParts, offsetMinutes, zonedToEpoch } from './time-zone';

/**
 * The simulator's time-zone maths against an independent oracle: the Temporal polyfill (its own conversion and
 * `compatible` disambiguation code; it reads the zone rules from the runtime's Intl, as every JavaScript engine does).
 * Zones cover whole-hour, half-hour, 45-minute, 30-minute-DST, negative-DST, southern-hemisphere, abolished-DST and
 * ±14 h cases; years cover today's rules and far-future extrapolation.
 */

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/Dublin',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'America/Sao_Paulo',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Asia/Tehran',
  'Antarctica/Troll',
] as const;
const YEARS = [2026, 2027, 2050, 2099] as const;
const MINUTE = 60_000;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** Every offset change of a zone in a year, as Temporal finds them. */
function transitionsIn(zone: string, year: number): Temporal.ZonedDateTime[] {
  const found: Temporal.ZonedDateTime[] = [];
  let cursor: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({ timeZone: zone, year, month: 1, day: 1 });
  for (;;) {
    cursor = cursor.getTimeZoneTransition('next');
    if (cursor === null || cursor.year !== year) return found;
    found.push(cursor);
  }
}

/** Temporal's view of an instant, in the forms the simulator's helpers return. */
function oracleAt(epochMs: number, zone: string) {
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
  const date = zoned.toPlainDate().toString();
  return {
    offset: zoned.offsetNanoseconds / 60e9,
    parts: {
      year: zoned.year,
      month: zoned.month,
      day: zoned.day,
      hour: zoned.hour,
      minute: zoned.minute,
      second: zoned.second,
    },
    date,
    formatted: `${date}T${pad(zoned.hour)}:${pad(zoned.minute)}:${pad(zoned.second)}.${pad(zoned.millisecond, 3)}${zoned.offset}`,
  };
}

/** Temporal's instant for a local date and minutes after midnight, `compatible` disambiguation. */
function oracleEpoch(date: string, minutesOfDay: number, zone: string): number {
  const midnight = Temporal.PlainDate.from(date).toPlainDateTime();
  return midnight.add({ minutes: minutesOfDay }).toZonedDateTime(zone, { disambiguation: 'compatible' })
    .epochMilliseconds;
}

interface Tally {
  checks: number;
  disagreements: string[];
}

function checkInstant(tally: Tally, epochMs: number, zone: string): void {
  const expected = oracleAt(epochMs, zone);
  const actual = {
    offset: offsetMinutes(epochMs, zone),
    parts: localParts(epochMs, zone),
    date: localDate(epochMs, zone),
    formatted: formatInZone(epochMs, zone),
  };
  tally.checks += 1;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    tally.disagreements.push(`${zone} @ ${new Date(epochMs).toISOString()}: ${JSON.stringify({ actual, expected })}`);
  }
}

function checkWallTime(tally: Tally, date: string, minutesOfDay: number, zone: string): void {
  const actual = zonedToEpoch(date, minutesOfDay, zone);
  const expected = oracleEpoch(date, minutesOfDay, zone);
  tally.checks += 1;
  if (actual !== expected) {
    tally.disagreements.push(
      `${zone} ${date} +${minutesOfDay} min: ${new Date(actual).toISOString()} ≠ ${new Date(expected).toISOString()}`,
    );
  }
}

describe('time-zone against the Temporal polyfill', () => {
  it('agrees at every quarter hour around each offset change, and on every wall time of each change day', () => {
    const tally: Tally = { checks: 0, disagreements: [] };
    let transitions = 0;
    const kinds = new Set<string>();
    for (const zone of ZONES) {
      for (const year of YEARS) {
        for (const transition of transitionsIn(zone, year)) {
          transitions += 1;
          const before = transition.subtract({ nanoseconds: 1 }).offsetNanoseconds;
          kinds.add(transition.offsetNanoseconds > before ? 'gap' : 'overlap');
          for (let step = -12; step <= 12; step += 1) {
            checkInstant(tally, transition.epochMilliseconds + step * 15 * MINUTE, zone);
          }
          // Both local days the change touches (it may fall at local midnight), every quarter hour, up to the next
          // midnight.
          const afterDate = transition.toPlainDate();
          const beforeDate = transition.subtract({ nanoseconds: 1 }).toPlainDate();
          const days = new Set([beforeDate.toString(), afterDate.toString()]);
          for (const day of days) {
            for (let minutes = 0; minutes <= 1440; minutes += 15) checkWallTime(tally, day, minutes, zone);
          }
        }
      }
    }
    expect(tally.disagreements).toEqual([]);
    expect(kinds).toEqual(new Set(['gap', 'overlap']));
    expect({ transitions, checks: tally.checks }).toEqual({ transitions: 72, checks: 9172 });
  });

  it('agrees on instants spread over whole years, today and in the far future', () => {
    const tally: Tally = { checks: 0, disagreements: [] };
    for (const zone of ZONES) {
      for (const year of YEARS) {
        // Every 61 days 7 h 13 min 17.5 s from New Year: every weekday, hour and season, odd seconds and milliseconds.
        const start = Date.UTC(year, 0, 1);
        for (let at = start; at < Date.UTC(year + 1, 0, 1); at += ((61 * 24 + 7) * 60 + 13) * MINUTE + 17_500) {
          checkInstant(tally, at, zone);
          const { date } = oracleAt(at, zone);
          checkWallTime(tally, date, 9 * 60 + 30, zone);
        }
      }
    }
    expect(tally.disagreements).toEqual([]);
    expect(tally.checks).toBe(768);
  });

  it('accepts the zones Temporal accepts and refuses what it refuses', () => {
    const candidates = [...ZONES, 'Europe/Kiev', 'US/Eastern', 'Etc/GMT+5', 'Mars/Olympus', 'Europe/Rmoe', 'GMT+1'];
    const temporalAccepts = (zone: string) => {
      try {
        Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
        return true;
      } catch {
        return false;
      }
    };
    expect(candidates.map((zone) => [zone, isValidTimeZone(zone)])).toEqual(
      candidates.map((zone) => [zone, temporalAccepts(zone)]),
    );
    expect(isValidTimeZone('')).toBe(false);
  });
});
