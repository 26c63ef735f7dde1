import * as v from 'valibot';
import {
  LengthInMinutesInputSchema,
  TimeZoneInputSchema,
  UidInputSchema,
  UsernameInputSchema,
} from '../../models/input';
import { type Slot, SlotsDtoSchema, withSlotEnds } from '../../models/slot';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';
import { checkEventTypeReference, type EventTypeReference, referenceFields } from '../common/event-type-ref';
import {
  describeValue,
  invalidField,
  parseField,
  requireObject,
  requireOrderedRange,
  requireTime,
} from '../common/validate';

/** A dynamic group: the times all these users are free (at least two usernames; no event type). */
export interface DynamicGroupSlots {
  /** The usernames of the group, at least 2. */
  readonly usernames: readonly string[];
  readonly eventTypeId?: undefined;
  readonly eventTypeSlug?: undefined;
  readonly username?: undefined;
  readonly teamSlug?: undefined;
  readonly organizationSlug?: undefined;
}

/**
 * Params of `cal.slots.list`: which event (an {@link EventTypeReference}: `eventTypeId`, `eventTypeSlug` + `username`,
 * or `eventTypeSlug` + `teamSlug` for a team's round-robin or collective event; or `usernames` for a dynamic group)
 * and the range.
 */
export type ListSlotsInput = (EventTypeReference | DynamicGroupSlots) & ListSlotsRange;

/** The range and options of `cal.slots.list`. */
export interface ListSlotsRange {
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
    requireObject(input, 'input', '{ eventTypeId, start, end }');
    const target =
      'usernames' in input && input.usernames !== undefined
        ? groupOf(input)
        : referenceFields(checkEventTypeReference(input));
    const start = requireTime(input.start, 'start');
    const end = requireTime(input.end, 'end');
    requireOrderedRange(start, end, 'end');
    const timeZone = input.timeZone === undefined ? 'UTC' : parseField(TimeZoneInputSchema, input.timeZone, 'timeZone');
    const duration =
      input.duration === undefined ? undefined : parseField(LengthInMinutesInputSchema, input.duration, 'duration');
    const bookingUidToReschedule =
      input.bookingUidToReschedule === undefined
        ? undefined
        : parseField(UidInputSchema, input.bookingUidToReschedule, 'bookingUidToReschedule');
    const data = (
      await this.#context.executor.execute(
        {
          method: 'GET',
          path: '/slots',
          query: { ...target, start, end, timeZone, format: 'range', duration, bookingUidToReschedule },
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

/** The `usernames` query of a dynamic group: at least two usernames, no event type. */
function groupOf(input: DynamicGroupSlots): { usernames: string } {
  const extra = (['eventTypeId', 'eventTypeSlug', 'username', 'teamSlug', 'organizationSlug'] as const).find(
    (name) => input[name] !== undefined,
  );
  if (extra !== undefined) {
    throw invalidField(
      extra,
      'was given together with usernames',
      'Ask for a dynamic group (usernames) or one event type, not both.',
    );
  }
  const usernames = parseField(
    v.array(UsernameInputSchema, (issue) => `expected a list of usernames, got ${describeValue(issue.input)}`),
    input.usernames,
    'usernames',
  );
  if (usernames.length < 2) {
    throw invalidField(
      'usernames',
      `has ${usernames.length} username${usernames.length === 1 ? '' : 's'}; a dynamic group needs at least 2`,
      'For one user, pass eventTypeSlug with username (or eventTypeId) instead.',
    );
  }
  return { usernames: usernames.join(',') };
}
