import { UidInputSchema } from '@calcom-int/core/schemas';
import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { requestOptions } from '../../request-options';
import { NumericIdSchema, privateLinkLimitCheck, privateLinkLimitFields } from '../../schemas';
import { formatPrivateLinkLine } from '../list-private-links/list-private-links';

/** Changes the limit of a private link. */
export const updatePrivateLink = defineTool({
  name: 'update_private_link',
  description:
    'Changes a private booking link’s limit: a new expires_at or max_uses (one of them). ' +
    'WORKFLOW: list_private_links → update_private_link.',
  input: v.pipe(
    v.strictObject({
      event_type_id: v.pipe(NumericIdSchema, v.description('The event type id.')),
      link_id: v.pipe(UidInputSchema, v.description('The link id, from list_private_links.')),
      ...privateLinkLimitFields,
    }),
    privateLinkLimitCheck(true),
  ),
  annotations: {
    title: 'Update private link',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  coreFields: { eventTypeId: 'event_type_id', linkId: 'link_id', expiresAt: 'expires_at', maxUsageCount: 'max_uses' },
  async handler(input, context) {
    const link = await context.client.eventTypes.privateLinks.update(
      input.event_type_id,
      input.link_id,
      {
        ...(input.expires_at === undefined ? {} : { expiresAt: input.expires_at }),
        ...(input.max_uses === undefined ? {} : { maxUsageCount: input.max_uses }),
      },
      requestOptions(context),
    );
    return { text: `Updated ${formatPrivateLinkLine(link)}`, structured: { privateLink: link } };
  },
});
