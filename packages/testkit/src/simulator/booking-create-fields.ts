import type { EventTypeBase } from '../dto/event-type';
import { LOCATION_INTEGRATIONS } from '../generated/spec-facts.generated';
import { badRequestError } from './http-error';

// The parts of `POST /v2/bookings` that depend on the event type's setup: the location (one of the event type's
// `locations`) and the answers to its booking questions (`bookingFields`). docs/CALCOM-API.md §7.5 "Create".

/** The value field of each location type of `CreateBookingInput_2024_08_13.location`, if it takes one. */
const LOCATION_VALUE_FIELDS: Readonly<Record<string, 'address' | 'phone' | 'location' | 'integration' | undefined>> = {
  address: undefined,
  attendeeAddress: 'address',
  attendeeDefined: 'location',
  attendeePhone: 'phone',
  integration: 'integration',
  link: undefined,
  phone: undefined,
  organizersDefaultApp: undefined,
};

/**
 * How the booking's `location` reads for a conferencing app other than Cal Video: Cal.com stores the app's internal
 * location type [inferred: the document does not say]. Cal Video keeps the booking's video link.
 */
const INTEGRATION_LOCATIONS: Readonly<Record<string, string>> = {
  'google-meet': 'integrations:google:meet',
  zoom: 'integrations:zoom',
  'office365-video': 'integrations:office365_video',
};

type OfferedLocation = EventTypeBase['locations'][number];

function offeredName(entry: OfferedLocation): string {
  return entry.type === 'integration' && 'integration' in entry ? `integration (${entry.integration})` : entry.type;
}

/** The location text a booking at one of the organizer's locations shows; `undefined` keeps the video link. */
function organizerValue(entry: OfferedLocation): string | undefined {
  if ('address' in entry && typeof entry.address === 'string') return entry.address;
  if ('link' in entry && typeof entry.link === 'string' && entry.type === 'link') return entry.link;
  if ('phone' in entry && typeof entry.phone === 'string') return entry.phone;
  if (entry.type === 'integration' && 'integration' in entry && entry.integration !== 'cal-video') {
    return INTEGRATION_LOCATIONS[entry.integration] ?? `integrations:${entry.integration}`;
  }
  return undefined;
}

/**
 * The booking's `location` for the create body's `location`: refused with 400 unless it is well formed and one of the
 * event type's locations. Without one, the event type's first location is used [inferred]. `undefined` means the Cal
 * Video link (the booking keeps its `meetingUrl`).
 *
 * @param eventType The booked event type.
 * @param location The body's `location`, if given.
 * @returns The location text, or `undefined` for the video link.
 */
export function bookingLocation(eventType: EventTypeBase, location: unknown): string | undefined {
  if (location === undefined) {
    const first = eventType.locations[0];
    return first === undefined ? undefined : organizerValue(first);
  }
  if (typeof location !== 'object' || location === null || Array.isArray(location)) {
    throw badRequestError(
      'location must be an object with a type, e.g. { "type": "integration", "integration": "cal-video" }',
    );
  }
  const { type } = location as { type?: unknown };
  if (typeof type !== 'string' || !(type in LOCATION_VALUE_FIELDS)) {
    throw badRequestError(
      `location.type must be one of: ${Object.keys(LOCATION_VALUE_FIELDS).join(', ')}; got ${JSON.stringify(type) ?? 'undefined'}`,
    );
  }
  // Other properties are dropped, like Cal.com's whitelisting validation pipe does everywhere else.
  const field = LOCATION_VALUE_FIELDS[type];
  const value = field === undefined ? undefined : (location as Record<string, unknown>)[field];
  if (field !== undefined && (typeof value !== 'string' || value.trim() === '')) {
    throw badRequestError(`location.${field} must be a non-empty string`);
  }
  if (field === 'integration' && !(LOCATION_INTEGRATIONS as readonly unknown[]).includes(value)) {
    throw badRequestError(
      `location.integration must be one of the following values: ${LOCATION_INTEGRATIONS.join(', ')}`,
    );
  }
  const wanted = type === 'integration' ? `integration (${String(value)})` : type;
  const offered = eventType.locations.find((entry) => offeredName(entry) === wanted);
  if (offered === undefined) {
    throw badRequestError(
      `Location ${wanted} is not one of the locations of event type ${eventType.id}: ${eventType.locations.map(offeredName).join(', ') || 'none'}.`,
    );
  }
  return field === undefined || field === 'integration' ? organizerValue(offered) : (value as string);
}

function answered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Refuses with 400 a booking that leaves a required, visible custom booking question unanswered (the default name and
 * email fields are answered by the attendee), naming each question's slug and label [inferred wording].
 *
 * @param eventType The booked event type.
 * @param responses The body's `bookingFieldsResponses`, if given.
 */
export function requireAnswers(eventType: EventTypeBase, responses: Record<string, unknown> | undefined): void {
  const missing = eventType.bookingFields.filter(
    (field) =>
      field.required && field.isDefault !== true && field.hidden !== true && !answered(responses?.[field.slug]),
  );
  if (missing.length === 0) return;
  throw badRequestError(
    `Missing required booking field responses: ${missing.map((field) => `${field.slug} ("${field.label}")`).join(', ')}. Pass them in bookingFieldsResponses.`,
  );
}
