import { checkTimeZone } from '@calcom-int/core';
import * as v from 'valibot';

/**
 * Checks that a string names a time zone under calcom-int's one rule (core's `checkTimeZone`): an IANA name in any case
 * (`Europe/Rome`, `america/new_york`, `UTC`) or a legacy link (`US/Eastern`).
 *
 * @param value The candidate zone.
 * @returns Whether the zone is accepted.
 */
export function isIanaTimeZone(value: string): boolean {
  return checkTimeZone(value).ok;
}

/** Checks a time zone under core's rule and turns it into its canonical IANA name, or adds the problem and its fix. */
const canonicalZone = v.rawTransform<string, string>(({ dataset, addIssue, NEVER }) => {
  const check = checkTimeZone(dataset.value);
  if (check.ok) return check.timeZone;
  addIssue({ message: `${check.problem}. ${check.fix}` });
  return NEVER;
});

/**
 * IANA time zone, checked and canonicalised by core's `checkTimeZone` (`america/new_york` → `America/New_York`,
 * `US/Eastern` → `America/New_York`). Refusals say what is wrong and how to fix it: abbreviations (`CET`), `GMT`,
 * offsets (`+01:00`, `Etc/GMT+5`) and unknown names, with "Did you mean America/New_York?" for near misses.
 */
export const TimeZoneSchema = v.pipe(
  v.string('must be a string: an IANA time zone such as Europe/Rome'),
  canonicalZone,
);

/**
 * {@link TimeZoneSchema} with a description for the tool's JSON Schema (the description must come before the
 * canonicalising transform: the JSON Schema of a tool input describes the input, up to its first transform).
 *
 * @param description What the field is, for the model.
 * @returns The schema.
 */
export function timeZoneSchema(description: string) {
  return v.pipe(
    v.string('must be a string: an IANA time zone such as Europe/Rome'),
    v.description(description),
    canonicalZone,
  );
}
