/**
 * Creates a deterministic pseudo-random generator (mulberry32).
 *
 * @param seed The seed.
 * @returns A function returning numbers in [0, 1).
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Generates a uid like Cal.com's (22 base-62 characters).
 *
 * @param random The generator.
 * @returns The uid.
 */
export function generateUid(random: () => number): string {
  let uid = '';
  for (let index = 0; index < 22; index += 1) uid += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'a';
  return uid;
}
