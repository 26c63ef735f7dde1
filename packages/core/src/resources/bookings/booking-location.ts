import { LOCATION_INTEGRATIONS } from '../../generated/spec-facts.generated';
import { MAX_NOTE_LENGTH, PhoneNumberInputSchema, textInputSchema } from '../../models/input';
import { describeValue, invalidField, parseField } from '../common/validate';

/** A conferencing app Cal.com can put a booking on (`BookingInputIntegrationLocation_2024_08_13.integration`). */
export type LocationIntegration = (typeof LOCATION_INTEGRATIONS)[number];

/**
 * The location of a new booking: one of the event type's locations (`CreateBookingInput_2024_08_13.location`). The
 * organizer's own kinds (`address`, `link`, `phone`, `organizersDefaultApp`) carry no value: Cal.com uses the one the
 * event type holds; the attendee's kinds carry the attendee's answer.
 */
export type CreateBookingLocation =
  /** The organizer's address, as the event type gives it. */
  | { readonly type: 'address' }
  /** The organizer's meeting link, as the event type gives it. */
  | { readonly type: 'link' }
  /** The organizer's phone number, as the event type gives it. */
  | { readonly type: 'phone' }
  /** A conferencing app the event type offers, e.g. `cal-video`, `google-meet`, `zoom`. */
  | { readonly type: 'integration'; readonly integration: LocationIntegration }
  /** The attendee's address. */
  | { readonly type: 'attendeeAddress'; readonly address: string }
  /** The attendee's phone number (the organizer calls). */
  | { readonly type: 'attendeePhone'; readonly phone: string }
  /** A place the attendee names. */
  | { readonly type: 'attendeeDefined'; readonly location: string }
  /** The default app of the assigned host (team event types only). */
  | { readonly type: 'organizersDefaultApp' };

/** The value field each location type takes, if any. */
const VALUE_FIELDS = {
  address: undefined,
  link: undefined,
  phone: undefined,
  organizersDefaultApp: undefined,
  integration: 'integration',
  attendeeAddress: 'address',
  attendeePhone: 'phone',
  attendeeDefined: 'location',
} as const;

type LocationType = keyof typeof VALUE_FIELDS;

const LOCATION_TYPES = Object.keys(VALUE_FIELDS) as LocationType[];

/**
 * Checks the shape of a create's `location` (no request needed) and returns the body's location.
 *
 * @param location The caller's location.
 * @returns The location to send.
 */
export function checkCreateLocation(location: unknown): Record<string, string> {
  if (typeof location !== 'object' || location === null || Array.isArray(location)) {
    throw invalidField(
      'location',
      `expected an object, got ${Array.isArray(location) ? 'a list' : describeValue(location)}`,
      "Pass one of the event type's locations, e.g. { type: 'integration', integration: 'cal-video' }.",
    );
  }
  const { type } = location as { type?: unknown };
  if (!(LOCATION_TYPES as unknown[]).includes(type)) {
    throw invalidField(
      'location.type',
      `${describeValue(type)} is not a location type`,
      `Use ${LOCATION_TYPES.join(', ')}.`,
    );
  }
  const field = VALUE_FIELDS[type as LocationType];
  for (const key of Object.keys(location)) {
    if (key !== 'type' && key !== field) {
      throw invalidField(
        `location.${key}`,
        `is not a field of a ${String(type)} location`,
        field === undefined
          ? `Leave it out: Cal.com uses the ${String(type)} the event type holds.`
          : `Use only type and ${field}.`,
      );
    }
  }
  if (field === undefined) return { type: type as string };
  const raw = (location as Record<string, unknown>)[field];
  const path = `location.${field}`;
  let value: string;
  if (field === 'integration') {
    if (!(LOCATION_INTEGRATIONS as readonly unknown[]).includes(raw)) {
      throw invalidField(
        path,
        `${describeValue(raw)} is not a conferencing app`,
        `Use one of ${LOCATION_INTEGRATIONS.join(', ')}.`,
      );
    }
    value = raw as string;
  } else if (field === 'phone') {
    value = parseField(PhoneNumberInputSchema, raw, path);
  } else {
    value = parseField(textInputSchema(MAX_NOTE_LENGTH), raw, path).trim();
  }
  return { type: type as string, [field]: value };
}

/** How one of an event type's locations reads in an error: `integration (cal-video)`, `address`. */
function describeOffered(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { type, integration } = entry as { type?: unknown; integration?: unknown };
  if (typeof type !== 'string') return undefined;
  return type === 'integration' && typeof integration === 'string' ? `integration (${integration})` : type;
}

/**
 * Refuses, before sending, a location the event type does not offer, listing the ones it does (Cal.com books only "one
 * of the event type locations").
 *
 * @param location The checked location ({@link checkCreateLocation}).
 * @param eventType The booked event type's id, title and locations.
 */
export function assertLocationOffered(
  location: Readonly<Record<string, string>>,
  eventType: { readonly id: number; readonly title: string; readonly locations: readonly unknown[] },
): void {
  const offered = eventType.locations.map(describeOffered).filter((entry): entry is string => entry !== undefined);
  const wanted = location.type === 'integration' ? `integration (${location.integration})` : (location.type as string);
  if (offered.includes(wanted)) return;
  throw invalidField(
    location.type === 'integration' ? 'location.integration' : 'location.type',
    `event type ${eventType.id} ("${eventType.title}") does not offer the location ${wanted}`,
    offered.length > 0
      ? `Use one of its locations: ${offered.join(', ')}.`
      : 'It lists no locations: leave location out and Cal.com uses its default.',
  );
}
