/** One request a tool may send: its method and a pattern its whole path must match. */
export interface AllowedRequest {
  /** The HTTP method. */
  readonly method: string;
  /** The path, anchored. */
  readonly path: RegExp;
}

/** Every path segment we send: letters, digits, `_` and `-` only, so no `..`, no `%2F`, no `?` or `#` can sneak in. */
export const SAFE_PATH = /^\/v2(?:\/[A-Za-z0-9_-]+)+$/;

/**
 * Escapes an input value for a path pattern. A value that is not a string or a number cannot be in any path, so it
 * gets a pattern that matches nothing.
 *
 * @param value The input value.
 * @returns The escaped text.
 */
function segment(value: unknown): string {
  if ((typeof value !== 'string' && typeof value !== 'number') || value === '') return '(?!)';
  return String(value).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The requests a tool may send for an input: its own resource, addressed by the ids in the input.
 *
 * @param tool The tool name.
 * @param input The input the tool was called with.
 * @returns The allowed requests.
 */
export function allowedRequests(tool: string, input: unknown): AllowedRequest[] {
  const fields = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const booking = segment(fields.booking_id);
  const eventType = segment(fields.event_type_id);
  const team = segment(fields.team_id);
  const allow = (method: string, path: string): AllowedRequest => ({ method, path: new RegExp(`^/v2${path}$`) });
  switch (tool) {
    case 'get_user_profile':
      return [allow('GET', '/me')];
    case 'list_event_types':
      return [allow('GET', '/me'), allow('GET', '/event-types'), allow('GET', `/teams/${team}/event-types`)];
    case 'get_event_type':
      return [allow('GET', `/event-types/${eventType}`)];
    case 'list_availability':
      return [
        allow('GET', '/me'),
        allow('GET', '/slots'),
        allow('GET', `/event-types/${eventType}`),
        allow('GET', '/bookings'),
        allow('GET', '/schedules'),
        allow('GET', '/schedules/default'),
      ];
    case 'list_bookings':
      return [allow('GET', '/bookings')];
    case 'get_booking':
      return [allow('GET', `/bookings/${booking}`)];
    case 'create_booking':
      return [
        allow('GET', '/me'),
        allow('GET', `/event-types/${eventType}`),
        allow('GET', '/slots'),
        allow('POST', '/bookings'),
        allow('GET', '/bookings'),
      ];
    case 'reschedule_booking':
      return [
        allow('GET', `/bookings/${booking}`),
        allow('GET', '/event-types/\\d+'),
        allow('GET', '/slots'),
        allow('POST', `/bookings/${booking}/reschedule`),
        allow('GET', '/bookings'),
      ];
    case 'cancel_booking':
      return [allow('GET', `/bookings/${booking}`), allow('POST', `/bookings/${booking}/cancel`)];
    case 'confirm_booking':
      return [allow('GET', `/bookings/${booking}`), allow('POST', `/bookings/${booking}/confirm`)];
    case 'decline_booking':
      return [allow('GET', `/bookings/${booking}`), allow('POST', `/bookings/${booking}/decline`)];
    case 'list_teams':
      return [allow('GET', '/me'), allow('GET', '/teams'), allow('GET', '/teams/\\d+/memberships')];
    case 'get_team':
      return [allow('GET', `/teams/${team}`), allow('GET', `/teams/${team}/memberships`)];
    case 'update_user_timezone':
      return [allow('GET', '/me'), allow('PATCH', '/me')];
    default:
      throw new Error(`fuzz: no request scope for ${tool}; add it to request-scope.ts`);
  }
}
