import { UidInputSchema } from '@calcom-int/core/schemas';
import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { requestOptions } from '../../request-options';

/** Deletes a webhook. */
export const deleteWebhook = defineTool({
  name: 'delete_webhook',
  description:
    'Deletes a webhook: its URL gets no more events. Destructive: ask the user to confirm first. ' +
    'WORKFLOW: list_webhooks to show it → user confirms → delete_webhook.',
  input: v.strictObject({
    webhook_id: v.pipe(UidInputSchema, v.description('The webhook id, from list_webhooks.')),
  }),
  annotations: {
    title: 'Delete webhook',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
  coreFields: { id: 'webhook_id' },
  async handler(input, context) {
    await context.client.webhooks.delete(input.webhook_id, requestOptions(context));
    return {
      text: `Deleted webhook_id ${input.webhook_id}.`,
      structured: { deleted: { webhookId: input.webhook_id } },
    };
  },
});
