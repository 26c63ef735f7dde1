import * as v from 'valibot';
import { describeValue } from './describe-value';
import { MAX_ID, MAX_UID_LENGTH } from './limits';

const ID_FIX = 'Pass the numeric id as Cal.com returned it, e.g. 123 (list the resources first to get one).';

function idMessage(issue: { readonly input: unknown }): string {
  return `expected a positive whole number (a Cal.com id), got ${describeValue(issue.input)}. ${ID_FIX}`;
}

/**
 * A Cal.com numeric id (event type, user, team, schedule): a positive whole number up to {@link MAX_ID}. `NaN`, `-0`,
 * fractions, strings and `1e308` are refused.
 */
export const IdInputSchema = v.pipe(
  v.number(idMessage),
  v.integer(idMessage),
  v.minValue(1, idMessage),
  v.maxValue(MAX_ID, idMessage),
);

/** The characters of Cal.com uids and string ids (docs/CALCOM-API.md §7.5, §7.7). */
const UID_PATTERN = /^[A-Za-z0-9_-]+$/;

const USERNAME_FIX = 'Pass a username as Cal.com shows it: letters, digits, ".", "_" and "-".';

const UID_FIX = 'Pass the uid exactly as Cal.com returned it (list the resources first to get one); never invent one.';

/**
 * A Cal.com uid or string id (a booking uid, a webhook id): letters, digits, `-` and `_`, 1 to {@link MAX_UID_LENGTH}
 * characters. Empty strings, `.`, `..`, slashes, `?`, `#`, `%`, spaces and every other character that could change a
 * request path are refused.
 */
export const UidInputSchema = v.pipe(
  v.string((issue) => `expected a uid (a string), got ${describeValue(issue.input)}. ${UID_FIX}`),
  v.nonEmpty(`is empty. ${UID_FIX}`),
  v.maxLength(
    MAX_UID_LENGTH,
    (issue) =>
      `is ${(issue.input as string).length} characters long, more than any Cal.com uid (${MAX_UID_LENGTH}). ${UID_FIX}`,
  ),
  v.regex(
    UID_PATTERN,
    (issue) =>
      `${describeValue(issue.input)} is not a Cal.com uid: only letters, digits, "-" and "_" are allowed. ${UID_FIX}`,
  ),
);

/**
 * A Cal.com username (as `get_team` and profiles show it): letters, digits, `.`, `_` and `-`, 1 to
 * {@link MAX_UID_LENGTH} characters.
 */
export const UsernameInputSchema = v.pipe(
  v.string((issue) => `expected a Cal.com username (a string), got ${describeValue(issue.input)}. ${USERNAME_FIX}`),
  v.regex(/^[A-Za-z0-9._-]+$/, (issue) => `${describeValue(issue.input)} is not a Cal.com username. ${USERNAME_FIX}`),
  v.maxLength(MAX_UID_LENGTH, (issue) => `${describeValue(issue.input)} is not a Cal.com username. ${USERNAME_FIX}`),
);
