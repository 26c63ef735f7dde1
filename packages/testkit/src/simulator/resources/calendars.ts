import type { BusyTimeOutput, ConnectedCalendarsOutput } from '../../dto/calendar';
import { ok, type Route, type RouteContext, requireUser } from '../context';
import { SimulatorHttpError, unauthorizedError, type ValidationIssue, validationError } from '../http-error';
import type { CalendarBusyEvent, SimulatorUser } from '../types';
import { validateBody } from '../validation';

const HOUR_MS = 3_600_000;
const INDEXED_KEY = /^calendarsToLoad\[(\d+)\]\[(credentialId|externalId)\]$/;

/** One `calendarsToLoad` entry as the query gave it, before validation. */
type RawCalendar = { credentialId?: unknown; externalId?: unknown };

/**
 * Reads `calendarsToLoad[<n>][credentialId]` / `[externalId]` the way Nest's query parser (qs) does: indices become
 * an array in index order, and `credentialId` goes through the DTO's `parseInt` transform.
 *
 * @param query The query.
 * @returns The entries, or `undefined` when the query has none.
 */
function readCalendarsToLoad(query: URLSearchParams): RawCalendar[] | undefined {
  const byIndex = new Map<number, RawCalendar>();
  for (const [key, value] of query) {
    const match = INDEXED_KEY.exec(key);
    if (match === null) continue;
    const index = Number(match[1]);
    const entry = byIndex.get(index) ?? {};
    if (match[2] === 'credentialId') entry.credentialId = value === '' ? value : Number.parseInt(value, 10);
    else entry.externalId = value;
    byIndex.set(index, entry);
  }
  if (byIndex.size === 0) return undefined;
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

/**
 * The issues Cal.com's `CalendarBusyTimesInput` adds to the shape checks: `calendarsToLoad` is an array (not in the
 * document, §9.8), one of `timeZone`/`loggedInUsersTz` is needed, and the document's top-level `credentialId` and
 * `externalId` are refused with the fix (Cal.com drops them, which would make a client that sends them look right).
 *
 * @param query The query.
 * @param calendars The parsed `calendarsToLoad`.
 * @returns The issues.
 */
function busyTimesIssues(query: URLSearchParams, calendars: RawCalendar[] | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const property of ['credentialId', 'externalId']) {
    if (query.has(property)) {
      issues.push({
        property,
        value: query.get(property),
        constraints: {
          whitelistValidation:
            `property ${property} should not exist: list each calendar as calendarsToLoad[<n>][credentialId] and ` +
            'calendarsToLoad[<n>][externalId]',
        },
        children: [],
      });
    }
  }
  if (calendars === undefined) {
    issues.push({
      property: 'calendarsToLoad',
      constraints: { isArray: 'calendarsToLoad must be an array' },
      children: [],
    });
  }
  if (!query.get('timeZone') && !query.get('loggedInUsersTz')) {
    issues.push({
      property: 'timeZone',
      constraints: { validateTimezoneRequired: 'Either timeZone or loggedInUsersTz must be provided' },
      children: [],
    });
  }
  return issues;
}

/**
 * Parses `dateFrom`/`dateTo` like dayjs on a UTC server: a bare date is UTC midnight.
 *
 * @param value The checked ISO 8601 date or time.
 * @returns Epoch milliseconds.
 */
function parseDay(value: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/**
 * The window Cal.com asks the calendar providers for (`getBusyCalendarTimes`): from 11 hours before `dateFrom` to
 * 14 hours after the end of `dateTo`'s month, "to avoid problems" in other time zones. Busy times are not cut to it.
 *
 * @param dateFrom The checked `dateFrom`.
 * @param dateTo The checked `dateTo`.
 * @returns The window in epoch milliseconds.
 */
function providerWindow(dateFrom: string, dateTo: string): { start: number; end: number } {
  const to = new Date(parseDay(dateTo));
  const endOfMonth = Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 1) - 1;
  return { start: parseDay(dateFrom) - 11 * HOUR_MS, end: endOfMonth + 14 * HOUR_MS };
}

