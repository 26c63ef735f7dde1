import * as v from 'valibot';
import { checkTimeZone } from '../time';
import { describeValue } from './describe-value';

/** The canonicalising step of {@link TimeZoneInputSchema}: core's `checkTimeZone`, as a valibot transformation. */
const canonicalZone = v.rawTransform<string, string>(({ dataset, addIssue, NEVER }) => {
  const check = checkTimeZone(dataset.value);
  if (check.ok) return check.timeZone;
  addIssue({ message: `${check.problem}. ${check.fix}` });
  return NEVER;
});

/** The message of a time zone that is not a string. */
function notAString(issue: { readonly input: unknown }): string {
  return `expected an IANA time zone (a string), got ${describeValue(issue.input)}. Pass a name like Europe/Rome, America/New_York or UTC.`;
}

/**
 * An IANA time zone under calcom-int's one rule (`checkTimeZone`), turned into its canonical name
 * (`america/new_york` → `America/New_York`, `US/Eastern` → `America/New_York`). Abbreviations (`CET`), `GMT`, offsets
 * (`+01:00`, `Etc/GMT+5`) and unknown names are refused saying why, with "Did you mean America/New_York?" for near
 * misses.
 */
export const TimeZoneInputSchema = v.pipe(v.string(notAString), canonicalZone);

/**
 * {@link TimeZoneInputSchema} with a description for a JSON Schema (which describes an input up to its first
 * transformation, so the description must come before the canonicalising step). Same rule, same messages.
 *
 * @param description What the field is.
 * @returns The schema.
 */
export function describedTimeZoneInputSchema(description: string) {
  return v.pipe(v.string(notAString), v.description(description), canonicalZone);
}
