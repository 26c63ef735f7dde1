import { integerInputSchema, TimeInputSchema } from '@calcom-int/core/schemas';
import * as v from 'valibot';
import { crossFieldCheck } from './range';

/** The limit fields of the private link tools: a link is time-based (`expires_at`) or usage-based (`max_uses`). */
export const privateLinkLimitFields = {
  expires_at: v.optional(v.pipe(TimeInputSchema, v.description('Expiry, ISO 8601 with offset.'))),
  max_uses: v.optional(v.pipe(integerInputSchema(1, 1_000_000), v.description('Bookings allowed, 1 or more.'))),
};

/**
 * The limit rule in the tools' own words: never both fields, and exactly one when `requireOne` (an update).
 *
 * @param requireOne Whether one of the two must be given.
 * @returns The check, the last step of the tool's schema.
 */
export function privateLinkLimitCheck<
  TInput extends { readonly expires_at?: string | undefined; readonly max_uses?: number | undefined } & Readonly<
    Record<string, unknown>
  >,
>(requireOne: boolean): v.RawCheckAction<TInput> {
  return crossFieldCheck<TInput>((input) => {
    if (input.expires_at !== undefined && input.max_uses !== undefined) {
      return {
        field: 'max_uses',
        message: 'a private link is either time-based or usage-based. Give expires_at or max_uses, not both',
      };
    }
    if (requireOne && input.expires_at === undefined && input.max_uses === undefined) {
      return { field: 'expires_at', message: 'no change given. Give expires_at or max_uses' };
    }
    return undefined;
  });
}
