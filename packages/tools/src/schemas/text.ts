import * as v from 'valibot';

/** Longest address: RFC 5321's 256-octet path less its angle brackets. */
export const MAX_EMAIL_LENGTH = 254;

/** Longest local part, before the `@` (RFC 5321 §4.5.3.1.1). */
const MAX_LOCAL_PART_LENGTH = 64;

/** What every refusal of an address starts with. */
const EMAIL_EXPECTED = 'must be a valid email address such as jane@example.com';

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
 * Tells what is wrong with an email address, if anything: an RFC 5321/6531-minded check that accepts real addresses
 * (`o'brien@example.com`, `josé@example.com`, `user@bücher.de`, `用户@例子.广告`) and refuses what cannot be one.
 *
 * @param value The candidate address, exactly as given (not trimmed).
 * @returns What is wrong and how to fix it, or `undefined` when the address is fine.
 */
export function emailAddressProblem(value: string): string | undefined {
  if (value.length > MAX_EMAIL_LENGTH) return `must be at most ${MAX_EMAIL_LENGTH} characters`;
  if (FORBIDDEN_IN_EMAIL.test(value)) {
    return `${EMAIL_EXPECTED}: it contains a space, line break or control character; pass the bare address (no name, no <>)`;
  }
  const at = value.indexOf('@');
  if (at === -1) return EMAIL_EXPECTED;
  if (value.indexOf('@', at + 1) !== -1) return `${EMAIL_EXPECTED}: it has more than one @; pass a single address`;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local === '') return `${EMAIL_EXPECTED}: the part before the @ is missing`;
  if (domain === '') return `${EMAIL_EXPECTED}: the domain after the @ is missing`;
  if (local.length > MAX_LOCAL_PART_LENGTH) {
    return `${EMAIL_EXPECTED}: the part before the @ is longer than ${MAX_LOCAL_PART_LENGTH} characters`;
  }
  if (!LOCAL_PART.test(local)) {
    return `${EMAIL_EXPECTED}: the part before the @ has a character an address cannot have there ((),:;<>[]\\" or a leading, trailing or double dot)`;
  }
  const labels = domain.split('.');
  if (labels.length < 2) return `${EMAIL_EXPECTED}: the domain after the @ needs a dot, as in example.com`;
  if (!labels.every((label) => DOMAIN_LABEL.test(label)) || /^\p{N}+$/u.test(labels[labels.length - 1] ?? '')) {
    return `${EMAIL_EXPECTED}: the domain after the @ is not a domain name (parts of letters, digits and inner hyphens between single dots, e.g. example.com or bücher.de)`;
  }
  return undefined;
}

/**
 * Email address, checked by {@link emailAddressProblem}: Unicode local parts and internationalised domains are fine.
 * The JSON Schema says `string` with `maxLength` only: its `email` format is ASCII-only and `idn-email` is unknown to
 * many validators, so the runner enforces the rule.
 */
export const EmailSchema = v.pipe(
  v.string('must be a string: an email address'),
  v.maxLength(MAX_EMAIL_LENGTH, `must be at most ${MAX_EMAIL_LENGTH} characters`),
  v.check(
    (value) => value.length > MAX_EMAIL_LENGTH || emailAddressProblem(value) === undefined,
    (issue) => emailAddressProblem(String(issue.input)) ?? EMAIL_EXPECTED,
  ),
);

/**
 * Free text with a length limit.
 *
 * @param maxLength The maximum length.
 * @param what What the text is, for the error message.
 * @returns The text schema.
 */
export function textSchema(maxLength: number, what: string) {
  return v.pipe(
    v.string(`must be a string: ${what}`),
    v.minLength(1, `must not be empty; leave it out instead`),
    // The client trims text and refuses what is left empty, naming its own field: refuse it here, under ours.
    v.check((value) => value === '' || value.trim() !== '', 'must not be blank (only spaces); leave it out instead'),
    v.maxLength(maxLength, `must be at most ${maxLength} characters; shorten ${what}`),
  );
}
