import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatEventTypeLine, summarizeEventType } from '../../format';
import { requestOptions } from '../../request-options';
import { NumericIdSchema } from '../../schemas';
import { EVENT_TYPE_CORE_FIELDS, EVENT_TYPE_FIELDS } from '../create-event-type/create-event-type';

/** Updates an event type. */
export const updateEventType = defineTool({
  name: 'update_event_type',
  description:
    'Changes fields of one of your event types; only the fields given change. Existing bookings keep their length. ' +
    'WORKFLOW: get_event_type → user confirms the change → update_event_type.',
  input: v.strictObject({
    event_type_id: v.pipe(NumericIdSchema, v.description('The event type id, from list_event_types.')),
    title: v.optional(EVENT_TYPE_FIELDS.title),
    slug: v.optional(EVENT_TYPE_FIELDS.slug),
    length_minutes: v.optional(EVENT_TYPE_FIELDS.length_minutes),
    description: v.optional(EVENT_TYPE_FIELDS.description),
    hidden: v.optional(EVENT_TYPE_FIELDS.hidden),
    schedule_id: v.optional(EVENT_TYPE_FIELDS.schedule_id),
  }),
  annotations: {
    title: 'Update event type',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  coreFields: { ...EVENT_TYPE_CORE_FIELDS, id: 'event_type_id', patch: 'event_type_id' },
  async handler(input, context) {
    const eventType = await context.client.eventTypes.update(
      input.event_type_id,
      {
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.slug === undefined ? {} : { slug: input.slug }),
        ...(input.length_minutes === undefined ? {} : { lengthInMinutes: input.length_minutes }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.hidden === undefined ? {} : { hidden: input.hidden }),
        ...(input.schedule_id === undefined ? {} : { scheduleId: input.schedule_id }),
      },
      requestOptions(context),
    );
    return {
      text: `Updated ${formatEventTypeLine(eventType)}`,
      structured: { eventType: summarizeEventType(eventType) },
    };
  },
});
