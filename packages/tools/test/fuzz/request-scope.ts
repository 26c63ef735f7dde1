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
    case 'get_busy_times':
      return [allow('GET', '/me'), allow('GET', '/calendars'), allow('GET', '/calendars/busy-times')];
    case 'get_routing_form_slots':
      return [allow('GET', '/me'), allow('POST', `/routing-forms/${segment(fields.form_id)}/calculate-slots`)];
    case 'list_bookings':
      return [allow('GET', '/bookings')];
    case 'get_booking':
      return [allow('GET', `/bookings/${booking}`), allow('GET', `/bookings/by-seat/${segment(fields.seat_uid)}`)];
    case 'get_booking_links':
      return [allow('GET', `/bookings/${booking}`), allow('GET', `/bookings/${booking}/calendar-links`)];
    case 'add_booking_guests':
      return [allow('GET', `/bookings/${booking}`), allow('POST', `/bookings/${booking}/guests`)];
    case 'update_booking_location':
      return [allow('GET', `/bookings/${booking}`), allow('PATCH', `/bookings/${booking}/location`)];
    case 'mark_no_show':
      return [allow('GET', `/bookings/${booking}`), allow('POST', `/bookings/${booking}/mark-absent`)];
    case 'reassign_booking':
      return [allow('GET', `/bookings/${booking}`), allow('POST', `/bookings/${booking}/reassign(/\\d+)?`)];
    case 'create_booking':
      return [
        allow('GET', '/me'),
        allow('GET', `/event-types/${eventType}`),
        // event_type_slug with username, or a team event type found among your teams (team_slug, or a team's id)
        allow('GET', '/event-types'),
        allow('GET', '/teams'),
        allow('GET', '/teams/\\d+/event-types'),
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
    case 'create_event_type':
      return [allow('GET', '/me'), allow('GET', '/event-types'), allow('POST', '/event-types')];
    case 'update_event_type':
      return [
        allow('GET', '/me'),
        allow('GET', '/event-types'),
        allow('PATCH', `/event-types/${eventType}`),
        allow('GET', `/event-types/${eventType}`),
      ];
    case 'delete_event_type':
      return [allow('DELETE', `/event-types/${eventType}`), allow('GET', `/event-types/${eventType}`)];
    case 'list_private_links':
    case 'create_private_link':
      return [
        allow(tool === 'list_private_links' ? 'GET' : 'POST', `/event-types/${eventType}/private-links`),
        allow('GET', `/event-types/${eventType}/private-links`),
      ];
    case 'update_private_link':
      return [
        allow('PATCH', `/event-types/${eventType}/private-links/${segment(fields.link_id)}`),
        allow('GET', `/event-types/${eventType}/private-links`),
      ];
    case 'delete_private_link':
      return [
        allow('DELETE', `/event-types/${eventType}/private-links/${segment(fields.link_id)}`),
        allow('GET', `/event-types/${eventType}/private-links`),
      ];
    case 'list_schedules':
      return [allow('GET', '/schedules')];
    case 'create_schedule':
      return [allow('GET', '/schedules'), allow('POST', '/schedules')];
    case 'update_schedule':
    case 'delete_schedule': {
      const schedule = segment(fields.schedule_id);
      return [
        allow(tool === 'update_schedule' ? 'PATCH' : 'DELETE', `/schedules/${schedule}`),
        allow('GET', `/schedules/${schedule}`),
      ];
    }
    case 'list_webhooks':
      return [allow('GET', '/webhooks')];
    case 'create_webhook':
      return [allow('GET', '/webhooks'), allow('POST', '/webhooks')];
    case 'delete_webhook': {
      const webhook = segment(fields.webhook_id);
      return [allow('DELETE', `/webhooks/${webhook}`), allow('GET', `/webhooks/${webhook}`)];
    }
    default:
      throw new Error(`fuzz: no request scope for ${tool}; add it to request-scope.ts`);
  }
}
