import { MAX_NAME_LENGTH, textInputSchema } from '@calcom-int/core/schemas';
import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { requestOptions } from '../../request-options';
import { formatWebhookLine } from '../list-webhooks/list-webhooks';

/** Creates a webhook. */
export const createWebhook = defineTool({
  name: 'create_webhook',
  description:
    'Creates a webhook: Cal.com POSTs the chosen booking events to subscriber_url. Give a secret so deliveries are signed. ' +
    'WORKFLOW: list_webhooks to avoid duplicates → user confirms → create_webhook.',
  input: v.strictObject({
    subscriber_url: v.pipe(
      v.string(),
      v.maxLength(2000, 'is longer than 2000 characters. Use a shorter URL.'),
      v.description('The https URL that receives the events.'),
    ),
    triggers: v.pipe(
      v.array(v.pipe(v.string(), v.maxLength(100, 'is not a trigger name.'))),
      v.minLength(1, 'is empty. Name at least one trigger, e.g. ["BOOKING_CREATED"].'),
      v.maxLength(50, 'has more than 50 triggers.'),
      v.description('Events, e.g. ["BOOKING_CREATED","BOOKING_CANCELLED","BOOKING_RESCHEDULED"].'),
    ),
    secret: v.optional(v.pipe(textInputSchema(MAX_NAME_LENGTH), v.description('Signing secret (recommended).'))),
    active: v.optional(v.pipe(v.boolean(), v.description('Default true.'))),
  }),
  annotations: {
    title: 'Create webhook',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  coreFields: { subscriberUrl: 'subscriber_url', triggers: 'triggers', secret: 'secret', active: 'active' },
  async handler(input, context) {
    const webhook = await context.client.webhooks.create(
      {
        subscriberUrl: input.subscriber_url,
        triggers: input.triggers,
        ...(input.secret === undefined ? {} : { secret: input.secret }),
        ...(input.active === undefined ? {} : { active: input.active }),
      },
      requestOptions(context),
    );
    return { text: `Created ${formatWebhookLine(webhook)}`, structured: { webhook } };
  },
});
