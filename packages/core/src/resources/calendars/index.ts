export {
  BUSY_TIMES_CALENDARS_PER_REQUEST,
  type BusyTimes,
  type BusyTimesParams,
  type CalendarRef,
  CalendarsResource,
} from './calendars';
