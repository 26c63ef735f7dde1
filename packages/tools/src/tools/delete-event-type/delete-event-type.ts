import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { requestOptions } from '../../request-options';
import { NumericIdSchema } from '../../schemas';

/** Deletes an event type. */
export const deleteEventType = defineTool({
  name: 'delete_event_type',
  description:
    'Deletes one of your event types: its booking page stops working. Destructive: ask the user to confirm first. ' +
    'WORKFLOW: get_event_type to show it → user confirms → delete_event_type.',
  input: v.strictObject({
    event_type_id: v.pipe(NumericIdSchema, v.description('The event type id, from list_event_types.')),
  }),
  annotations: {
    title: 'Delete event type',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
  coreFields: { id: 'event_type_id' },
  async handler(input, context) {
    await context.client.eventTypes.delete(input.event_type_id, requestOptions(context));
    return {
      text: `Deleted event_type_id ${input.event_type_id}.`,
      structured: { deleted: { eventTypeId: input.event_type_id } },
    };
  },
});
