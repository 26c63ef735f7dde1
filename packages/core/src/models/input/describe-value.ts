/**
 * Describes a value for an error message without echoing long input: strings are quoted (control characters escaped),
 * lists shown as JSON (`[]`, `["a",1]`: `String` would give an empty or bare text), a plain object as `an object` (its
 * content is not echoed: it may hold anything, a key included), anything longer than 60 characters is cut. Never throws,
 * also for objects without a prototype.
 */
export function describeValue(value: unknown): string {
  const text =
    typeof value === 'string'
      ? JSON.stringify(value)
      : Array.isArray(value)
        ? listText(value)
        : isPlainObject(value)
          ? 'an object'
          : safeString(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `String(value)`, or the value's type tag when it cannot be converted (`Object.create(null)`, a throwing `toString`). */
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A list as JSON, or as `String` gives it when it cannot be serialised (a cycle, a BigInt). */
function listText(value: readonly unknown[]): string {
  try {
    return JSON.stringify(value);
  } catch {
    return safeString(value);
  }
}

/** Whether a value is a plain object (`{…}` or `Object.create(null)`), whose `String` is `[object Object]`. */
function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
