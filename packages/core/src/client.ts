import { type CalComClientOptions, resolveClientOptions } from './client-options';
import { REDACTED } from './internal/redact';
import { RequestExecutor } from './internal/request-loop';
import type { RateLimitSnapshot } from './internal/request-types';
import { describeHolder, INSPECT_CUSTOM } from './internal/secret';
import type { Availability } from './models/availability';
import type { CalComEvent } from './models/booking';
import type { EventType } from './models/event-type';
import type { Page } from './models/pagination';
import type { Schedule } from './models/schedule';
import type { Slot } from './models/slot';
import type { Team, TeamMember } from './models/team';
import type { User } from './models/user';
import type { Webhook } from './models/webhook';
import type { RequestOptions } from './request-options';
import { AvailabilityResource, type ListAvailabilityInput } from './resources/availability';
import {
  type BookingResult,
  BookingsResource,
  type CancellationResult,
  type CreateBookingInput,
  type ListBookingsFilters,
  type RescheduleOptions,
} from './resources/bookings';
import type { ApiExecutor, ResourceContext } from './resources/common/context';
import {
  type CreateEventTypeInput,
  EventTypesResource,
  type ListEventTypesFilters,
  type UpdateEventTypeInput,
} from './resources/event-types';
import { MeResource, type UpdateUserSettingsInput } from './resources/me';
import { SchedulesResource } from './resources/schedules';
import { type ListSlotsInput, SlotsResource } from './resources/slots';
import { TeamsResource } from './resources/teams';
import { type CreateWebhookInput, WebhooksResource } from './resources/webhooks';
import { verifyWebhookSignature } from './webhooks/verify-webhook-signature';

/** Test seams of {@link CalComClient}. */
export interface CalComClientDependencies {
  /** The request executor. Default: a {@link RequestExecutor} built from the options. */
  readonly executor?: ApiExecutor & { readonly rateLimit?: RateLimitSnapshot | undefined; close?(): Promise<void> };
}

/**
 * The Cal.com API v2 client: one flat method per operation, typed results, actionable errors, retries that never
 * double-book, rate limits and a circuit breaker. Every method takes a last `RequestOptions` (`signal`, `timeoutMs`,
 * `maxRetries`, `apiVersion`).
 *
 * @example
 * ```ts
 * import { CalComClient } from '@calcom-int/core';
 *
 * const cal = new CalComClient(); // reads CAL_COM_API_KEY from the environment or the project's .env
 * const me = await cal.getUser();
 * const slots = await cal.listSlots({ eventTypeId: 42, start: '2026-06-01T00:00:00Z', end: '2026-06-02T00:00:00Z', timeZone: me.timeZone });
 * ```
 */
export class CalComClient {
  // True private fields: printing, spreading or serialising the client reaches neither the key nor the objects that
  // hold it (the executor, the resources' context).
  readonly #baseUrl: string;
  readonly #executor: NonNullable<CalComClientDependencies['executor']>;
  readonly #me: MeResource;
  readonly #eventTypes: EventTypesResource;
  readonly #slots: SlotsResource;
  readonly #schedules: SchedulesResource;
  readonly #availability: AvailabilityResource;
  readonly #bookings: BookingsResource;
  readonly #teams: TeamsResource;
  readonly #webhooks: WebhooksResource;
  readonly #now: () => number;

  /**
   * Creates a client. Explicit options win over `CAL_COM_*` environment variables and the project's `.env` file.
   *
   * @example
   * ```ts
   * const cal = new CalComClient({ apiKey: 'cal_live_…', timeoutMs: 10_000 });
   * ```
   *
   * @param options The client options.
   * @param dependencies Test seams (executor).
   */
  constructor(options: CalComClientOptions = {}, dependencies: CalComClientDependencies = {}) {
    const resolved = resolveClientOptions(options);
    this.#baseUrl = resolved.baseUrl;
    this.#now = resolved.now;
    this.#executor = dependencies.executor ?? new RequestExecutor(resolved);
    const context: ResourceContext = {
      executor: this.#executor,
      baseUrl: resolved.baseUrl,
      now: resolved.now,
    };
    this.#me = new MeResource(context);
    this.#eventTypes = new EventTypesResource(context, this.#me);
    this.#slots = new SlotsResource(context);
    this.#schedules = new SchedulesResource(context);
    this.#bookings = new BookingsResource(context, this.#eventTypes, this.#slots);
    this.#availability = new AvailabilityResource(this.#me, this.#slots, this.#schedules, this.#bookings);
    this.#teams = new TeamsResource(context, this.#me);
    this.#webhooks = new WebhooksResource(context);
  }

