import { excerptOf } from '../text/excerpt';
import { redact } from '../text/redact';
import { parseJsonSafely } from '../text/safe-json';

/** The parts of an error body that calcom-int reads. */
export interface ParsedErrorBody {
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly details: unknown;
  readonly excerpt: string | undefined;
}

/**
 * Reads an error body of either shape (`{status:"error", error:{code, message, details}}` and Nest's bare
 * `{statusCode, message}`); non-JSON bodies give a redacted excerpt instead.
 */
export function parseErrorBody(text: string): ParsedErrorBody {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { code: undefined, message: undefined, details: undefined, excerpt: undefined };
  }
  // Too deep, out-of-range numbers and prototype keys are refused or dropped as in success bodies: the details are
  // walked recursively later (issues, redaction, toJSON).
  const result = parseJsonSafely(trimmed);
  if (!result.ok) {
    return { code: undefined, message: undefined, details: undefined, excerpt: excerptOf(trimmed) };
  }
  const parsed = result.value;
  if (!isRecord(parsed)) {
    return { code: undefined, message: undefined, details: undefined, excerpt: excerptOf(trimmed) };
  }
  const error = parsed.error;
  if (isRecord(error)) {
    return {
      code: typeof error.code === 'string' ? error.code : undefined,
      message: messageOf(error.message) ?? messageOf(parsed.message),
      details: error.details,
      excerpt: undefined,
    };
  }
  return {
    code: typeof error === 'string' ? error.replace(/\s+/g, '') : undefined,
    message: messageOf(parsed.message),
    details: Array.isArray(parsed.message) ? { message: parsed.message } : undefined,
    excerpt: messageOf(parsed.message) === undefined ? excerptOf(trimmed) : undefined,
  };
}

/** Turns a message field (a string or Nest's string array) into one string. */
function messageOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') {
    return redact(value);
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return redact(value.join('; '));
  }
  return undefined;
}

/** Tells whether a value is a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
