import * as crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from './node-crypto';

describe('nodeCrypto', () => {
  it('loads node:crypto on first use and hands back the same module every time', () => {
    const loaded = nodeCrypto();
    expect(loaded.createHash).toBe(crypto.createHash);
    expect(loaded.timingSafeEqual).toBe(crypto.timingSafeEqual);
    expect(nodeCrypto()).toBe(loaded);
  });
});
