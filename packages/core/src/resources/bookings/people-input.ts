import { MAX_NAME_LENGTH, textInputSchema } from '../../models/input';
import { invalidField } from '../common/validate';

// What the attendee, guest, location and no-show params of one booking share.

/** A person's name: 1 to 255 characters. */
export const nameSchema = textInputSchema(MAX_NAME_LENGTH);

/** Refuses keys the caller may have misspelt, naming the ones allowed. */
export function refuseUnknownKeys(value: object, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw invalidField(
        path === '' ? key : `${path}.${key}`,
        'is not a field Cal.com takes here',
        `Use only ${allowed.join(', ')}.`,
      );
    }
  }
}

/** An email address as compared: case-insensitively. */
export const lower = (email: string): string => email.toLowerCase();
