import * as v from 'valibot';
import { WEBHOOK_TRIGGERS as SPEC_WEBHOOK_TRIGGERS } from '../../generated/spec-facts.generated';
import { IdSchema, StringIdSchema } from '../id';

/** Webhook triggers Cal.com can send (docs/CALCOM-API.md §7.7). */
export const WEBHOOK_TRIGGERS = SPEC_WEBHOOK_TRIGGERS;

/** A webhook trigger. */
export type WebhookTrigger = (typeof WEBHOOK_TRIGGERS)[number];

/** Webhook DTO schema (`UserWebhookOutputDto`): lenient to unknown fields, strict on the ones used. */
export const WebhookDtoSchema = v.object({
  id: v.union([IdSchema, StringIdSchema]),
  userId: v.nullish(IdSchema),
  subscriberUrl: v.string(),
  active: v.boolean(),
  triggers: v.array(v.string()),
  payloadTemplate: v.nullish(v.string()),
  secret: v.nullish(v.string()),
});

/** Webhook DTO as the API sends it. */
export type WebhookDto = v.InferInput<typeof WebhookDtoSchema>;

/** Schema mapping a webhook DTO to the `Webhook` domain model (the secret itself is never copied). */
export const WebhookSchema = v.pipe(
  WebhookDtoSchema,
  v.transform((dto) => ({
    id: String(dto.id),
    userId: dto.userId ?? null,
    subscriberUrl: dto.subscriberUrl,
    active: dto.active,
    triggers: dto.triggers,
    payloadTemplate: dto.payloadTemplate ?? null,
    hasSecret: typeof dto.secret === 'string' && dto.secret.length > 0,
  })),
);

/** A webhook subscription (domain model). */
export type Webhook = v.InferOutput<typeof WebhookSchema>;
