import * as v from 'valibot';
import { describeValue } from './describe-value';
import { MAX_UID_LENGTH } from './limits';

const SLUG_FIX =
  'Pass the slug as it appears in the booking link, e.g. thirty-minutes (list the event types or teams first).';

function slugMessage(issue: { readonly input: unknown }): string {
  return `expected a slug (letters, digits, "-", "_", "."), got ${describeValue(issue.input)}. ${SLUG_FIX}`;
}

/**
 * A URL slug of an event type, team or organization as Cal.com makes them: letters, digits, `-`, `_` and `.`, starting
 * with a letter or digit, at most {@link MAX_UID_LENGTH} characters. Slugs travel in queries and bodies, never in paths.
 */
export const SlugInputSchema = v.pipe(
  v.string(slugMessage),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, slugMessage),
  v.maxLength(MAX_UID_LENGTH, `is longer than ${MAX_UID_LENGTH} characters. ${SLUG_FIX}`),
);
