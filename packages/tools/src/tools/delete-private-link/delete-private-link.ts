import { UidInputSchema } from '@calcom-int/core/schemas';
import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { requestOptions } from '../../request-options';
import { NumericIdSchema } from '../../schemas';

/** Deletes a private link. */
export const deletePrivateLink = defineTool({
  name: 'delete_private_link',
  description:
    'Deletes a private booking link: the URL stops working. Destructive: ask the user to confirm first. ' +
    'WORKFLOW: list_private_links → user confirms → delete_private_link.',
  input: v.strictObject({
    event_type_id: v.pipe(NumericIdSchema, v.description('The event type id.')),
    link_id: v.pipe(UidInputSchema, v.description('The link id, from list_private_links.')),
  }),
  annotations: {
    title: 'Delete private link',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
  coreFields: { eventTypeId: 'event_type_id', linkId: 'link_id' },
  async handler(input, context) {
    await context.client.eventTypes.privateLinks.delete(input.event_type_id, input.link_id, requestOptions(context));
    return {
      text: `Deleted private link ${input.link_id} of event_type_id ${input.event_type_id}.`,
      structured: { deleted: { eventTypeId: input.event_type_id, linkId: input.link_id } },
    };
  },
});
