export type { BookingAttendee, BookingHost, BookingOutput, BookingStatus, Locale } from './booking';
export { LOCALES } from './booking';
export type {
  BusyTimeOutput,
  CalendarOutput,
  ConnectedCalendarOutput,
  ConnectedCalendarsOutput,
  DestinationCalendarOutput,
} from './calendar';
export type { BareErrorBody, ErrorEnvelope, PaginationMeta, SuccessEnvelope } from './envelope';
export type {
  ConfirmationPolicy,
  DeletedEventTypeOutput,
  EventTypeBase,
  EventTypeBookingField,
  EventTypeLocation,
  EventTypeOutput,
  EventTypeTeam,
  EventTypeUser,
  TeamEventTypeHost,
  TeamEventTypeOutput,
} from './event-type';
export type { ScheduleAvailability, ScheduleOutput, ScheduleOverride, WeekDay } from './schedule';
export { WEEK_DAYS } from './schedule';
export type { ReservationOutput, SlotOutput, SlotsOutput } from './slots';
export type { MeOutput, TeamMembershipOutput, TeamOutput, TeamRole } from './user';
export type { WebhookOutput, WebhookTrigger } from './webhook';
export { WEBHOOK_TRIGGERS } from './webhook';
