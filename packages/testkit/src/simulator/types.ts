import type { BookingOutput } from '../dto/booking';
import type { ConnectedCalendarOutput, DestinationCalendarOutput } from '../dto/calendar';
import type { EventTypeOutput, TeamEventTypeOutput } from '../dto/event-type';
import type { ScheduleOutput } from '../dto/schedule';
import type { ReservationOutput } from '../dto/slots';
import type { MeOutput, TeamMembershipOutput, TeamOutput } from '../dto/user';
import type { WebhookOutput } from '../dto/webhook';
import type { OAuthControls, OAuthOptions, OAuthState } from './oauth';
import type { StoredRoutingForm } from './resources/routing-forms';

/** A network-level outcome instead of a response. */
export type NetworkFault = { kind: 'reset' } | { kind: 'hang' };

/** What {@link CalComSimulator.handle} produces: a response, or a connection reset / a request that never answers. */
export type SimulatorResult = Response | NetworkFault;

/** A fault to inject. */
export type Fault =
  /** Waits `ms` before handling the request normally. */
  | { type: 'latency'; ms: number }
  /** Answers a 5xx without touching state: Cal.com's envelope or Nest's bare `{"statusCode":500,…}`. */
  | { type: 'server-error'; status?: number; shape?: 'envelope' | 'bare' }
  /** Drops the connection. */
  | { type: 'reset' }
  /** Never answers. */
  | { type: 'hang' }
  /** Answers 200 with a truncated JSON body. */
  | { type: 'malformed-json' }
  /** Answers a proxy's HTML 502 page. */
  | { type: 'html-502' }
  /** Answers the 429 `ThrottlerException`. */
  | { type: 'rate-limit'; resetSeconds?: number }
  /** Handles the request (state changes, e.g. the booking IS created), then fails. */
  | { type: 'commit-then-fail'; outcome: 'server-error' | 'bare-server-error' | 'hang' | 'reset' };

/** Where and how often a fault applies. */
export interface FaultRule {
  /** HTTP method; any when omitted. */
  method?: string;
  /** Path: exact (`/v2/bookings`), prefix with a trailing `*` (`/v2/bookings/*`) or a RegExp; any when omitted. */
  path?: string | RegExp;
  /** How many matching requests it affects; unlimited when omitted. */
  times?: number;
  /** The fault. */
  fault: Fault;
}

/** Fault controls of a simulator. */
export interface FaultControls {
  /** Adds a rule; rules are checked in the order added. */
  add(rule: FaultRule): void;
  /** Removes every rule. */
  clear(): void;
  /** The active rules with their remaining counts. */
  readonly active: readonly FaultRule[];
}

/** Rate-limit settings (Cal.com: 120 requests per 60 s per API key, then blocked for 60 s). */
export interface RateLimitOptions {
  limit?: number;
  ttlMs?: number;
  blockMs?: number;
  /** `false` disables rate limiting. */
  enabled?: boolean;
}

/** Extra deterministic seed data. */
export interface SeedOptions {
  /** Additional generated bookings of the default user. */
  bookings?: number;
  /** Additional generated event types of the default user. */
  eventTypes?: number;
  /** Seed of the pseudo-random generator (uids). Default 1. */
  random?: number;
}

/** Options of `createCalComSimulator`. */
export interface SimulatorOptions {
  /** Extra seed data. */
  seed?: SeedOptions;
  /** Clock; the real clock by default. Seed data is placed relative to it. */
  now?: () => Date;
  /** Fault rules installed at creation. */
  faults?: FaultRule[];
  /** Rate limiting. */
  rateLimit?: RateLimitOptions;
  /** OAuth2: who the authorize page approves for, token lifetimes, clients (docs/CALCOM-API.md §2.1). */
  oauth?: OAuthOptions;
}

/** A user of the simulator with its API key. */
export interface SimulatorUser extends MeOutput {
  apiKey: string;
  locale: string;
  metadata: Record<string, unknown>;
}

/** A slot reservation with its owner. */
export interface StoredReservation extends ReservationOutput {
  createdByUserId: number | null;
}

/** One entry of the request log. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** An event on a connected calendar that makes its owner busy (what the calendar provider reports). */
export interface CalendarBusyEvent {
  /** The calendar's `externalId`. */
  externalId: string;
  /** Epoch milliseconds. */
  start: number;
  /** Epoch milliseconds. */
  end: number;
}

/** A user's connected calendar account, with the events of its calendars. */
export interface StoredCalendarConnection {
  userId: number;
  /** Cal.com's app id, sent as `source` of each busy time (`google-calendar`). */
  appId: string;
  connection: ConnectedCalendarOutput;
  events: CalendarBusyEvent[];
}

/** A private link of an event type (`TimeBasedPrivateLinkOutput` / `UsageBasedPrivateLinkOutput` plus its owner). */
export interface StoredPrivateLink {
  linkId: string;
  eventTypeId: number;
  /** Set for a time-based link. */
  expiresAt?: string;
  /** Set for a usage-based link. */
  maxUsageCount?: number;
  usageCount: number;
}

/** Mutable state of the simulator. */
export interface SimulatorData {
  users: SimulatorUser[];
  schedules: ScheduleOutput[];
  eventTypes: EventTypeOutput[];
  teamEventTypes: TeamEventTypeOutput[];
  teams: TeamOutput[];
  memberships: TeamMembershipOutput[];
  bookings: BookingOutput[];
  webhooks: WebhookOutput[];
  privateLinks: StoredPrivateLink[];
  reservations: StoredReservation[];
  calendarConnections: StoredCalendarConnection[];
  /** Each user's destination calendar: accepted bookings are written to it, so they show as busy there. */
  destinationCalendars: DestinationCalendarOutput[];
  /** Routing forms (`POST /v2/routing-forms/{id}/calculate-slots`). */
  routingForms: StoredRoutingForm[];
  /** OAuth2 clients, codes and tokens. */
  oauth: OAuthState;
  nextIds: { booking: number; eventType: number; webhook: number; membership: number; schedule: number };
  random: () => number;
}

/** Read-only views of the state for assertions. */
export interface SimulatorStateView {
  readonly users: readonly SimulatorUser[];
  readonly schedules: readonly ScheduleOutput[];
  readonly eventTypes: readonly EventTypeOutput[];
  readonly teamEventTypes: readonly TeamEventTypeOutput[];
  readonly teams: readonly TeamOutput[];
  readonly memberships: readonly TeamMembershipOutput[];
  readonly bookings: readonly BookingOutput[];
  readonly webhooks: readonly WebhookOutput[];
  readonly reservations: readonly StoredReservation[];
  readonly calendarConnections: readonly StoredCalendarConnection[];
}

/** An in-memory, deterministic model of Cal.com API v2. */
export interface CalComSimulator {
  /** Handles one request. */
  handle(request: Request): Promise<SimulatorResult>;
  /** Fault injection. */
  readonly faults: FaultControls;
  /** Copies of the current state. */
  readonly state: SimulatorStateView;
  /** Every request handled since creation or the last reset. */
  readonly requests: readonly RecordedRequest[];
  /** OAuth2 test controls: who the authorize page approves for, revocation. */
  readonly oauth: OAuthControls;
  /** The clock. */
  now(): Date;
  /** Restores the seed state (relative to the current clock), clears the log, faults and rate limits. */
  reset(): void;
}
