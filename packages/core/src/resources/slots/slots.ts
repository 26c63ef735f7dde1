import { type Slot, SlotsDtoSchema, withSlotEnds } from '../../models/slot';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';
import {
  requireIntegerInRange,
  requireOrderedRange,
  requirePositiveInteger,
  requireText,
  requireTime,
  requireTimeZone,
} from '../common/validate';

/** Params of `cal.slots.list`. */
export interface ListSlotsInput {
  /** The event type id. */
  readonly eventTypeId: number;
  /** The start of the range, inclusive (ISO 8601 with offset, or a `Date`). */
  readonly start: string | Date;
  /**
   * The end of the range, inclusive: a slot starting exactly at `end` is listed (Cal.com's "time until which available
   * slots should be checked", docs/CALCOM-API.md §7.3). For a whole UTC day pass `…T23:59:59Z`.
   */
  readonly end: string | Date;
  /** The zone Cal.com writes its answer in (IANA, canonicalised by `checkTimeZone`); the slots come back in UTC anyway. Default `UTC`. */
  readonly timeZone?: string;
  /** The length in minutes, for event types with several lengths. */
  readonly duration?: number;
  /** The booking being rescheduled, whose own time then shows as free. */
  readonly bookingUidToReschedule?: string;
}

/** The length assumed when Cal.com returns a slot without `end` and no duration was asked for (its dynamic default). */
const FALLBACK_SLOT_MINUTES = 30;

/** Bookable slots (`GET /v2/slots`, `cal-api-version: 2024-09-04`). */
export class SlotsResource {
  // True private fields: printing or serialising the resource reaches neither the executor nor the key.
  readonly #context: ResourceContext;

  /** @internal Created by `CalComClient`. */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * Lists the free slots of an event type whose start lies in `[start, end]` (both inclusive; slots Cal.com returns
   * outside it are dropped), as UTC `{ start, end }` sorted by start (`GET /v2/slots`, range format).
   *
   * @example
   * ```ts
   * const slots = await cal.slots.list({ eventTypeId: 42, start: new Date(), end: '2026-06-08T00:00:00Z', timeZone: 'Europe/Rome' });
   * ```
   *
   * @param input The event type, range, zone and length.
   * @param options The per-call options.
   * @returns The slots.
   */
  async list(input: ListSlotsInput, options?: RequestOptions): Promise<Slot[]> {
    const eventTypeId = requirePositiveInteger(input.eventTypeId, 'eventTypeId');
    const start = requireTime(input.start, 'start');
    const end = requireTime(input.end, 'end');
    requireOrderedRange(start, end, 'end');
    const timeZone = input.timeZone === undefined ? 'UTC' : requireTimeZone(input.timeZone, 'timeZone');
    const duration =
      input.duration === undefined ? undefined : requireIntegerInRange(input.duration, 'duration', 1, 1440);
    const bookingUidToReschedule =
      input.bookingUidToReschedule === undefined
        ? undefined
        : requireText(input.bookingUidToReschedule, 'bookingUidToReschedule', 255);
    const data = (
      await this.#context.executor.execute(
        {
          method: 'GET',
          path: '/slots',
          query: { eventTypeId, start, end, timeZone, format: 'range', duration, bookingUidToReschedule },
          resource: 'slots',
          retry: 'idempotent',
          schema: SlotsDtoSchema,
        },
        options,
      )
    ).data;
    const [from, to] = [Date.parse(start), Date.parse(end)];
    return withSlotEnds(data, duration ?? FALLBACK_SLOT_MINUTES).filter((slot) => {
      const at = Date.parse(slot.start);
      return at >= from && at <= to;
    });
  }
}
