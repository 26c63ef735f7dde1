import * as v from 'valibot';

/** Email address. */
export const EmailSchema = v.pipe(
  v.string('must be a string: an email address'),
  v.email('must be a valid email address such as jane@example.com'),
  v.maxLength(254, 'must be at most 254 characters'),
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
    v.maxLength(maxLength, `must be at most ${maxLength} characters; shorten ${what}`),
  );
}