/**
 * The events of one calendar: the provider's events, plus the user's accepted bookings when it is the destination
 * calendar (Cal.com writes each accepted booking there; pending ones only once confirmed, cancelled ones are removed).
 *
 * @param context The route context.
 * @param user The user.
 * @param credentialId The calendar's credential.
 * @param externalId The calendar.
 * @returns The events.
 */
function eventsOf(
  context: RouteContext,
  user: SimulatorUser,
  credentialId: number,
  externalId: string,
): CalendarBusyEvent[] {
  const connection = context.data.calendarConnections.find(
    (candidate) => candidate.userId === user.id && candidate.connection.credentialId === credentialId,
  );
  const events = (connection?.events ?? []).filter((event) => event.externalId === externalId);
  const destination = context.data.destinationCalendars.find((candidate) => candidate.userId === user.id);
  if (destination?.credentialId !== credentialId || destination.externalId !== externalId) return events;
  const bookings = context.data.bookings
    .filter((booking) => booking.status === 'accepted' && booking.hosts.some((host) => host.id === user.id))
    .map((booking) => ({ externalId, start: Date.parse(booking.start), end: Date.parse(booking.end) }));
  return [...events, ...bookings];
}

/** `GET /v2/calendars` and `GET /v2/calendars/busy-times` (unversioned). */
export const calendarRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/calendars/busy-times',
    auth: 'required',
    handle(context) {
      const user = requireUser(context);
      const calendars = readCalendarsToLoad(context.query);
      const extraIssues = busyTimesIssues(context.query, calendars);
      const shape = {
        calendarsToLoad: {
          type: 'nestedArray',
          shape: { credentialId: { type: 'number', required: true }, externalId: { type: 'string', required: true } },
        },
        dateFrom: { type: 'date', required: true },
        dateTo: { type: 'date', required: true },
        timeZone: { type: 'timeZone' },
        loggedInUsersTz: { type: 'string' },
      } as const;
      const raw = {
        ...Object.fromEntries(
          ['dateFrom', 'dateTo', 'timeZone', 'loggedInUsersTz'].map((name) => [
            name,
            context.query.get(name) ?? undefined,
          ]),
        ),
        calendarsToLoad: calendars,
      };
      let input: Record<string, unknown>;
      try {
        input = validateBody(raw, shape);
      } catch (error) {
        if (!(error instanceof SimulatorHttpError)) throw error;
        const { errors = [] } = error.details as { errors?: ValidationIssue[] };
        throw validationError([...extraIssues, ...errors]);
      }
      if (extraIssues.length > 0) throw validationError(extraIssues);
      const requested = input.calendarsToLoad as { credentialId: number; externalId: string }[];
      const owned = new Set(
        context.data.calendarConnections
          .filter((connection) => connection.userId === user.id)
          .map((connection) => connection.connection.credentialId),
      );
      if (requested.some((calendar) => !owned.has(calendar.credentialId))) {
        throw unauthorizedError('These credentials do not belong to you');
      }
      const window = providerWindow(input.dateFrom as string, input.dateTo as string);
      const seen = new Set<string>();
      const busy: (CalendarBusyEvent & { source: string })[] = [];
      for (const { credentialId, externalId } of requested) {
        const key = `${credentialId}\u0000${externalId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const appId =
          context.data.calendarConnections.find((connection) => connection.connection.credentialId === credentialId)
            ?.appId ?? '';
        for (const event of eventsOf(context, user, credentialId, externalId)) {
          if (event.start < window.end && event.end > window.start) busy.push({ ...event, source: appId });
        }
      }
      const data: BusyTimeOutput[] = busy
        .sort((a, b) => a.start - b.start || a.end - b.end)
        .map((event) => ({
          start: new Date(event.start).toISOString(),
          end: new Date(event.end).toISOString(),
          source: event.source,
        }));
      return ok(data);
    },
  },
  {
    method: 'GET',
    pattern: '/v2/calendars',
    auth: 'required',
    handle(context) {
      const user = requireUser(context);
      const destination = context.data.destinationCalendars.find((candidate) => candidate.userId === user.id);
      const data = {
        connectedCalendars: context.data.calendarConnections
          .filter((connection) => connection.userId === user.id)
          .map((connection) => connection.connection),
        ...(destination === undefined ? {} : { destinationCalendar: destination }),
      } as ConnectedCalendarsOutput;
      return ok(data);
    },
  },
];
