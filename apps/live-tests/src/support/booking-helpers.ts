import type { CalComClient, EventType, Slot } from '@calcom-int/core';
import type { ResourceTracker } from './resource-tracker';
import type { LiveTarget } from './target';

/** Milliseconds in one minute. */
export const MINUTE = 60_000;
/** Milliseconds in one day. */
export const DAY = 24 * 60 * MINUTE;

/** A short id for this run, used in slugs and attendee emails so the suite finds (only) what it created. */
export const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/**
 * The attendee email of this run: an `example.com` address (never delivered), unique per run and file.
 *
 * @param label A short label for the file or test.
 * @returns The email address.
 */
export function attendeeEmail(label: string): string {
  return `calcom-int-live+${runId}-${label}@example.com`;
}

/**
 * The slug prefix of the event types a file creates.
 *
 * @param label A short label for the file.
 * @returns The prefix, e.g. `calcom-int-live-<run id>-api`.
 */
export function eventTypeSlugPrefix(label: string): string {
  return `calcom-int-live-${runId}-${label}`;
}

/**
 * Creates the event type a test file books against, tracked for deletion.
 *
 * @param client The client.
 * @param tracker The file's tracker.
 * @param label A short label for the file.
 * @returns The created event type.
 */
export async function createTestEventType(
  client: CalComClient,
  tracker: ResourceTracker,
  label: string,
): Promise<EventType> {
  const eventType = await client.eventTypes.create({
    title: `calcom-int live test ${runId} ${label}`,
    slug: eventTypeSlugPrefix(label),
    lengthInMinutes: 30,
  });
  tracker.eventType(eventType.id);
  return eventType;
}

/**
 * Lists the free slots of an event type between tomorrow and eight days out (past any minimum booking notice), by
 * the target's clock.
 *
 * @param target The target: its client and its clock.
 * @param eventTypeId The event type.
 * @param minimum How many slots the caller needs.
 * @returns The slots, earliest first; at least `minimum` of them.
 */
export async function upcomingSlots(
  target: Pick<LiveTarget, 'client' | 'now'>,
  eventTypeId: number,
  minimum = 3,
): Promise<Slot[]> {
  const now = target.now().getTime();
  const start = new Date(now + DAY);
  const end = new Date(now + 8 * DAY);
  const slots = await target.client.slots.list({ eventTypeId, start, end, timeZone: 'UTC' });
  if (slots.length < minimum) {
    throw new Error(
      `Event type ${eventTypeId} has ${slots.length} free slots in the next week; the live tests need ${minimum}. ` +
        'Give the account a default schedule with some free weekday hours.',
    );
  }
  return slots;
}

/**
 * Epoch milliseconds of an ISO timestamp, for comparisons independent of the string format.
 *
 * @param iso The timestamp.
 * @returns The epoch milliseconds.
 */
export function epoch(iso: string): number {
  return new Date(iso).getTime();
}
