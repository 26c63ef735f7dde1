import { describedTimeZoneInputSchema, TimeZoneInputSchema } from '@calcom-int/core/schemas';

/**
 * IANA time zone, checked and canonicalised by core's rule (`america/new_york` → `America/New_York`, `US/Eastern` →
 * `America/New_York`): the same object as the client's.
 */
export const TimeZoneSchema = TimeZoneInputSchema;

/**
 * {@link TimeZoneSchema} with a description for the tool's JSON Schema: core's rule with the description placed before
 * its canonicalising step (a JSON Schema describes the input up to the first transformation).
 *
 * @param description What the field is, for the model.
 * @returns The schema.
 */
export function timeZoneSchema(description: string) {
  return describedTimeZoneInputSchema(description);
}