  /**
   * Reads the client's calendar clock (the `now` option, else the system clock): the instant the client measures
   * "in the past" against. Tools show it to the model as the current time.
   *
   * @returns The current instant.
   */
  now(): Date {
    return new Date(this.#now());
  }

  /** The rate-limit state from the last response (Cal.com allows 120 requests per minute per API key). */
  get rateLimit(): RateLimitSnapshot | undefined {
    return this.#executor.rateLimit;
  }

  /**
   * Gets the authenticated user's profile (`GET /v2/me`), cached for 60 s and refreshed by `updateUserSettings`.
   *
   * @example
   * ```ts
   * const { username, timeZone } = await cal.getUser();
   * ```
   *
   * @param options The per-call options.
   * @returns The user.
   */
  getUser(options?: RequestOptions): Promise<User> {
    return this.#me.getUser(options);
  }

  /**
   * Updates the authenticated user's settings (`PATCH /v2/me`). The time zone is checked against IANA and the locale
   * against Cal.com's list before anything is sent; only the given fields are sent. If Cal.com's answer is lost, the
   * profile is read back before the update is sent again.
   *
   * @example
   * ```ts
   * await cal.updateUserSettings({ timeZone: 'Europe/Rome', locale: 'it', timeFormat: 24 });
   * ```
   *
   * @param input The fields to change.
   * @param options The per-call options.
   * @returns The updated user.
   */
  updateUserSettings(input: UpdateUserSettingsInput, options?: RequestOptions): Promise<User> {
    return this.#me.updateUserSettings(input, options);
  }

  /**
   * Lists event types: your own (default), a user's by `username`, or a team's by `teamId`.
   *
   * @example
   * ```ts
   * const mine = await cal.listEventTypes();
   * const team = await cal.listEventTypes({ teamId: 7 });
   * ```
   *
   * @param filters The filters.
   * @param options The per-call options.
   * @returns The event types.
   */
  listEventTypes(filters?: ListEventTypesFilters, options?: RequestOptions): Promise<EventType[]> {
    return this.#eventTypes.listEventTypes(filters, options);
  }

  /**
   * Gets one event type (`GET /v2/event-types/{id}`).
   *
   * @example
   * ```ts
   * const eventType = await cal.getEventType(42);
   * ```
   *
   * @param id The event type id.
   * @param options The per-call options.
   * @returns The event type.
   */
  getEventType(id: number, options?: RequestOptions): Promise<EventType> {
    return this.#eventTypes.getEventType(id, options);
  }

  /**
   * Creates an event type owned by you. The slug must be lowercase `[a-z0-9-]` and not used by another of your event
   * types; the length 1–1440 minutes. Sent once: if Cal.com's answer is lost, the event type is looked up by its slug.
   *
   * @example
   * ```ts
   * const eventType = await cal.createEventType({ title: 'Intro call', slug: 'intro-call', lengthInMinutes: 30 });
   * ```
   *
   * @param input The event type.
   * @param options The per-call options.
   * @returns The created event type.
   */
  createEventType(input: CreateEventTypeInput, options?: RequestOptions): Promise<EventType> {
    return this.#eventTypes.createEventType(input, options);
  }

  /**
   * Updates an event type; only the given fields are sent. If Cal.com's answer is lost, it is read back before the
   * update is sent again.
   *
   * @example
   * ```ts
   * await cal.updateEventType(42, { lengthInMinutes: 45 });
   * ```
   *
   * @param id The event type id.
   * @param patch The changes.
   * @param options The per-call options.
   * @returns The updated event type.
   */
  updateEventType(id: number, patch: UpdateEventTypeInput, options?: RequestOptions): Promise<EventType> {
    return this.#eventTypes.updateEventType(id, patch, options);
  }

  /**
   * Deletes an event type. If Cal.com's answer is lost, it is read back (404: deleted) before the delete is sent again.
   *
   * @example
   * ```ts
   * await cal.deleteEventType(42);
   * ```
   *
   * @param id The event type id.
   * @param options The per-call options.
   */
  deleteEventType(id: number, options?: RequestOptions): Promise<void> {
    return this.#eventTypes.deleteEventType(id, options);
  }

  /**
   * Lists availability over a range: with `eventTypeId`, the bookable slots; without, your default schedule expanded
   * in its own time zone (DST-correct) with existing bookings as busy blocks (`isAvailable: false`).
   *
   * @example
   * ```ts
   * const week = await cal.listAvailability({ start: '2026-06-01T00:00:00Z', end: '2026-06-08T00:00:00Z' });
   * const free = week.slots.filter((slot) => slot.isAvailable);
   * ```
   *
   * @param input The range, event type and zone.
   * @param options The per-call options.
   * @returns The availability.
   */
  listAvailability(input: ListAvailabilityInput, options?: RequestOptions): Promise<Availability> {
    return this.#availability.listAvailability(input, options);
  }

  /**
   * Lists the free slots of an event type (`GET /v2/slots`, range format) as UTC `{ start, end }`.
   *
   * @example
   * ```ts
   * const slots = await cal.listSlots({ eventTypeId: 42, start: new Date(), end: '2026-06-08T00:00:00Z', timeZone: 'Europe/Rome' });
   * ```
   *
   * @param input The event type, range, zone and length.
   * @param options The per-call options.
   * @returns The slots.
   */
  listSlots(input: ListSlotsInput, options?: RequestOptions): Promise<Slot[]> {
    return this.#slots.listSlots(input, options);
  }

  /**
   * Lists your schedules (`GET /v2/schedules`).
   *
   * @example
   * ```ts
   * const schedules = await cal.listSchedules();
   * ```
   *
   * @param options The per-call options.
   * @returns The schedules.
   */
  listSchedules(options?: RequestOptions): Promise<Schedule[]> {
    return this.#schedules.listSchedules(options);
  }

  /**
   * Gets your default schedule (`GET /v2/schedules/default`).
   *
   * @example
   * ```ts
   * const schedule = await cal.getDefaultSchedule();
   * ```
   *
   * @param options The per-call options.
   * @returns The default schedule, or `null`.
   */
  getDefaultSchedule(options?: RequestOptions): Promise<Schedule | null> {
    return this.#schedules.getDefaultSchedule(options);
  }

  /**
   * Lists one page of bookings (`limit` 1–100, default 100; `skip`).
   *
   * @example
   * ```ts
   * const page = await cal.listBookings({ status: 'upcoming', limit: 20 });
   * if (page.pagination.hasNextPage) { … }
   * ```
   *
   * @param filters The filters and page.
   * @param options The per-call options.
   * @returns The page.
   */
  listBookings(filters?: ListBookingsFilters, options?: RequestOptions): Promise<Page<CalComEvent>> {
    return this.#bookings.listBookings(filters, options);
  }

  /**
   * Walks every booking matching the filters, fetching one page at a time.
   *
   * @example
   * ```ts
   * for await (const booking of cal.iterateBookings({ status: 'past' })) console.log(booking.uid);
   * ```
   *
   * @param filters The filters.
   * @param options The per-call options.
   * @returns An async iterator of bookings.
   */
  iterateBookings(filters?: ListBookingsFilters, options?: RequestOptions): AsyncIterableIterator<CalComEvent> {
    return this.#bookings.iterateBookings(filters, options);
  }

  /**
   * Gets one booking by UID.
   *
   * @example
   * ```ts
   * const booking = await cal.getBooking('8qYcb3xRj4');
   * ```
   *
   * @param uid The booking UID.
   * @param options The per-call options.
   * @returns The booking.
   */
  getBooking(uid: string, options?: RequestOptions): Promise<CalComEvent> {
    return this.#bookings.getBooking(uid, options);
  }

  /**
   * Books a slot. Checks the input, that the length is allowed by the event type and that the slot is free (else
   * `CalComSlotUnavailableError` with the nearest free starts), then sends it once. If the outcome is ambiguous
   * (timeout, 5xx, reset after sending, unreadable answer) it is never sent again: the booking is looked up and
   * returned with `verifiedByReadBack: true`; if it cannot be found, `CalComUnknownOutcomeError` says how to check.
   * Cal.com emails the attendee and host itself.
   *
   * @example
   * ```ts
   * const { booking, confirmation } = await cal.createBooking({
   *   eventTypeId: 42,
   *   start: '2026-06-01T09:00:00+02:00',
   *   attendee: { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' },
   * });
   * ```
   *
   * @param input The booking.
   * @param options The per-call options.
   * @returns The booking and its confirmation.
   */
  createBooking(input: CreateBookingInput, options?: RequestOptions): Promise<BookingResult> {
    return this.#bookings.createBooking(input, options);
  }

  /**
   * Moves a booking. Cal.com makes a new booking with a new UID (`rescheduledFromUid` = the old UID) and cancels the
   * old one; the new booking is returned. An ambiguous failure is settled by looking up the reschedule of this UID
   * (`verifiedByReadBack: true`), never by sending it again.
   *
   * @example
   * ```ts
   * const { booking } = await cal.rescheduleEvent('8qYcb3xRj4', '2026-06-02T10:00:00Z', undefined, { reason: 'Conflict' });
   * ```
   *
   * @param uid The UID of the booking to move.
   * @param newStart The new start.
   * @param newEnd The new end (must keep the length).
   * @param options The reason and per-call options.
   * @returns The new booking and its confirmation.
   */
  rescheduleEvent(
    uid: string,
    newStart: string | Date,
    newEnd?: string | Date,
    options?: RescheduleOptions,
  ): Promise<BookingResult> {
    return this.#bookings.rescheduleEvent(uid, newStart, newEnd, options);
  }

  /**
   * Cancels a booking. Idempotent: a booking cancelled before this call comes back with `alreadyCancelled: true`.
   * After an ambiguous failure the booking is read back: cancelled → `verifiedByReadBack: true`; unknown →
   * `CalComUnknownOutcomeError`.
   *
   * @example
   * ```ts
   * const result = await cal.cancelEvent('8qYcb3xRj4', 'Double-booked');
   * ```
   *
   * @param uid The booking UID.
   * @param reason The cancellation reason.
   * @param options The per-call options.
   * @returns The cancellation confirmation and how it was confirmed.
   */
  cancelEvent(uid: string, reason?: string, options?: RequestOptions): Promise<CancellationResult> {
    return this.#bookings.cancelEvent(uid, reason, options);
  }

  /**
   * Confirms a booking that awaits your confirmation. After an ambiguous failure the booking is read back instead of
   * sending the confirm blindly again.
   *
   * @example
   * ```ts
   * await cal.confirmBooking('8qYcb3xRj4');
   * ```
   *
   * @param uid The booking UID.
   * @param options The per-call options.
   * @returns The booking.
   */
  confirmBooking(uid: string, options?: RequestOptions): Promise<CalComEvent> {
    return this.#bookings.confirmBooking(uid, options);
  }

  /**
   * Declines a booking that awaits your confirmation. After an ambiguous failure the booking is read back instead of
   * sending the decline blindly again.
   *
   * @example
   * ```ts
   * await cal.declineBooking('8qYcb3xRj4', 'Not available that week');
   * ```
   *
   * @param uid The booking UID.
   * @param reason The reason shown to the attendee.
   * @param options The per-call options.
   * @returns The booking.
   */
  declineBooking(uid: string, reason?: string, options?: RequestOptions): Promise<CalComEvent> {
    return this.#bookings.declineBooking(uid, reason, options);
  }

  /**
   * Lists your teams, each with your role.
   *
   * @example
   * ```ts
   * const admins = (await cal.listTeams()).filter((team) => team.role !== 'MEMBER');
   * ```
   *
   * @param options The per-call options.
   * @returns The teams.
   */
  listTeams(options?: RequestOptions): Promise<Team[]> {
    return this.#teams.listTeams(options);
  }

  /**
   * Gets a team with its members.
   *
   * @example
   * ```ts
   * const team = await cal.getTeam(7);
   * ```
   *
   * @param id The team id.
   * @param options The per-call options.
   * @returns The team.
   */
  getTeam(id: number, options?: RequestOptions): Promise<Team> {
    return this.#teams.getTeam(id, options);
  }

  /**
   * Lists a team's members.
   *
   * @example
   * ```ts
   * const members = await cal.listTeamMembers(7);
   * ```
   *
   * @param teamId The team id.
   * @param options The per-call options.
   * @returns The members.
   */
  listTeamMembers(teamId: number, options?: RequestOptions): Promise<TeamMember[]> {
    return this.#teams.listTeamMembers(teamId, options);
  }

  /**
   * Lists your webhooks.
   *
   * @example
   * ```ts
   * const webhooks = await cal.listWebhooks();
   * ```
   *
   * @param options The per-call options.
   * @returns The webhooks.
   */
  listWebhooks(options?: RequestOptions): Promise<Webhook[]> {
    return this.#webhooks.listWebhooks(options);
  }

  /**
   * Creates a webhook. Give it a `secret` and check deliveries with `verifyWebhookSignature`. Sent once: if Cal.com's
   * answer is lost, the new webhook is looked up among those that were not there before.
   *
   * @example
   * ```ts
   * await cal.createWebhook({ subscriberUrl: 'https://example.com/cal', triggers: ['BOOKING_CREATED'], secret });
   * ```
   *
   * @param input The webhook.
   * @param options The per-call options.
   * @returns The webhook.
   */
  createWebhook(input: CreateWebhookInput, options?: RequestOptions): Promise<Webhook> {
    return this.#webhooks.createWebhook(input, options);
  }

  /**
   * Deletes a webhook. If Cal.com's answer is lost, it is read back (404: deleted) before the delete is sent again.
   *
   * @example
   * ```ts
   * await cal.deleteWebhook('5');
   * ```
   *
   * @param id The webhook id.
   * @param options The per-call options.
   */
  deleteWebhook(id: string | number, options?: RequestOptions): Promise<void> {
    return this.#webhooks.deleteWebhook(id, options);
  }

  /**
   * Verifies the `X-Cal-Signature-256` header of a webhook delivery (HMAC-SHA256 hex of the raw body). An empty or
   * missing secret throws `CalComConfigError` (a webhook without a secret cannot be verified).
   *
   * @example
   * ```ts
   * if (!cal.verifyWebhookSignature(rawBody, request.headers['x-cal-signature-256'], secret)) return 401;
   * ```
   *
   * @param rawBody The raw request body.
   * @param signatureHeader The header value.
   * @param secret The webhook's secret, as given to `createWebhook({ secret })`; must not be empty.
   * @returns Whether the signature is valid.
   */
  verifyWebhookSignature(
    rawBody: string | Uint8Array,
    signatureHeader: string | string[] | null | undefined,
    secret: string,
  ): boolean {
    return verifyWebhookSignature(rawBody, signatureHeader, secret);
  }

  /**
   * Closes the client's keep-alive connections.
   *
   * @example
   * ```ts
   * await cal.close();
   * ```
   */
  async close(): Promise<void> {
    await this.#executor.close?.();
  }

  /**
   * Closes the client (for `await using cal = new CalComClient()`).
   */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /**
   * Returns a summary that is safe to log, for `JSON.stringify(client)`: the base URL, never the key.
   *
   * @example
   * ```ts
   * JSON.stringify(cal); // {"baseUrl":"https://api.cal.com/v2","apiKey":"[REDACTED]"}
   * ```
   *
   * @returns `{ baseUrl, apiKey: '[REDACTED]' }`.
   */
  toJSON(): { baseUrl: string; apiKey: string } {
    return { baseUrl: this.#baseUrl, apiKey: REDACTED };
  }

  /**
   * Returns a summary that is safe to log, for `String(client)` and template literals.
   *
   * @returns E.g. `CalComClient { baseUrl: 'https://api.cal.com/v2', apiKey: '[REDACTED]' }`.
   */
  toString(): string {
    return describeHolder('CalComClient', this.#baseUrl);
  }

  /**
   * Returns the same summary for `console.log(client)` and `util.inspect(client)`.
   *
   * @returns The text of {@link CalComClient.toString}.
   */
  [INSPECT_CUSTOM](): string {
    return this.toString();
  }
}
