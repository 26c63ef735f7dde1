import { CalComSlotUnavailableError } from '../../errors/api-error';
import type { RequestOptions } from '../../request-options';
import { auxiliaryOptions, type ResourceContext } from '../common/context';
import type { SlotsResource } from '../slots/slots';

/** How far around a wanted start the slot check looks, in milliseconds (for the nearest free starts). */
const SLOT_SEARCH_MARGIN_MS = 24 * 3_600_000;
/** How many alternative starts a slot conflict lists. */
const NEAREST_STARTS = 3;

/** What the slot check asks `GET /v2/slots` about. */
export interface SlotCheck {
  readonly eventTypeId: number;
  /** The wanted start (UTC ISO). */
  readonly start: string;
  /** The zone the slots are asked in (the attendee's): also the zone the error reports. */
  readonly timeZone: string;
  /** The length in minutes, for event types with several lengths and reschedules. */
  readonly duration: number | undefined;
  /** The booking being moved, whose own time counts as free. */
  readonly bookingUidToReschedule?: string;
}

/**
 * Throws a slot-unavailable error, listing the nearest free starts, when the start is not a free slot.
 *
 * @param query The event type, start, zone, length and the booking being moved.
 */
export async function assertSlotFree(
  context: ResourceContext,
  slots: Pick<SlotsResource, 'list'>,
  query: SlotCheck,
  options: RequestOptions | undefined,
): Promise<void> {
  const startMs = Date.parse(query.start);
  const windowStart = new Date(Math.max(startMs - SLOT_SEARCH_MARGIN_MS, context.now())).toISOString();
  const windowEnd = new Date(startMs + SLOT_SEARCH_MARGIN_MS).toISOString();
  const free = await slots.list(
    {
      eventTypeId: query.eventTypeId,
      start: windowStart,
      end: windowEnd,
      timeZone: query.timeZone,
      ...(query.duration === undefined ? {} : { duration: query.duration }),
      ...(query.bookingUidToReschedule === undefined ? {} : { bookingUidToReschedule: query.bookingUidToReschedule }),
    },
    auxiliaryOptions(options),
  );
  if (free.some((slot) => slot.start === query.start)) return;
  const nearest = free
    .map((slot) => slot.start)
    .sort((left, right) => Math.abs(Date.parse(left) - startMs) - Math.abs(Date.parse(right) - startMs))
    .slice(0, NEAREST_STARTS);
  const error = new CalComSlotUnavailableError({
    status: 409,
    code: 'SLOT_UNAVAILABLE',
    message:
      `${query.start} is not a free slot of event type ${query.eventTypeId}; nothing was booked. ` +
      (nearest.length > 0
        ? `Nearest free starts: ${nearest.join(', ')}. Pick one of them and try again.`
        : 'No free slot within 24 hours of it; call slots.list for a wider range.'),
    method: 'GET',
    url: `${context.baseUrl}/slots`,
    retryable: false,
  });
  error.nearestAvailableStarts = nearest;
  error.requestedStart = query.start;
  error.timeZone = query.timeZone;
  throw error;
}
