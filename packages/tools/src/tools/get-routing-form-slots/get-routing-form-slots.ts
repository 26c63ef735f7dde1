import { LengthInMinutesInputSchema, RoutingFormResponsesInputSchema, UidInputSchema } from '@calcom-int/core/schemas';
import * as v from 'valibot';
import { defineTool, readOnlyAnnotations, type ToolOutput } from '../../define-tool';
import { quoteUntrusted } from '../../format';
import { requestOptions } from '../../request-options';
import { DateOrDateTimeSchema, MAX_RANGE_DAYS, rangeCheck, timeZoneSchema, toRangeBound } from '../../schemas';
import {
  type AvailabilityStructured,
  DEFAULT_AVAILABILITY_LIMIT,
  renderAvailability,
} from '../list-availability/render-availability';

/** The structured output: the routed event type's free starts as list_availability gives them, or no event type. */
export type RoutingFormSlotsStructured =
  | (AvailabilityStructured & { readonly formId: string })
  | { readonly formId: string; readonly eventTypeId: null; readonly slots: readonly [] };

/**
 * Cal.com answers 404 both for an unknown form and for answers whose route leads to no team event type (docs/CALCOM-API.md
 * §7.10); the model is told both readings and what to check, instead of the generic "take ids from list_…" advice.
 */
function noEventType(error: unknown, formId: string): ToolOutput<RoutingFormSlotsStructured> {
  const said = (error as { serverMessage?: unknown }).serverMessage;
  const calComSaid = typeof said === 'string' && said !== '' ? `: ${quoteUntrusted(said)}` : '';
  return {
    text:
      `No event type for these answers (404${calComSaid}): form ${formId} is unknown to this account, or its route for these answers ` +
      'shows a message, sends to an external page or names a removed event type. Check form_id and the field identifiers; ' +
      'if both are right, tell the user this form offers no booking for these answers.',
    structured: { formId, eventTypeId: null, slots: [] },
  };
}

/** Routes a routing form's answers to an event type and lists its free starts. */
export const getRoutingFormSlots = defineTool({
  name: 'get_routing_form_slots',
  description:
    'Routes answers to a Cal.com routing form (nothing is saved) and lists the free starts of the event type it picks. ' +
    'WORKFLOW: get_routing_form_slots → create_booking with that event_type_id and a start listed here.',
  input: v.pipe(
    v.strictObject({
      form_id: v.pipe(UidInputSchema, v.description('Routing form id (from its Cal.com link).')),
      responses: v.optional(
        v.pipe(
          RoutingFormResponsesInputSchema,
          v.description('Answers by field identifier: text, number, or option labels.'),
        ),
      ),
      start_date: v.pipe(DateOrDateTimeSchema, v.description('Range start, e.g. 2026-11-26.')),
      end_date: v.pipe(DateOrDateTimeSchema, v.description('Range end, inclusive; a bare date covers that UTC day.')),
      time_zone: v.optional(timeZoneSchema('IANA zone for local times; default your profile zone.')),
      duration_minutes: v.optional(
        v.pipe(LengthInMinutesInputSchema, v.description('Length, for event types with several.')),
      ),
    }),
    rangeCheck({ start: 'start_date', end: 'end_date', maxDays: MAX_RANGE_DAYS, dates: true }),
  ),
  annotations: readOnlyAnnotations('Get routing form slots'),
  coreFields: {
    formId: 'form_id',
    responses: 'responses',
    start: 'start_date',
    end: 'end_date',
    timeZone: 'time_zone',
    duration: 'duration_minutes',
  },
  async handler(input, context): Promise<ToolOutput<RoutingFormSlotsStructured>> {
    const options = requestOptions(context);
    const start = toRangeBound(input.start_date, 'start');
    const end = toRangeBound(input.end_date, 'lastStart');
    const routing = context.client.routingForms
      .calculateSlots(
        input.form_id,
        {
          start,
          end,
          ...(input.responses === undefined ? {} : { responses: input.responses }),
          ...(input.time_zone === undefined ? {} : { timeZone: input.time_zone }),
          ...(input.duration_minutes === undefined ? {} : { duration: input.duration_minutes }),
        },
        options,
      )
      .then(
        (routed) => ({ routed }),
        (error: unknown) => {
          if (error instanceof Error && error.name === 'CalComNotFoundError') return { notFound: error };
          throw error;
        },
      );
    const [outcome, timeZone] = await Promise.all([
      routing,
      input.time_zone ?? context.client.me.get(options).then((user) => user.timeZone),
    ]);
    if (!('routed' in outcome)) return noEventType(outcome.notFound, input.form_id);
    const { routed } = outcome;
    const rendered = renderAvailability({
      free: routed.slots,
      timeZone,
      eventTypeId: routed.eventTypeId,
      start,
      end,
      limit: DEFAULT_AVAILABILITY_LIMIT,
    });
    return {
      text: `Routed to event_type_id ${routed.eventTypeId}.\n${rendered.text}`,
      structured: { formId: input.form_id, ...rendered.structured },
    };
  },
});
