import { LOCATION_INTEGRATIONS } from '../../generated/spec-facts.generated';
import { ok, type Route, type RouteContext } from '../context';
import { badRequestError } from '../http-error';
import { BOOKINGS_VERSION, ownBooking, requireActive, touch } from './booking-access';

// Changing the location of one booking: `PATCH /v2/bookings/{uid}/location`. docs/CALCOM-API.md §7.5.

/**
 * How the booking's `location` reads after an integration is set: Cal.com stores the app's internal location type
 * (`integrations:daily` for Cal Video) [inferred: the document does not say].
 */
const INTEGRATION_LOCATIONS: Readonly<Record<string, string>> = {
  'cal-video': 'integrations:daily',
  'google-meet': 'integrations:google:meet',
  zoom: 'integrations:zoom',
  'office365-video': 'integrations:office365_video',
};

/** The value field of each location type of `UpdateBookingLocationInput_2024_08_13`. */
const LOCATION_FIELDS: Readonly<Record<string, 'address' | 'location' | 'phone' | 'link' | 'integration'>> = {
  address: 'address',
  attendeeAddress: 'address',
  attendeeDefined: 'location',
  attendeePhone: 'phone',
  link: 'link',
  phone: 'phone',
  integration: 'integration',
};

function updateLocation(context: RouteContext) {
  const booking = ownBooking(context);
  const body = (context.body ?? {}) as { location?: unknown };
  const location = body.location;
  if (typeof location !== 'object' || location === null || Array.isArray(location)) {
    throw badRequestError(
      'location must be an object with a type: address, attendeeAddress, attendeeDefined, attendeePhone, link, phone or integration',
    );
  }
  const type = (location as { type?: unknown }).type;
  const field = typeof type === 'string' ? LOCATION_FIELDS[type] : undefined;
  if (field === undefined) {
    throw badRequestError(
      `location.type must be one of: ${Object.keys(LOCATION_FIELDS).join(', ')}; got ${JSON.stringify(type) ?? 'undefined'}`,
    );
  }
  const value = (location as Record<string, unknown>)[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw badRequestError(`location.${field} must be a non-empty string`);
  }
  if (field === 'integration' && !(LOCATION_INTEGRATIONS as readonly string[]).includes(value)) {
    throw badRequestError(
      `location.integration must be one of the following values: ${LOCATION_INTEGRATIONS.join(', ')}`,
    );
  }
  requireActive(booking, 'change the location');
  booking.location = field === 'integration' ? (INTEGRATION_LOCATIONS[value] ?? `integrations:${value}`) : value;
  touch(context, booking);
  return ok(booking);
}

/** The location route of a booking. */
export const bookingLocationRoutes: Route[] = [
  {
    method: 'PATCH',
    pattern: '/v2/bookings/:bookingUid/location',
    versions: BOOKINGS_VERSION,
    auth: 'required',
    handle: updateLocation,
  },
];
