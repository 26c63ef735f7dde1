import type { EventType } from '@calcom-int/core';

/** The event type facts an agent needs (structured output). */
export interface EventTypeSummary {
  /** The id: pass it as `event_type_id`. */
  readonly id: number;
  /** The title. */
  readonly title: string;
  /** The slug. */
  readonly slug: string;
  /** The default length in minutes. */
  readonly lengthInMinutes: number;
  /** Other lengths a booking may have. */
  readonly lengthInMinutesOptions: number[];
  /** Whether it is hidden from the public profile. */
  readonly hidden: boolean;
  /** The owner's user id (personal event types). */
  readonly ownerId: number | null;
  /** The team id (team event types). */
  readonly teamId: number | null;
  /** The public booking page. */
  readonly bookingUrl: string | null;
  /** The description. */
  readonly description: string;
}

/**
 * Summarises an event type for structured output.
 *
 * @param eventType The event type.
 * @returns The summary.
 */
export function summarizeEventType(eventType: EventType): EventTypeSummary {
  return {
    id: eventType.id,
    title: eventType.title,
    slug: eventType.slug,
    lengthInMinutes: eventType.lengthInMinutes,
    lengthInMinutesOptions: eventType.lengthInMinutesOptions,
    hidden: eventType.hidden,
    ownerId: eventType.ownerId,
    teamId: eventType.teamId,
    bookingUrl: eventType.bookingUrl,
    description: eventType.description,
  };
}

/**
 * Formats an event type as one line: id, title, slug, lengths, owner/team.
 *
 * @param eventType The event type.
 * @returns The line.
 */
export function formatEventTypeLine(eventType: EventType): string {
  const lengths =
    eventType.lengthInMinutesOptions.length > 0
      ? `${eventType.lengthInMinutesOptions.join('/')} min`
      : `${eventType.lengthInMinutes} min`;
  const parts = [`event_type_id ${eventType.id}`, `"${eventType.title}"`, `slug ${eventType.slug}`, lengths];
  if (eventType.teamId !== null) parts.push(`team_id ${eventType.teamId}`);
  else if (eventType.ownerId !== null) parts.push(`owner_id ${eventType.ownerId}`);
  if (eventType.hidden) parts.push('hidden');
  if (eventType.recurrence) {
    const { frequency, interval, occurrences } = eventType.recurrence;
    parts.push(`recurring ${frequency}${interval > 1 ? ` every ${interval}` : ''}, up to ${occurrences} occurrences`);
  }
  if (eventType.seatsPerTimeSlot) parts.push(`${eventType.seatsPerTimeSlot} seats per slot`);
  return parts.join(' | ');
}
