/** The API resources, each with its own `cal-api-version` (D2). */
export type ApiResource =
  | 'bookings'
  | 'slots'
  | 'eventTypes'
  | 'schedules'
  | 'me'
  | 'teams'
  | 'webhooks'
  | 'calendars'
  | 'conferencing'
  | 'privateLinks'
  | 'routingForms';

/** The `cal-api-version` per resource; `undefined` sends no header. */
export type ApiVersions = Readonly<Record<ApiResource, string | undefined>>;

/**
 * The default `cal-api-version` of each resource (docs/CALCOM-API.md §3.2). `me`, `teams`, `webhooks`, `calendars` and
 * `conferencing` are unversioned.
 */
export const DEFAULT_API_VERSIONS: ApiVersions = Object.freeze({
  bookings: '2024-08-13',
  slots: '2024-09-04',
  eventTypes: '2024-06-14',
  schedules: '2024-06-11',
  me: undefined,
  teams: undefined,
  webhooks: undefined,
  calendars: undefined,
  conferencing: undefined,
  /** Event-type private links (`/v2/event-types/{eventTypeId}/private-links`): unversioned. */
  privateLinks: undefined,
  /** Routing forms (`/v2/routing-forms/{routingFormId}/calculate-slots`): unversioned. */
  routingForms: undefined,
});

/**
 * The bookings `cal-api-version` values the client supports (docs/CALCOM-API.md §3.3): `2024-08-13`, the default and
 * the only one in Cal.com's OpenAPI document, and `2026-02-25`, the newer controller Cal.com's docs advise for
 * creating bookings (same paths and shapes; cancelled seated bookings keep listing their attendees).
 */
export const BOOKINGS_API_VERSIONS = Object.freeze(['2024-08-13', '2026-02-25'] as const);

/** A bookings `cal-api-version` the client supports: `2024-08-13` (default) or `2026-02-25`. */
export type BookingsApiVersion = (typeof BOOKINGS_API_VERSIONS)[number];
