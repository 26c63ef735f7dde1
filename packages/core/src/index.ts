export { CalComClient, type CalComClientDependencies } from './client';
export type { CalComClientOptions, FetchDispatcher } from './client-options';
export type { ApiResource, BookingsApiVersion } from './config/api-versions';
export { BOOKINGS_API_VERSIONS, DEFAULT_API_VERSIONS } from './config/api-versions';
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
export {
  MemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
  type RateLimitStore,
  type RateLimitTake,
  rateLimitKey,
} from './internal/rate-limit-store';
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
  type CalComEventAttendee,
  type CalComEventHost,
  type CalComLocale,
  type CancellationConfirmation,
  canonicalTimeZone,
  checkTimeZone,
  type EventType,
  isValidTimeZone,
  type Page,
  type Pagination,
  type PrivateLink,
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
export type { BookingAttendeeRecord, CalendarLink } from './models/attendee';
export type { BusyInterval, BusyTime, ConnectedCalendar } from './models/calendar';
export type { ConferencingApp, DefaultConferencingApp } from './models/conferencing';
export type { RoutingFormAnswer, RoutingFormResponses } from './models/routing-form';
export type { RequestOptions } from './request-options';
export type { ListAvailabilityInput } from './resources/availability';
export {
  type AddAttendeeInput,
  type AddGuestsInput,
  BOOKING_LIST_STATUSES,
  type BookingAttendeeInput,
  type BookingFieldResponse,
  type BookingListStatus,
  type BookingLocationInput,
  type BookingResult,
  type CancelBookingInput,
  type CancellationResult,
  type CreateBookingDetails,
  type CreateBookingInput,
  type CreateBookingLocation,
  type DeclineBookingInput,
  type GuestInput,
  type ListBookingsFilters,
  type LocationIntegration,
  type MarkAbsentInput,
  type ReassignBookingInput,
  type ReassignedHost,
  type ReassignmentResult,
  type RescheduleBookingInput,
  type SortOrder,
  type UpdateLocationInput,
} from './resources/bookings';
export type { BusyTimes, BusyTimesParams, CalendarRef } from './resources/calendars';
export type { ApiExecutor } from './resources/common/context';
export type { EventTypeReference } from './resources/common/event-type-ref';
export type {
  CreateEventTypeInput,
  ListEventTypesFilters,
  UpdateEventTypeInput,
} from './resources/event-types';
export type { PrivateLinkInput } from './resources/event-types/private-links';
export type { UpdateUserSettingsInput } from './resources/me';
export type { RoutedSlots, RoutingFormSlotsParams } from './resources/routing-forms';
export type {
  CreateScheduleInput,
  ScheduleAvailabilityInput,
  ScheduleOverrideInput,
  UpdateScheduleInput,
} from './resources/schedules/schedule-input';
export type { DynamicGroupSlots, ListSlotsInput, ListSlotsRange } from './resources/slots';
export type { CreateWebhookInput } from './resources/webhooks';
export { redact } from './text/redact';
export * from './webhooks';
