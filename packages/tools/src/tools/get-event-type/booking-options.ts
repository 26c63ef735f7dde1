import type { EventType } from '@calcom-int/core';
import { quoteUntrusted, untrustedText } from '../../format';

// What create_booking needs to know about an event type beyond its lengths: the locations it offers, by the type
// create_booking takes, and its custom questions with their slugs.

/** create_booking's `location.type` for each of Cal.com's location types. */
const TOOL_LOCATION_TYPES: Readonly<Record<string, string>> = {
  attendeeAddress: 'attendee_address',
  attendeePhone: 'attendee_phone',
  attendeeDefined: 'attendee_defined',
};

/** One offered location: its create_booking type, the app or the value shown to the attendee. */
export interface OfferedLocation {
  readonly type: string;
  readonly value?: string;
}

/** One custom booking question. */
export interface BookingQuestion {
  readonly slug: string;
  readonly label: string;
  readonly required: boolean;
}

/**
 * The event type's locations as create_booking names them (`integration` with its app, the host's own address, link
 * or phone with its value, the attendee kinds), unknown entries left out.
 *
 * @param eventType The event type.
 * @returns The locations.
 */
export function offeredLocations(eventType: Pick<EventType, 'locations'>): OfferedLocation[] {
  return eventType.locations.flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { type, integration, address, link, phone } = entry as Record<string, unknown>;
    if (typeof type !== 'string') return [];
    const value = [integration, address, link, phone].find((candidate) => typeof candidate === 'string');
    return [{ type: TOOL_LOCATION_TYPES[type] ?? type, ...(typeof value === 'string' ? { value } : {}) }];
  });
}

/**
 * The event type's visible custom questions (not the default name, email, notes… fields), as create_booking's
 * `answers` takes them.
 *
 * @param eventType The event type.
 * @returns The questions.
 */
export function bookingQuestions(eventType: Pick<EventType, 'bookingFields'>): BookingQuestion[] {
  return eventType.bookingFields.flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const field = entry as Record<string, unknown>;
    if (typeof field.slug !== 'string' || field.isDefault === true || field.hidden === true) return [];
    const label = typeof field.label === 'string' && field.label !== '' ? field.label : field.slug;
    return [{ slug: field.slug, label, required: field.required === true }];
  });
}

/**
 * The text lines of the locations and questions (none when the event type has neither). Values and labels are written
 * by people, so they are quoted as data.
 *
 * @param locations The offered locations.
 * @param questions The custom questions.
 * @returns The lines.
 */
export function bookingOptionLines(
  locations: readonly OfferedLocation[],
  questions: readonly BookingQuestion[],
): string[] {
  const lines: string[] = [];
  if (locations.length > 0) {
    const shown = locations.map((location) =>
      location.value === undefined
        ? location.type
        : location.type === 'integration'
          ? `integration ${untrustedText(location.value)}`
          : `${location.type} ${quoteUntrusted(location.value)}`,
    );
    lines.push(`locations (create_booking location.type): ${shown.join(', ')}`);
  }
  if (questions.length > 0) {
    const shown = questions.map(
      (question) =>
        `${untrustedText(question.slug)} ${quoteUntrusted(question.label)}${question.required ? ' (required)' : ''}`,
    );
    lines.push(`questions (create_booking answers by slug): ${shown.join(', ')}`);
  }
  return lines;
}
