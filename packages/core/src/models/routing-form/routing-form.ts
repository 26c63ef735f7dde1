import * as v from 'valibot';
import { IdSchema } from '../id';
import { describeValue } from '../input/describe-value';
import { MAX_NAME_LENGTH, MAX_NOTE_LENGTH } from '../input/limits';
import { SlotsDtoSchema } from '../slot';

/** One answer of a routing form: text, a number, or the chosen options of a multiselect (ids or labels). */
export type RoutingFormAnswer = string | number | readonly string[];

/** A routing form's answers keyed by field identifier (the field's label when it has no identifier). */
export type RoutingFormResponses = Readonly<Record<string, RoutingFormAnswer>>;

/** The most answers one call sends. */
export const MAX_ROUTING_FORM_ANSWERS = 100;

const ANSWER_FIX =
  'Pass text, a number, or a list of option ids or labels for a multiselect (e.g. { "topic": "Sales", "company-size": 50 }).';

const BLANK_ANSWER = 'is empty or blank. Leave an unanswered question out.';

/**
 * One answer: text (not blank), a finite number, or a non-empty list of option ids or labels without commas (Cal.com
 * reads the answers as form values, so a list is joined with commas and split again; docs/CALCOM-API.md §7.10).
 */
const AnswerInputSchema = v.union(
  [
    v.pipe(
      v.string(),
      v.minLength(1, BLANK_ANSWER),
      v.check((value) => value.trim() !== '', BLANK_ANSWER),
      v.maxLength(
        MAX_NOTE_LENGTH,
        (issue) =>
          `is ${(issue.input as string).length} characters long. Shorten it to at most ${MAX_NOTE_LENGTH} characters.`,
      ),
    ),
    v.pipe(
      v.number(),
      v.check(
        (value: number) => Number.isFinite(value),
        (issue) => `expected a finite number, got ${describeValue(issue.input)}. ${ANSWER_FIX}`,
      ),
    ),
    v.pipe(
      v.array(
        v.pipe(
          v.string(),
          v.minLength(1, 'is an empty option. Pass an option id or label.'),
          v.check((value) => value.trim() !== '', 'is a blank option. Pass an option id or label.'),
          v.check(
            (value) => !value.includes(','),
            (issue) =>
              `is the option ${describeValue(issue.input)}, which contains a comma; Cal.com splits multiselect answers at commas. Pass the option's id instead.`,
          ),
        ),
      ),
      v.minLength(1, 'is an empty list. Leave an unanswered question out.'),
    ),
  ],
  (issue) =>
    `expected text, a number or a list of strings, got ${describeValue(Array.isArray(issue.input) ? JSON.stringify(issue.input) : issue.input)}. ${ANSWER_FIX}`,
);

/** Why a field identifier cannot be sent, or `undefined` (`form` and `cal.`-prefixed names are Cal.com's own). */
function identifierProblem(key: string): string | undefined {
  if (key.trim() === '')
    return 'an answer has an empty field identifier. Use the identifier of one of the form’s fields.';
  if (key.length > MAX_NAME_LENGTH) return `a field identifier is longer than ${MAX_NAME_LENGTH} characters.`;
  if (key === 'form' || key.startsWith('cal.')) {
    return `the field identifier ${describeValue(key)} is reserved by Cal.com's router (form, cal.*), so Cal.com would not read it as an answer. Rename the form field's identifier.`;
  }
  return undefined;
}

/**
 * A routing form's answers (`responses`): an object of field identifier → text, number or list of option ids or
 * labels; at most {@link MAX_ROUTING_FORM_ANSWERS} answers.
 */
export const RoutingFormResponsesInputSchema = v.pipe(
  v.record(
    v.string(),
    AnswerInputSchema,
    (issue) =>
      `expected an object of answers keyed by field identifier, got ${describeValue(issue.input)}. ${ANSWER_FIX}`,
  ),
  v.check(
    (responses) => Object.keys(responses).every((key) => identifierProblem(key) === undefined),
    (issue) => {
      const keys = Object.keys(issue.input as Record<string, unknown>);
      return keys.map(identifierProblem).find((problem) => problem !== undefined) ?? 'is invalid';
    },
  ),
  v.check(
    (responses) => Object.keys(responses).length <= MAX_ROUTING_FORM_ANSWERS,
    `has more than ${MAX_ROUTING_FORM_ANSWERS} answers. Send only the questions the form asks.`,
  ),
);

/**
 * The answers as Cal.com's router reads them: each a string, a number in decimal, a list joined with commas.
 *
 * @param responses The checked answers.
 * @returns The request body.
 */
export function routingFormBody(responses: RoutingFormResponses): Record<string, string> {
  return Object.fromEntries(
    Object.entries(responses).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : typeof value === 'number' ? String(value) : value.join(','),
    ]),
  );
}

/** `data` of `POST /v2/routing-forms/{routingFormId}/calculate-slots` (`ResponseSlotsOutputData`). */
export const RoutedSlotsDtoSchema = v.object({
  eventTypeId: IdSchema,
  slots: SlotsDtoSchema,
});
