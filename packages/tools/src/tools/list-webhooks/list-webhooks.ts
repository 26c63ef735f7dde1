import type { Webhook } from '@calcom-int/core';
import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { plural, quoteUntrusted } from '../../format';
import { requestOptions } from '../../request-options';

/**
 * Formats a webhook as one line.
 *
 * @param webhook The webhook.
 * @returns The line.
 */
export function formatWebhookLine(webhook: Webhook): string {
  return [
    `webhook_id ${webhook.id}`,
    quoteUntrusted(webhook.subscriberUrl),
    webhook.triggers.join(','),
    webhook.active ? 'active' : 'inactive',
    webhook.hasSecret ? 'signed' : 'unsigned',
  ].join(' | ');
}

/** Lists the user's webhooks. */
export const listWebhooks = defineTool({
  name: 'list_webhooks',
  description:
    'Lists your Cal.com webhooks: id, URL, triggers, active, whether deliveries are signed. ' +
    'WORKFLOW: list_webhooks → create_webhook or delete_webhook.',
  input: v.strictObject({}),
  annotations: readOnlyAnnotations('List webhooks'),
  async handler(_input, context) {
    const webhooks = await context.client.webhooks.list(requestOptions(context));
    return {
      text: [`${plural(webhooks.length, 'webhook')}.`, ...webhooks.map(formatWebhookLine)].join('\n'),
      structured: { webhooks },
    };
  },
});
