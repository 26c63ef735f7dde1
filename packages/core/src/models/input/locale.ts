import * as v from 'valibot';
import { CAL_COM_LOCALES } from '../user';
import { describeValue } from './describe-value';

/** One of Cal.com's locales (an attendee's language, a user's locale), from Cal.com's OpenAPI document. */
export const LocaleInputSchema = v.picklist(
  CAL_COM_LOCALES,
  (issue) =>
    `${describeValue(issue.input)} is not a locale Cal.com supports. Use one of ${CAL_COM_LOCALES.join(', ')}.`,
);
