/** Webhook triggers (enum of the spec). */
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

/** A trigger of {@link WEBHOOK_TRIGGERS}. */
export type WebhookTrigger = (typeof WEBHOOK_TRIGGERS)[number];

/** A user webhook (`UserWebhookOutputDto`). */
export interface WebhookOutput {
  id: number;
  userId: number;
  subscriberUrl: string;
  active: boolean;
  triggers: WebhookTrigger[];
  payloadTemplate: string;
  secret?: string;
}
