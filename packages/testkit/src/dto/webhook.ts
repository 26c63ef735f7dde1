import type { UserWebhookOutputDto } from '../generated/dto.generated';
import { WEBHOOK_TRIGGERS } from '../generated/spec-facts.generated';

export { WEBHOOK_TRIGGERS };

/** A trigger of {@link WEBHOOK_TRIGGERS}. */
export type WebhookTrigger = (typeof WEBHOOK_TRIGGERS)[number];

/** A user webhook (`UserWebhookOutputDto`). */
export type WebhookOutput = UserWebhookOutputDto;
