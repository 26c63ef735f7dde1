import * as v from 'valibot';
import { WEBHOOK_TRIGGERS, type Webhook, WebhookSchema } from '../../models/webhook';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, send } from '../common/context';
import { describeValue, invalidField, requireText } from '../common/validate';

/** Input of {@link WebhooksResource.createWebhook}. */
export interface CreateWebhookInput {
  /** The URL Cal.com posts events to. */
  readonly subscriberUrl: string;
  /** The events to send, e.g. `['BOOKING_CREATED']`. */
  readonly triggers: readonly string[];
  /** Whether the webhook is active. Default `true`. */
  readonly active?: boolean;
  /** A custom payload template. */
  readonly payloadTemplate?: string;
  /** The secret used to sign deliveries (`X-Cal-Signature-256`). Strongly recommended. */
  readonly secret?: string;
}

/** Page size for webhooks (Cal.com's maximum). */
const WEBHOOKS_PAGE_SIZE = 250;

/** The authenticated user's webhooks (`/v2/webhooks`, unversioned). */
export class WebhooksResource {
  /**
   * Creates the webhooks resource.
   *
   * @param context The resource context.
   */
  constructor(private readonly context: ResourceContext) {}

  /**
   * Lists all the user's webhooks (all pages).
   *
   * @param options The per-call options.
   * @returns The webhooks.
   */
  async listWebhooks(options?: RequestOptions): Promise<Webhook[]> {
    const webhooks: Webhook[] = [];
    for (let skip = 0; ; skip += WEBHOOKS_PAGE_SIZE) {
      const page = await send(
        this.context,
        {
          method: 'GET',
          path: '/webhooks',
          query: { take: WEBHOOKS_PAGE_SIZE, skip },
          resource: 'webhooks',
          retry: 'idempotent',
          schema: v.array(WebhookSchema),
        },
        options,
      );
      webhooks.push(...page);
      if (page.length < WEBHOOKS_PAGE_SIZE) return webhooks;
    }
  }

  /**
   * Creates a webhook after checking the URL and triggers.
   *
   * @param input The webhook.
   * @param options The per-call options.
   * @returns The created webhook.
   */
  async createWebhook(input: CreateWebhookInput, options?: RequestOptions): Promise<Webhook> {
    if (typeof input !== 'object' || input === null) {
      throw invalidField(
        'input',
        `expected an object, got ${describeValue(input)}`,
        'Pass { subscriberUrl, triggers }.',
      );
    }
    if (
      typeof input.subscriberUrl !== 'string' ||
      !/^https?:\/\//.test(input.subscriberUrl) ||
      !URL.canParse(input.subscriberUrl)
    ) {
      throw invalidField(
        'subscriberUrl',
        `${describeValue(input.subscriberUrl)} is not an http(s) URL`,
        'Pass the absolute URL of your endpoint, e.g. https://example.com/cal-webhook.',
      );
    }
    if (!Array.isArray(input.triggers) || input.triggers.length === 0) {
      throw invalidField('triggers', 'expected a non-empty list of triggers', 'Pass e.g. ["BOOKING_CREATED"].');
    }
    for (const [index, trigger] of input.triggers.entries()) {
      if (!(WEBHOOK_TRIGGERS as readonly unknown[]).includes(trigger)) {
        throw invalidField(
          `triggers.${index}`,
          `${describeValue(trigger)} is not a webhook trigger`,
          `Use ${WEBHOOK_TRIGGERS.join(', ')}.`,
        );
      }
    }
    if (input.active !== undefined && typeof input.active !== 'boolean') {
      throw invalidField('active', `expected true or false, got ${describeValue(input.active)}`, 'Pass a boolean.');
    }
    const body: Record<string, unknown> = {
      subscriberUrl: input.subscriberUrl,
      triggers: [...input.triggers],
      active: input.active ?? true,
    };
    if (input.payloadTemplate !== undefined)
      body.payloadTemplate = requireText(input.payloadTemplate, 'payloadTemplate', 10_000);
    if (input.secret !== undefined) body.secret = requireText(input.secret, 'secret', 255);
    return send(
      this.context,
      { method: 'POST', path: '/webhooks', body, resource: 'webhooks', retry: 'create', schema: WebhookSchema },
      options,
    );
  }

  /**
   * Deletes a webhook.
   *
   * @param id The webhook id.
   * @param options The per-call options.
   */
  async deleteWebhook(id: string | number, options?: RequestOptions): Promise<void> {
    const webhookId =
      typeof id === 'number' && Number.isInteger(id) && id > 0 ? String(id) : requireText(id, 'id', 255);
    await send(
      this.context,
      { method: 'DELETE', path: `/webhooks/${pathParam(webhookId)}`, resource: 'webhooks', retry: 'idempotent' },
      options,
    );
  }
}
