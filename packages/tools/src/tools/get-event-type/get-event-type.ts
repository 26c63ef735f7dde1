import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { formatEventTypeLine, summarizeEventType } from '../../format';
import { requestOptions } from '../../request-options';
import { NumericIdSchema } from '../../schemas';
import { bookingOptionLines, bookingQuestions, offeredLocations } from './booking-options';

/** Gets one event type. */
export const getEventType = defineTool({
  name: 'get_event_type',
  description:
    'Gets one Cal.com event type by id: title, slug, lengths, buffers, minimum notice, booking page, description, locations and booking questions. ' +
    'Use it to check the length of a meeting before booking. ' +
    'WORKFLOW: take event_type_id from list_event_types; then call list_availability with it.',
  input: v.strictObject({
    event_type_id: v.pipe(NumericIdSchema, v.description('The event type id, from list_event_types.')),
  }),
  annotations: readOnlyAnnotations('Get event type'),
  coreFields: { id: 'event_type_id' },
  async handler(input, context) {
    const eventType = await context.client.eventTypes.get(input.event_type_id, requestOptions(context));
    const lines = [formatEventTypeLine(eventType)];
    if (eventType.description) lines.push(`description: ${eventType.description}`);
    lines.push(
      `minimum notice ${eventType.minimumBookingNotice} min | buffers ${eventType.beforeEventBuffer} min before, ${eventType.afterEventBuffer} min after`,
    );
    if (eventType.bookingUrl) lines.push(`booking page ${eventType.bookingUrl}`);
    const locations = offeredLocations(eventType);
    const questions = bookingQuestions(eventType);
    lines.push(...bookingOptionLines(locations, questions));
    return {
      text: lines.join('\n'),
      structured: {
        eventType: {
          ...summarizeEventType(eventType),
          minimumBookingNotice: eventType.minimumBookingNotice,
          beforeEventBuffer: eventType.beforeEventBuffer,
          afterEventBuffer: eventType.afterEventBuffer,
          slotInterval: eventType.slotInterval,
          locations,
          questions,
        },
      },
    };
  },
});
