import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { requestOptions } from '../../request-options';
import { NumericIdSchema, privateLinkLimitCheck, privateLinkLimitFields } from '../../schemas';
import { formatPrivateLinkLine } from '../list-private-links/list-private-links';

/** Creates a private link. */
export const createPrivateLink = defineTool({
  name: 'create_private_link',
  description:
    'Creates a private booking link for an event type, e.g. for a hidden event. Give expires_at or max_uses (not both); ' +
    'neither makes a single-use link. WORKFLOW: list_event_types → create_private_link → share booking_url.',
  input: v.pipe(
    v.strictObject({
      event_type_id: v.pipe(NumericIdSchema, v.description('The event type id, from list_event_types.')),
      ...privateLinkLimitFields,
    }),
    privateLinkLimitCheck(false),
  ),
  annotations: {
    title: 'Create private link',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  coreFields: { eventTypeId: 'event_type_id', expiresAt: 'expires_at', maxUsageCount: 'max_uses' },
  async handler(input, context) {
    const link = await context.client.eventTypes.privateLinks.create(
      input.event_type_id,
      {
        ...(input.expires_at === undefined ? {} : { expiresAt: input.expires_at }),
        ...(input.max_uses === undefined ? {} : { maxUsageCount: input.max_uses }),
      },
      requestOptions(context),
    );
    return { text: `Created ${formatPrivateLinkLine(link)}`, structured: { privateLink: link } };
  },
});
