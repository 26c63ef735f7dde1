import * as v from 'valibot';
import { IdSchema } from '../id';

/**
 * Private link DTO schema (`TimeBasedPrivateLinkOutput` | `UsageBasedPrivateLinkOutput`): lenient to unknown fields,
 * strict on the ones used. A time-based link has `expiresAt`; a usage-based one `maxUsageCount` and `usageCount`.
 */
export const PrivateLinkDtoSchema = v.object({
  linkId: v.pipe(v.string(), v.nonEmpty()),
  eventTypeId: IdSchema,
  isExpired: v.boolean(),
  bookingUrl: v.string(),
  expiresAt: v.nullish(v.string()),
  maxUsageCount: v.nullish(v.number()),
  usageCount: v.nullish(v.number()),
});

/** Private link DTO as the API sends it. */
export type PrivateLinkDto = v.InferInput<typeof PrivateLinkDtoSchema>;

/** Schema mapping a private link DTO to the `PrivateLink` domain model (absent limits are `null`). */
export const PrivateLinkSchema = v.pipe(
  PrivateLinkDtoSchema,
  v.transform((dto) => ({
    linkId: dto.linkId,
    eventTypeId: dto.eventTypeId,
    isExpired: dto.isExpired,
    bookingUrl: dto.bookingUrl,
    expiresAt: dto.expiresAt ?? null,
    maxUsageCount: dto.maxUsageCount ?? null,
    usageCount: dto.usageCount ?? null,
  })),
);

/** A private (hashed) booking link of an event type: time-based (`expiresAt`) or usage-based (`maxUsageCount`). */
export type PrivateLink = v.InferOutput<typeof PrivateLinkSchema>;
