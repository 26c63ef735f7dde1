import * as v from 'valibot';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import type { RetryKind } from '../../internal/request-types';
import { MAX_NAME_LENGTH, textInputSchema } from '../../models/input';
import { WEBHOOK_TRIGGERS, type Webhook, WebhookSchema } from '../../models/webhook';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext } from '../common/context';
import { collectPages } from '../common/page-walk';
import { sendCreatingWrite, sendRepeatableDelete } from '../common/read-back';
import { describeValue, invalidField, parseField, requireObject } from '../common/validate';

/** Params of `cal.webhooks.create`. */
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
  // True private fields: printing or serialising the resource reaches neither the executor nor the key.
  readonly #context: ResourceContext;

  /** @internal Created by `CalComClient`. */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * Lists all your webhooks (all pages).
   *
   * @example
   * ```ts
   * const webhooks = await cal.webhooks.list();
   * ```
   *
   * @param options The per-call options.
   * @returns The webhooks.
   */
  async list(options?: RequestOptions): Promise<Webhook[]> {
    return collectPages(
      this.#context,
      {
        what: 'webhooks',
        pageSize: WEBHOOKS_PAGE_SIZE,
        key: (webhook) => String(webhook.id),
        request: (skip) => ({
          method: 'GET',
          path: '/webhooks',
          query: { take: WEBHOOKS_PAGE_SIZE, skip },
          resource: 'webhooks',
          retry: 'idempotent',
          schema: v.array(WebhookSchema),
        }),
      },
      options,
    );
  }

  /**
   * Creates a webhook after checking the URL and triggers. The ids of the existing webhooks are read first; the create
   * is sent once (D6), and after an ambiguous failure (timeout, reset, 5xx or an unreadable answer) a new webhook with
   * this URL, these triggers and this state is looked up and returned; if there is none, `CalComUnknownOutcomeError`
   * says how to check (D7). Give it a `secret` and check deliveries with `verifyWebhookSignature`.
   *
   * @example
   * ```ts
   * await cal.webhooks.create({ subscriberUrl: 'https://example.com/cal', triggers: ['BOOKING_CREATED'], secret });
   * ```
   *
   * @param input The webhook.
   * @param options The per-call options.
   * @returns The created webhook.
   */
  async create(input: CreateWebhookInput, options?: RequestOptions): Promise<Webhook> {
    requireObject(input, 'input', '{ subscriberUrl, triggers }');
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
    if (input.payloadTemplate !== undefined) {
      body.payloadTemplate = parseField(textInputSchema(10_000), input.payloadTemplate, 'payloadTemplate').trim();
    }
    if (input.secret !== undefined) {
      body.secret = parseField(textInputSchema(MAX_NAME_LENGTH), input.secret, 'secret').trim();
    }
    // Webhooks have no unique key, so only a webhook that did not exist before this call can be this call's.
    const existing = new Set((await this.list(options)).map((webhook) => webhook.id));
    const outcome = await sendCreatingWrite({
      send: async () =>
        (
          await this.#context.executor.execute(
            { method: 'POST', path: '/webhooks', body, resource: 'webhooks', retry: 'create', schema: WebhookSchema },
            options,
          )
        ).data,
      find: async () =>
        (await this.list(options)).find(
          (webhook) => !existing.has(webhook.id) && isWebhookOf(webhook, input, body.active as boolean),
        ),
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `Creating the webhook for ${input.subscriberUrl} failed after the request was sent, and no new webhook for it was found yet, so it may or may not exist.`,
          {
            operation: 'webhooks.list',
            params: {},
            meaning: ` for a webhook with subscriberUrl "${input.subscriberUrl}" before creating it again.`,
          },
          cause,
        ),
    });
    return outcome.value;
  }

  /**
   * Deletes a webhook. After an ambiguous failure the webhook is read back: gone (404) → deleted; still there → the
   * delete is sent again; unknown → `CalComUnknownOutcomeError`. An id that never existed is `CalComNotFoundError`.
   *
   * @example
   * ```ts
   * await cal.webhooks.delete('5');
   * ```
   *
   * @param id The webhook id.
   * @param options The per-call options.
   */
  async delete(id: string | number, options?: RequestOptions): Promise<void> {
    // A string id (Cal.com's type, docs/CALCOM-API.md §7.7) or a positive safe integer; checked by pathParam.
    const path = `/webhooks/${pathParam(id, 'id')}`;
    await sendRepeatableDelete({
      send: async (retry: RetryKind) =>
        (await this.#context.executor.execute({ method: 'DELETE', path, resource: 'webhooks', retry }, options)).data,
      lookUp: async () =>
        (
          await this.#context.executor.execute(
            { method: 'GET', path, resource: 'webhooks', retry: 'idempotent', schema: WebhookSchema },
            options,
          )
        ).data,
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `The delete of webhook ${String(id)} failed after it was sent, and reading it back could not tell whether it is gone.`,
          {
            operation: 'webhooks.list',
            params: {},
            meaning: ` whether webhook ${String(id)} is still listed; if it is, delete it again.`,
          },
          cause,
        ),
    });
  }
}

/**
 * Tells whether a webhook is the one a create asked for: same URL, same triggers (in any order), same state, same
 * payload template when one was given, and a secret exactly when one was given.
 */
function isWebhookOf(webhook: Webhook, input: CreateWebhookInput, active: boolean): boolean {
  const triggers = (list: readonly string[]) => JSON.stringify([...list].sort());
  return (
    webhook.subscriberUrl === input.subscriberUrl &&
    triggers(webhook.triggers) === triggers(input.triggers) &&
    webhook.active === active &&
    (input.payloadTemplate === undefined || webhook.payloadTemplate === input.payloadTemplate) &&
    webhook.hasSecret === (input.secret !== undefined)
  );
}
