import {
  LengthInMinutesInputSchema,
  MAX_AVAILABILITY_DAYS,
  TimeZoneInputSchema,
  UidInputSchema,
} from '../../models/input';
import {
  RoutedSlotsDtoSchema,
  type RoutingFormResponses,
  RoutingFormResponsesInputSchema,
  routingFormBody,
} from '../../models/routing-form';
import { type Slot, withSlotEnds } from '../../models/slot';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, uidParam } from '../common/context';
import {
  describeValue,
  invalidField,
  parseField,
  requireObject,
  requireOrderedRange,
  requireTime,
} from '../common/validate';

/** Params of `cal.routingForms.calculateSlots`: the answers, the range and the slot options. */
export interface RoutingFormSlotsParams {
  /**
   * The answers, keyed by field identifier (the field's label when it has none): text, a number, or a multiselect's
   * option ids or labels. Questions left out count as unanswered; the form's routes decide with what is given.
   */
  readonly responses?: RoutingFormResponses;
  /** The start of the range, inclusive (ISO 8601 with offset, or a `Date`). */
  readonly start: string | Date;
  /** The end of the range, inclusive (a slot starting exactly at `end` is listed), at most 62 days after `start`. */
  readonly end: string | Date;
  /** The zone Cal.com writes its answer in (IANA); the slots come back in UTC anyway. Default `UTC`. */
  readonly timeZone?: string;
  /** The length in minutes, for event types with several lengths. */
  readonly duration?: number;
  /** The booking being rescheduled, whose own time then shows as free. */
  readonly bookingUidToReschedule?: string;
}

/** What `cal.routingForms.calculateSlots` found: the event type the answers route to, and its free slots. */
export interface RoutedSlots {
  /** The event type the form routed the answers to (a team event type). */
  readonly eventTypeId: number;
  /** Its free slots whose start lies in `[start, end]`, UTC, sorted by start. */
  readonly slots: readonly Slot[];
}

/** The length assumed when Cal.com returns a slot without `end` and no duration was asked for. */
const FALLBACK_SLOT_MINUTES = 30;

/** Routing forms (`/v2/routing-forms`, unversioned). */
export class RoutingFormsResource {
  // True private fields: printing or serialising the resource reaches neither the executor nor the key.
  readonly #context: ResourceContext;

  /** @internal Created by `CalComClient`. */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * Routes a routing form's answers to an event type and lists its free slots
   * (`POST /v2/routing-forms/{routingFormId}/calculate-slots`). The response is not saved. The answers travel as the
   * JSON body, each as a string (docs/CALCOM-API.md §7.10: the document describes no body). Cal.com answers 404 when
   * the form is unknown or the answers route to no team event type (a message, an external URL, a removed event
   * type).
   *
   * @example
   * ```ts
   * const { eventTypeId, slots } = await cal.routingForms.calculateSlots('9d3b6f1e-…', {
   *   responses: { topic: 'Product demo', 'company-size': 40 },
   *   start: '2026-06-02T00:00:00Z',
   *   end: '2026-06-03T23:59:59Z',
   * });
   * ```
   *
   * @param formId The routing form's id (a string, from Cal.com's routing form page).
   * @param params The answers, the range and the slot options.
   * @param options The per-call options.
   * @returns The routed event type's id and its slots.
   */
  async calculateSlots(formId: string, params: RoutingFormSlotsParams, options?: RequestOptions): Promise<RoutedSlots> {
    const routingFormId = uidParam(formId, 'formId');
    requireObject(params, 'params', '{ responses, start, end }');
    // valibot's record takes a list as an object of indexes; a list of answers names no field, so it is refused here.
    if (Array.isArray(params.responses)) {
      throw invalidField(
        'responses',
        `expected an object of answers keyed by field identifier, got a list ${describeValue(params.responses)}`,
        'Pass { "<field identifier>": <answer> }, e.g. { "topic": "Sales" }.',
      );
    }
    const responses =
      params.responses === undefined ? {} : parseField(RoutingFormResponsesInputSchema, params.responses, 'responses');
    const start = requireTime(params.start, 'start');
    const end = requireTime(params.end, 'end');
    requireOrderedRange(start, end, 'end', MAX_AVAILABILITY_DAYS);
    const timeZone =
      params.timeZone === undefined ? 'UTC' : parseField(TimeZoneInputSchema, params.timeZone, 'timeZone');
    const duration =
      params.duration === undefined ? undefined : parseField(LengthInMinutesInputSchema, params.duration, 'duration');
    const bookingUidToReschedule =
      params.bookingUidToReschedule === undefined
        ? undefined
        : parseField(UidInputSchema, params.bookingUidToReschedule, 'bookingUidToReschedule');
    const { data } = await this.#context.executor.execute(
      {
        method: 'POST',
        path: `/routing-forms/${pathParam(routingFormId, 'formId')}/calculate-slots`,
        query: { start, end, timeZone, format: 'range', duration, bookingUidToReschedule },
        body: routingFormBody(responses),
        resource: 'routingForms',
        // Nothing is saved (the operation's own description), so a retry is safe.
        retry: 'idempotent',
        schema: RoutedSlotsDtoSchema,
      },
      options,
    );
    const [from, to] = [Date.parse(start), Date.parse(end)];
    const slots = withSlotEnds(data.slots, duration ?? FALLBACK_SLOT_MINUTES).filter((slot) => {
      const at = Date.parse(slot.start);
      return at >= from && at <= to;
    });
    return { eventTypeId: data.eventTypeId, slots };
  }
}
