/** The API resources, each with its own `cal-api-version` (D2). */
export type ApiResource = 'bookings' | 'slots' | 'eventTypes' | 'schedules' | 'me' | 'teams' | 'webhooks';

/** The `cal-api-version` per resource; `undefined` sends no header. */
export type ApiVersions = Readonly<Record<ApiResource, string | undefined>>;

/**
 * The default `cal-api-version` of each resource (docs/CALCOM-API.md §3.2). `me`, `teams` and `webhooks` are unversioned.
 */
export const DEFAULT_API_VERSIONS: ApiVersions = Object.freeze({
  bookings: '2024-08-13',
  slots: '2024-09-04',
  eventTypes: '2024-06-14',
  schedules: '2024-06-11',
  me: undefined,
  teams: undefined,
  webhooks: undefined,
});
