import type { ErrorObject } from 'ajv';

/**
 * Turns ajv's errors into readable lines: where (`response body /data/0/start`), what is wrong, and the allowed
 * values or offending property when ajv reports them.
 *
 * @param location The part of the message being checked, e.g. `response body` or `query parameter status`.
 * @param errors The errors of one validation.
 * @returns One line per error.
 */
export function formatSchemaErrors(location: string, errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? location : `${location} ${error.instancePath}`;
    return `${where} ${error.message ?? 'is invalid'}${describeParams(error)}`;
  });
}

/**
 * Adds the detail ajv keeps in `params` for the keywords where the message alone is vague.
 *
 * @param error One ajv error.
 * @returns The detail in parentheses, or an empty string.
 */
function describeParams(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return ` (allowed: ${JSON.stringify(params.allowedValues)})`;
    case 'const':
      return ` (expected: ${JSON.stringify(params.allowedValue)})`;
    case 'additionalProperties':
      return ` (unexpected property "${String(params.additionalProperty)}")`;
    case 'propertyNames':
      return ` (property "${String(params.propertyName)}")`;
    default:
      return '';
  }
}
