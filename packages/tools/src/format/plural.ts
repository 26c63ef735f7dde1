/**
 * Counts things in words: `1 booking`, `3 bookings`.
 *
 * @param count How many.
 * @param singular The singular noun.
 * @param pluralForm The plural noun; the singular plus `s` by default.
 * @returns The count and noun.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
