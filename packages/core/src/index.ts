export { CalComClient, type CalComClientDependencies } from './client';
export type { CalComClientOptions } from './client-options';
export type { ApiResource } from './config/api-versions';
export { DEFAULT_API_VERSIONS } from './config/api-versions';
export {
  ENVIRONMENT_VARIABLES,
  envFileCandidates,
  findProjectRoot,
  type LoadEnvironmentOptions,
  type LoadedEnvironment,
  loadEnvironment,
} from './config/env-file';
export * from './errors';
export type { Logger, LogLevel } from './internal/logger';
export type { RateLimitSnapshot } from './internal/request-types';
export type { CircuitBreakerOptions, RateLimitOptions } from './internal/resolved-options';
// The domain models and time helpers; the valibot schemas and Cal.com's wire (DTO) types are at
// `@calcom-int/core/schemas`.
export {
  type Availability,
  type AvailabilitySlot,
  addDays,
  type BookingConfirmation,
  type BookingStatus,
  CAL_COM_LOCALES,
  type CalComEvent,
  type CalComLocale,
  type CancellationConfirmation,
  canonicalTimeZone,
  checkTimeZone,
  type EventType,
  isValidTimeZone,
  type Page,
  type Pagination,
  type Schedule,
  type Slot,
  type Team,
  type TeamMember,
  type TeamRole,
  type TimeZoneCheck,
  toUtcIso,
  type User,
  type WallClock,
  WEBHOOK_TRIGGERS,
  type Webhook,
  type WebhookTrigger,
  type Weekday,
  wallClockAt,
  zonedToEpoch,
} from './models';
export type { RequestOptions } from './request-options';
export type { ListAvailabilityInput } from './resources/availability';
export {
  BOOKING_LIST_STATUSES,
  type BookingAttendeeInput,
  type BookingListStatus,
  type BookingResult,
  type CancelBookingInput,
  type CancellationResult,
  type CreateBookingInput,
  type DeclineBookingInput,
  type ListBookingsFilters,
  type RescheduleBookingInput,
} from './resources/bookings';
export type { ApiExecutor } from './resources/common/context';
export type {
  CreateEventTypeInput,
  ListEventTypesFilters,
  UpdateEventTypeInput,
} from './resources/event-types';
export type { UpdateUserSettingsInput } from './resources/me';
export type { ListSlotsInput } from './resources/slots';
export type { CreateWebhookInput } from './resources/webhooks';
export * from './webhooks';
