import type { PrivateLink } from '@calcom-int/core';
import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { plural } from '../../format';
import { requestOptions } from '../../request-options';
import { NumericIdSchema } from '../../schemas';

/**
 * Formats a private link as one line.
 *
 * @param link The link.
 * @returns The line.
 */
export function formatPrivateLinkLine(link: PrivateLink): string {
  const limit =
    link.expiresAt === null
      ? `used ${link.usageCount ?? 0} of ${link.maxUsageCount ?? 1}`
      : `expires ${link.expiresAt}`;
  return [`link_id ${link.linkId}`, link.bookingUrl, limit, link.isExpired ? 'EXPIRED' : 'usable'].join(' | ');
}

/** Lists the private links of an event type. */
export const listPrivateLinks = defineTool({
  name: 'list_private_links',
  description:
    'Lists the private booking links of an event type (single-use, limited-use or expiring URLs). ' +
    'WORKFLOW: list_event_types → list_private_links.',
  input: v.strictObject({
    event_type_id: v.pipe(NumericIdSchema, v.description('The event type id, from list_event_types.')),
  }),
  annotations: readOnlyAnnotations('List private links'),
  coreFields: { eventTypeId: 'event_type_id' },
  async handler(input, context) {
    const links = await context.client.eventTypes.privateLinks.list(input.event_type_id, requestOptions(context));
    return {
      text: [`${plural(links.length, 'private link')}.`, ...links.map(formatPrivateLinkLine)].join('\n'),
      structured: { privateLinks: links },
    };
  },
});
