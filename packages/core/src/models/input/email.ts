import * as v from 'valibot';
import { describeValue } from './describe-value';
import { MAX_EMAIL_LENGTH, MAX_EMAIL_LOCAL_PART_LENGTH } from './limits';

/** The fix every refusal of an address ends with. */
const EMAIL_FIX = 'Pass a single bare address like jane@example.com (no name, no <>).';

/**
 * Whitespace, control and bidirectional-formatting characters, and lone surrogates: never part of a real address
 * (bidi overrides would let an address display as another one).
 */
const FORBIDDEN_IN_EMAIL = /[\s\p{Cc}\p{Z}\p{Cs}\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/**
 * An RFC 5322 dot-atom with RFC 6531's UTF-8: atoms of ASCII letters, digits and `!#$%&'*+-/=?^_\`{|}~` or any
 * non-ASCII character, joined by single dots. Quoted local parts (`"john doe"@…`) are refused: no one types them.
 */
const LOCAL_PART = /^[\w!#$%&'*+\-/=?^`{|}~\P{ASCII}]+(?:\.[\w!#$%&'*+\-/=?^`{|}~\P{ASCII}]+)*$/u;

/** A domain label, ASCII or internationalised (IDN): letters, marks, digits and inner hyphens, at most 63 long. */
const DOMAIN_LABEL = /^(?![-])[\p{L}\p{M}\p{N}-]{1,63}(?<![-])$/u;

/**
 * Tells why a string is not an email address, if it is not one: an RFC 5321/6531-minded check that accepts real
 * addresses (`o'brien@example.com`, `josé@example.com`, `user@bücher.de`, `用户@例子.广告`) and refuses what cannot be
 * one. The value is checked exactly as given (not trimmed).
 *
 * @returns The reason (`it has more than one @`), or `undefined` when the address is fine.
 */
function emailReason(value: string): string | undefined {
  if (value.length > MAX_EMAIL_LENGTH) return `it is longer than ${MAX_EMAIL_LENGTH} characters`;
  if (FORBIDDEN_IN_EMAIL.test(value)) return 'it contains a space, line break or control character';
  const at = value.indexOf('@');
  if (at === -1) return 'it has no @';
  if (value.indexOf('@', at + 1) !== -1) return 'it has more than one @';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local === '') return 'the part before the @ is missing';
  if (domain === '') return 'the domain after the @ is missing';
  if (local.length > MAX_EMAIL_LOCAL_PART_LENGTH) {
    return `the part before the @ is longer than ${MAX_EMAIL_LOCAL_PART_LENGTH} characters`;
  }
  if (!LOCAL_PART.test(local)) {
    return 'the part before the @ has a character an address cannot have there ((),:;<>[]\\" or a leading, trailing or double dot)';
  }
  const labels = domain.split('.');
  if (labels.length < 2) return 'the domain after the @ needs a dot, as in example.com';
  if (!labels.every((label) => DOMAIN_LABEL.test(label)) || /^\p{N}+$/u.test(labels[labels.length - 1] ?? '')) {
    return 'the domain after the @ is not a domain name (parts of letters, digits and inner hyphens between single dots, e.g. example.com or bücher.de)';
  }
  return undefined;
}

/**
 * Tells what is wrong with an email address, if anything, as "problem. fix" (see {@link EmailInputSchema}).
 *
 * @param value The candidate address, exactly as given.
 * @returns The problem and its fix, or `undefined` when the address is fine.
 */
export function emailAddressProblem(value: string): string | undefined {
  const reason = emailReason(value);
  return reason === undefined ? undefined : `${describeValue(value)} is not an email address: ${reason}. ${EMAIL_FIX}`;
}

/**
 * An email address (an attendee's, a guest's, the user's), checked by an RFC 5321/6531-minded rule: Unicode local
 * parts and internationalised domains are fine; spaces, control and bidi characters, a second `@`, a domain without a
 * dot and more than 254 characters are refused. The value is not trimmed.
 */
export const EmailInputSchema = v.pipe(
  v.string((issue) => `expected an email address (a string), got ${describeValue(issue.input)}. ${EMAIL_FIX}`),
  v.maxLength(
    MAX_EMAIL_LENGTH,
    (issue) =>
      `${describeValue(issue.input)} is not an email address: it is longer than ${MAX_EMAIL_LENGTH} characters. ${EMAIL_FIX}`,
  ),
  // An address too long is told once, by the length check (also when a caller does not abort the pipe early).
  v.check(
    (value) => value.length > MAX_EMAIL_LENGTH || emailReason(value) === undefined,
    (issue) => emailAddressProblem(String(issue.input)) ?? EMAIL_FIX,
  ),
);
