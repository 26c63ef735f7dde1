import { EmailInputSchema, MAX_NAME_LENGTH, MAX_NOTE_LENGTH, textInputSchema } from '@calcom-int/core/schemas';

/**
 * Email address: core's RFC 5321/6531-minded rule, the same object (Unicode local parts and internationalised domains
 * are fine). The JSON Schema says `string` with `maxLength` only: its `email` format is ASCII-only and `idn-email` is
 * unknown to many validators, so the runner enforces the rule.
 */
export const EmailSchema = EmailInputSchema;

/** A person's name (the attendee's): core's text rule with its name limit. */
export const NameSchema = textInputSchema(MAX_NAME_LENGTH);

/** Notes and reasons written for people: core's text rule with its note limit. */
export const NoteSchema = textInputSchema(MAX_NOTE_LENGTH);
