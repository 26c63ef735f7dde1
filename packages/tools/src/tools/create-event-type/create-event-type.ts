import {
  LengthInMinutesInputSchema,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  textInputSchema,
} from '@calcom-int/core/schemas';
import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatEventTypeLine, summarizeEventType } from '../../format';
import { requestOptions } from '../../request-options';
import { NumericIdSchema } from '../../schemas';

/** The fields create_event_type and update_event_type share. */
export const EVENT_TYPE_FIELDS = {
  title: v.pipe(textInputSchema(MAX_NAME_LENGTH), v.description('Title shown to bookers.')),
  slug: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9-]{1,100}$/, 'use lowercase letters, digits and "-" only, e.g. "intro-call".'),
    v.description('URL slug: lowercase letters, digits, "-"; unique among your event types.'),
  ),
  length_minutes: v.pipe(LengthInMinutesInputSchema, v.description('Length in minutes, 1-1440.')),
  description: v.pipe(textInputSchema(MAX_NOTE_LENGTH), v.description('Description for bookers.')),
  hidden: v.pipe(v.boolean(), v.description('Hide from your public page.')),
  schedule_id: v.pipe(NumericIdSchema, v.description('Schedule to use instead of the default (list_schedules).')),
};

/** The client's field for each tool field. */
export const EVENT_TYPE_CORE_FIELDS = {
  title: 'title',
  slug: 'slug',
  lengthInMinutes: 'length_minutes',
  description: 'description',
  hidden: 'hidden',
  scheduleId: 'schedule_id',
} as const;

/** Creates an event type. */
export const createEventType = defineTool({
  name: 'create_event_type',
  description:
    'Creates an event type (a bookable meeting kind) owned by you. The slug must be free. ' +
    'WORKFLOW: list_event_types to check slugs → user confirms → create_event_type.',
  input: v.strictObject({
    title: EVENT_TYPE_FIELDS.title,
    slug: EVENT_TYPE_FIELDS.slug,
    length_minutes: EVENT_TYPE_FIELDS.length_minutes,
    description: v.optional(EVENT_TYPE_FIELDS.description),
    hidden: v.optional(EVENT_TYPE_FIELDS.hidden),
    schedule_id: v.optional(EVENT_TYPE_FIELDS.schedule_id),
  }),
  annotations: {
    title: 'Create event type',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  coreFields: EVENT_TYPE_CORE_FIELDS,
  async handler(input, context) {
    const eventType = await context.client.eventTypes.create(
      {
        title: input.title,
        slug: input.slug,
        lengthInMinutes: input.length_minutes,
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.hidden === undefined ? {} : { hidden: input.hidden }),
        ...(input.schedule_id === undefined ? {} : { scheduleId: input.schedule_id }),
      },
      requestOptions(context),
    );
    return {
      text: `Created ${formatEventTypeLine(eventType)}${eventType.bookingUrl ? `\nbooking page ${eventType.bookingUrl}` : ''}`,
      structured: { eventType: summarizeEventType(eventType) },
    };
  },
});
