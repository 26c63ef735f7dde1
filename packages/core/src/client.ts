import { type CalComClientOptions, resolveClientOptions } from './client-options';
import { RequestExecutor } from './internal/request-loop';
import type { RateLimitSnapshot } from './internal/request-types';
import { describeHolder, INSPECT_CUSTOM } from './internal/secret';
import { AvailabilityResource } from './resources/availability/availability';
import { BookingsResource } from './resources/bookings/bookings';
import { CalendarsResource } from './resources/calendars/calendars';
import type { ApiExecutor, ResourceContext } from './resources/common/context';
import { ConferencingResource } from './resources/conferencing/conferencing';
import { EventTypesResource } from './resources/event-types/event-types';
import { MeResource } from './resources/me/me';
import { RoutingFormsResource } from './resources/routing-forms/routing-forms';
import { SchedulesResource } from './resources/schedules/schedules';
import { SlotsResource } from './resources/slots/slots';
import { TeamsResource } from './resources/teams/teams';
import { WebhooksResource } from './resources/webhooks/webhooks';
import { REDACTED } from './text/redact';

/** Test seams of {@link CalComClient}. */
export interface CalComClientDependencies {
  /** The request executor. Default: a {@link RequestExecutor} built from the options. */
  readonly executor?: ApiExecutor & { readonly rateLimit?: RateLimitSnapshot | undefined; close?(): Promise<void> };
}

/**
 * The Cal.com API v2 client: one resource per API area (`cal.bookings`, `cal.eventTypes`, `cal.slots`,
 * `cal.availability`, `cal.schedules`, `cal.me`, `cal.teams`, `cal.webhooks`, `cal.calendars`, `cal.conferencing`, `cal.routingForms`), typed results,
 * actionable errors, retries that never double-book, rate limits and a circuit breaker. Every method takes
 * `(params, options?)` or `(id, params?, options?)`, with the per-call `RequestOptions` (`signal`, `timeoutMs`,
 * `maxRetries`, `apiVersion`) last; an operation without params takes only `options`.
 *
 * @example
 * ```ts
 * import { CalComClient } from '@calcom-int/core';
 *
 * const cal = new CalComClient(); // reads CAL_COM_API_KEY from the environment or the project's .env
 * const me = await cal.me.get();
 * const slots = await cal.slots.list({ eventTypeId: 42, start: '2026-06-01T00:00:00Z', end: '2026-06-02T00:00:00Z', timeZone: me.timeZone });
 * ```
 */
export class CalComClient {
  // True private fields: printing, spreading or serialising the client reaches neither the key nor the objects that
  // hold it (the executor). The resources are reached through getters, so the client itself has no own properties; they
  // keep their context in true private fields too.
  readonly #baseUrl: string;
  readonly #executor: NonNullable<CalComClientDependencies['executor']>;
  readonly #now: () => number;
  readonly #me: MeResource;
  readonly #eventTypes: EventTypesResource;
  readonly #slots: SlotsResource;
  readonly #schedules: SchedulesResource;
  readonly #availability: AvailabilityResource;
  readonly #bookings: BookingsResource;
  readonly #teams: TeamsResource;
  readonly #webhooks: WebhooksResource;
  readonly #calendars: CalendarsResource;
  readonly #conferencing: ConferencingResource;
  readonly #routingForms: RoutingFormsResource;

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
    this.#calendars = new CalendarsResource(context);
    this.#conferencing = new ConferencingResource(context);
    this.#routingForms = new RoutingFormsResource(context);
  }

  /** Your profile (`/v2/me`): `get`, `update`. */
  get me(): MeResource {
    return this.#me;
  }

  /** Event types (`/v2/event-types`): `list`, `get`, `create`, `update`, `delete`. */
  get eventTypes(): EventTypesResource {
    return this.#eventTypes;
  }

  /** Free slots of an event type (`/v2/slots`): `list`. */
  get slots(): SlotsResource {
    return this.#slots;
  }

  /** Working-hours schedules (`/v2/schedules`): `list`, `getDefault`, `get`, `create`, `update`, `delete`. */
  get schedules(): SchedulesResource {
    return this.#schedules;
  }

  /** Availability over a range (slots, or the default schedule minus bookings): `list`. */
  get availability(): AvailabilityResource {
    return this.#availability;
  }

  /**
   * Bookings (`/v2/bookings`): `list`, `iterate`, `get`, `create`, `reschedule`, `cancel`, `confirm`, `decline`,
   * `listAttendees`, `getAttendee`, `addAttendee`, `addGuests`, `updateLocation`, `markAbsent`, `calendarLinks`,
   * `reassign`.
   */
  get bookings(): BookingsResource {
    return this.#bookings;
  }

  /** Teams (`/v2/teams`): `list`, `get`, `listMembers`. */
  get teams(): TeamsResource {
    return this.#teams;
  }

  /** Webhooks (`/v2/webhooks`): `list`, `create`, `delete`; verify deliveries with `verifyWebhookSignature`. */
  get webhooks(): WebhooksResource {
    return this.#webhooks;
  }

  /** Connected calendars (`/v2/calendars`): `list`, `busyTimes`. */
  get calendars(): CalendarsResource {
    return this.#calendars;
  }

  /** Your conferencing apps (`/v2/conferencing`): `list`, `getDefault`. */
  get conferencing(): ConferencingResource {
    return this.#conferencing;
  }

  /** Routing forms (`/v2/routing-forms`): `calculateSlots` (which event type the answers route to, and its slots). */
  get routingForms(): RoutingFormsResource {
    return this.#routingForms;
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
   * Ends the client. Node's fetch closes idle keep-alive sockets by itself; a `dispatcher` you passed stays open for you
   * to close.
   *
   * @example
   * ```ts
   * await cal.close();
   * ```
   */
  async close(): Promise<void> {
    await this.#executor.close?.();
  }

  /** Closes the client (for `await using cal = new CalComClient()`). */
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
