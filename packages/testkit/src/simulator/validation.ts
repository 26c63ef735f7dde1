import { type ValidationIssue, validationError } from './http-error';
import { isValidTimeZone } from './time-zone';

/** A rule for one property of a request body or query. */
export type FieldRule =
  | { type: 'string' | 'boolean' | 'object' | 'date' | 'email' | 'timeZone' | 'clockTime'; required?: boolean }
  | { type: 'number' | 'integer'; required?: boolean; min?: number; max?: number }
  | { type: 'enum'; required?: boolean; values: readonly (string | number)[] }
  | { type: 'array'; required?: boolean; items?: FieldRule }
  | { type: 'nested'; required?: boolean; shape: Shape }
  | { type: 'nestedArray'; required?: boolean; shape: Shape };

/** Rules keyed by property name. */
export type Shape = Record<string, FieldRule>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkValue(property: string, value: unknown, rule: FieldRule): ValidationIssue | undefined {
  const fail = (name: string, message: string): ValidationIssue => ({
    property,
    value,
    constraints: { [name]: message },
    children: [],
  });
  switch (rule.type) {
    case 'string':
      return typeof value === 'string' ? undefined : fail('isString', `${property} must be a string`);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : fail('isBoolean', `${property} must be a boolean value`);
    case 'object':
      return isPlainObject(value) ? undefined : fail('isObject', `${property} must be an object`);
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : fail('isDateString', `${property} must be a valid ISO 8601 date string`);
    case 'email':
      return typeof value === 'string' && EMAIL.test(value)
        ? undefined
        : fail('isEmail', `${property} must be an email`);
    case 'timeZone':
      return typeof value === 'string' && isValidTimeZone(value)
        ? undefined
        : fail('isTimeZone', `${property} must be a valid IANA time zone, e.g. Europe/Berlin`);
    case 'clockTime':
      return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
        ? undefined
        : fail('matches', `${property} must be a time in HH:MM format`);
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return fail('isNumber', `${property} must be a number conforming to the specified constraints`);
      }
      if (rule.type === 'integer' && !Number.isInteger(value)) {
        return fail('isInt', `${property} must be an integer number`);
      }
      if (rule.min !== undefined && value < rule.min)
        return fail('min', `${property} must not be less than ${rule.min}`);
      if (rule.max !== undefined && value > rule.max) {
        return fail('max', `${property} must not be greater than ${rule.max}`);
      }
      return undefined;
    }
    case 'enum':
      return rule.values.includes(value as string | number)
        ? undefined
        : fail('isEnum', `${property} must be one of the following values: ${rule.values.join(', ')}`);
    case 'array': {
      if (!Array.isArray(value)) return fail('isArray', `${property} must be an array`);
      const item = rule.items;
      if (item === undefined) return undefined;
      const bad = value.map((entry, index) => checkValue(`${property}.${index}`, entry, item)).find(Boolean);
      return bad === undefined ? undefined : { ...bad, property };
    }
    case 'nested': {
      if (!isPlainObject(value)) return fail('isObject', `nested property ${property} must be either object or array`);
      const children = collectIssues(value, rule.shape);
      return children.length === 0 ? undefined : { property, value, children };
    }
    case 'nestedArray': {
      if (!Array.isArray(value)) return fail('isArray', `${property} must be an array`);
      const children: ValidationIssue[] = [];
      value.forEach((entry, index) => {
        const issue = checkValue(String(index), entry, { type: 'nested', shape: rule.shape });
        if (issue !== undefined) children.push(issue);
      });
      return children.length === 0 ? undefined : { property, value, children };
    }
  }
}

function collectIssues(body: Record<string, unknown>, shape: Shape): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [property, rule] of Object.entries(shape)) {
    const value = body[property];
    if (value === undefined) {
      if (rule.required === true) {
        issues.push({
          property,
          constraints: { isDefined: `${property} should not be null or undefined` },
          children: [],
        });
      }
      continue;
    }
    const issue = checkValue(property, value, rule);
    if (issue !== undefined) issues.push(issue);
  }
  return issues;
}

function whitelist(body: Record<string, unknown>, shape: Shape): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [property, rule] of Object.entries(shape)) {
    const value = body[property];
    if (value === undefined) continue;
    if (rule.type === 'nested' && isPlainObject(value)) result[property] = whitelist(value, rule.shape);
    else if (rule.type === 'nestedArray' && Array.isArray(value)) {
      result[property] = value.map((entry) => (isPlainObject(entry) ? whitelist(entry, rule.shape) : entry));
    } else result[property] = value;
  }
  return result;
}

/**
 * Validates a body like Cal.com's global `ValidationPipe` (`whitelist: true`): unknown properties are dropped,
 * failures throw the 400 envelope with `details.errors`.
 *
 * @param body The parsed body.
 * @param shape The rules.
 * @returns The body with only the known properties.
 */
export function validateBody(body: unknown, shape: Shape): Record<string, unknown> {
  const object = isPlainObject(body) ? body : {};
  const issues = collectIssues(object, shape);
  if (issues.length > 0) throw validationError(issues);
  return whitelist(object, shape);
}

/**
 * Validates query parameters; numbers and booleans are converted first (`transform: true`).
 *
 * @param query The query parameters.
 * @param shape The rules (string-typed values of `number`/`integer` rules are converted).
 * @returns The converted known parameters.
 */
export function validateQuery(query: URLSearchParams, shape: Shape): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [property, rule] of Object.entries(shape)) {
    const raw = query.get(property);
    if (raw === null) continue;
    if (rule.type === 'number' || rule.type === 'integer')
      object[property] = raw.trim() === '' ? Number.NaN : Number(raw);
    else if (rule.type === 'array') object[property] = raw.split(',').map((entry) => entry.trim());
    else object[property] = raw;
  }
  return validateBody(object, shape);
}
