import { redact } from '../text/redact';
import { isRecord, type ParsedErrorBody } from './error-body';
import type { ValidationIssue } from './validation-error';

/**
 * Extracts field issues from class-validator `details.errors`, Nest's message array or a ZodError message.
 *
 * @returns The issues; one whole-input issue when nothing more specific is known.
 */
export function extractIssues(body: ParsedErrorBody): ValidationIssue[] {
  const details = body.details;
  if (isRecord(details) && Array.isArray(details.errors)) {
    const issues = details.errors.flatMap((error) => classValidatorIssues(error, ''));
    if (issues.length > 0) {
      return issues;
    }
  }
  if (isRecord(details) && Array.isArray(details.message)) {
    return details.message
      .filter((item): item is string => typeof item === 'string')
      .map((message) => ({ path: firstWordPath(message), message }));
  }
  const message = body.message;
  if (message === undefined) {
    return [];
  }
  if (/^[\w.[\]]+ - /.test(message)) {
    return message.split(/,\s*(?=[\w.[\]]+ - )/).map((part) => {
      const separator = part.indexOf(' - ');
      return { path: part.slice(0, separator), message: part.slice(separator + 3).trim() };
    });
  }
  return [{ path: '', message }];
}

/**
 * Guesses the field of a Nest validation message such as "start must be a valid ISO 8601 date string".
 *
 * @returns The first word when it looks like a property path, else an empty path.
 */
function firstWordPath(message: string): string {
  const word = /^([\w.[\]]+) /.exec(message)?.[1];
  return word !== undefined && /[a-z]/.test(word.charAt(0)) ? word : '';
}

/** Flattens one class-validator `ValidationError` (with children) into issues. */
function classValidatorIssues(error: unknown, parent: string): ValidationIssue[] {
  if (!isRecord(error)) {
    return [];
  }
  const property = typeof error.property === 'string' ? error.property : '';
  const path = parent === '' ? property : `${parent}.${property}`;
  const own = isRecord(error.constraints)
    ? Object.values(error.constraints)
        .filter((message): message is string => typeof message === 'string')
        .map((message) => ({ path, message: redact(message) }))
    : [];
  const children = Array.isArray(error.children)
    ? error.children.flatMap((child) => classValidatorIssues(child, path))
    : [];
  return [...own, ...children];
}
