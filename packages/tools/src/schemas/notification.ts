import * as v from 'valibot';

/** What the tools say about Cal.com's emails: the API has no switch for them. */
export const EMAILS_ARE_AUTOMATIC =
  'Cal.com sends the emails itself and the API has no switch to suppress them; the value is accepted and reported back, nothing else.';

/**
 * The `send_confirmation` / `send_notification` flag: accepted and reported, never faked.
 *
 * @param what What the email is.
 * @returns The flag schema.
 */
export function emailFlagSchema(what: string) {
  return v.optional(
    v.pipe(v.boolean('must be true or false'), v.description(`Whether you want ${what} sent. ${EMAILS_ARE_AUTOMATIC}`)),
  );
}

/**
 * Describes what happened to a requested email flag.
 *
 * @param requested The flag the caller passed.
 * @param what What the email is.
 * @returns One sentence for the result text.
 */
export function describeEmailFlag(requested: boolean | undefined, what: string): string {
  if (requested === false) {
    return `You asked not to send ${what}, but Cal.com sends ${what} on its own; its API has no switch to turn that off.`;
  }
  return `Cal.com sends ${what} on its own.`;
}
