import * as v from 'valibot';
import { IdSchema, StringIdSchema } from '../id';

/** Webhook triggers Cal.com can send (docs/CALCOM-API.md §7.7). */
export const WEBHOOK_TRIGGERS = [
  'BOOKING_CREATED',
  'BOOKING_PAYMENT_INITIATED',
  'BOOKING_PAID',
  'BOOKING_RESCHEDULED',
  'BOOKING_REQUESTED',
  'BOOKING_CANCELLED',
  'BOOKING_REJECTED',
  'BOOKING_NO_SHOW_UPDATED',
  'FORM_SUBMITTED',
  'MEETING_ENDED',
  'MEETING_STARTED',
  'RECORDING_READY',
  'INSTANT_MEETING',
  'RECORDING_TRANSCRIPTION_GENERATED',
  'OOO_CREATED',
  'AFTER_HOSTS_CAL_VIDEO_NO_SHOW',
  'AFTER_GUESTS_CAL_VIDEO_NO_SHOW',
  'FORM_SUBMITTED_NO_EVENT',
  'ROUTING_FORM_FALLBACK_HIT',
  'DELEGATION_CREDENTIAL_ERROR',
  'WRONG_ASSIGNMENT_REPORT',
] as const;

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
