import * as v from 'valibot';
import { describeValue } from './describe-value';
import { MAX_METADATA_KEY_LENGTH, MAX_METADATA_KEYS, MAX_METADATA_VALUE_LENGTH } from './limits';

const VALUE_PROBLEM = (issue: { readonly input: unknown }) =>
  `${describeValue(issue.input)} is not a string of at most ${MAX_METADATA_VALUE_LENGTH} characters, a number or a boolean. Shorten or convert the value.`;

/**
 * A booking's `metadata`: an object of at most 50 keys of at most 40 characters, each value a string of at most 500
 * characters, a number or a boolean (Cal.com's documented limits). A key or value refused is named by its key. Like
 * every `v.record`, it reads a list as an object keyed by index: callers refuse lists first (the client's
 * `requireObject`, the tools' runner), so that the schema stays convertible to JSON Schema.
 */
export const MetadataInputSchema = v.pipe(
  v.record(
    v.pipe(
      v.string(),
      v.maxLength(
        MAX_METADATA_KEY_LENGTH,
        (issue) =>
          `the key is ${issue.input.length} characters long. Use keys of at most ${MAX_METADATA_KEY_LENGTH} characters.`,
      ),
    ),
    v.union(
      [v.pipe(v.string(), v.maxLength(MAX_METADATA_VALUE_LENGTH, VALUE_PROBLEM)), v.number(), v.boolean()],
      VALUE_PROBLEM,
    ),
    (issue) => `expected an object, got ${describeValue(issue.input)}. Pass an object of keys and values.`,
  ),
  v.check(
    (metadata) => Object.keys(metadata).length <= MAX_METADATA_KEYS,
    (issue) => `has ${Object.keys(issue.input).length} keys. Keep at most ${MAX_METADATA_KEYS} keys.`,
  ),
);
