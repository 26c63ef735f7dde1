import type {
  BusyTimesOutput,
  Calendar,
  ConnectedCalendar,
  ConnectedCalendarsData,
  DestinationCalendar,
} from '../generated/dto.generated';

/** A busy interval of a connected calendar (`BusyTimesOutput`): UTC instants and the calendar app it came from. */
export type BusyTimeOutput = BusyTimesOutput;

/** One calendar of a connected calendar account (`Calendar`). */
export type CalendarOutput = Calendar;

/**
 * The calendar Cal.com writes new bookings to (`DestinationCalendar`), with `id` a number: the document types it
 * `object`, a generator fault (docs/CALCOM-API.md §9.10).
 */
export type DestinationCalendarOutput = Omit<DestinationCalendar, 'id'> & { id: number };

/** A connected calendar account (`ConnectedCalendar`). */
export type ConnectedCalendarOutput = ConnectedCalendar;

/** `data` of `GET /v2/calendars` (`ConnectedCalendarsData`). */
export type ConnectedCalendarsOutput = Omit<ConnectedCalendarsData, 'destinationCalendar'> & {
  destinationCalendar: DestinationCalendarOutput;
};
