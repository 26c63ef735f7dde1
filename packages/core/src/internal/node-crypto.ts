import { createRequire } from 'node:module';

/** `node:crypto`, once loaded. */
let loaded: typeof import('node:crypto') | undefined;

/**
 * Loads `node:crypto` on first use. An ESM `import … from 'node:crypto'` builds the module's whole namespace at load
 * (WebCrypto, key generation, streams: about 9 ms of CPU), though the client only hashes a rate-limit key and checks
 * webhook signatures, and only when asked to; `require` hands back the module without that. See docs/BENCHMARKS.md
 * (cold import).
 *
 * @returns The `node:crypto` module.
 */
export function nodeCrypto(): typeof import('node:crypto') {
  loaded ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return loaded;
}
