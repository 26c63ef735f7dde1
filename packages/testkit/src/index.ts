export { DEFAULT_BASE_URL, TEST_NOW } from './constants';
export type {
  BareErrorBody,
  BookingAttendee,
  BookingHost,
  BookingOutput,
  BookingStatus,
  ConfirmationPolicy,
  DeletedEventTypeOutput,
  ErrorEnvelope,
  EventTypeOutput,
  Locale,
  MeOutput,
  PaginationMeta,
  ReservationOutput,
  ScheduleAvailability,
  ScheduleOutput,
  ScheduleOverride,
  SlotOutput,
  SlotsOutput,
  SuccessEnvelope,
  TeamEventTypeOutput,
  TeamMembershipOutput,
  TeamOutput,
  TeamRole,
  WebhookOutput,
  WebhookTrigger,
  WeekDay,
} from './dto/index';
export { LOCALES, WEBHOOK_TRIGGERS, WEEK_DAYS } from './dto/index';
export * from './fixtures/index';
export * from './simulator/index';
