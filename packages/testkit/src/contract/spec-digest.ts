import { createHash } from 'node:crypto';

/** What identifies a file's exact bytes. */
export interface SpecDigest {
  /** The size in bytes. */
  readonly bytes: number;
  /** The SHA-256 of the bytes, lowercase hex. */
  readonly sha256: string;
  /** The git blob id of the bytes (`git hash-object`), lowercase hex: the same id the file has in any git repository. */
  readonly gitBlob: string;
}

/**
 * Computes the size, SHA-256 and git blob id of a file's bytes.
 *
 * @param content The file's bytes exactly as stored.
 * @returns The digest.
 */
export function digestOf(content: Uint8Array): SpecDigest {
  const gitBlob = createHash('sha1').update(`blob ${content.byteLength}\0`).update(content).digest('hex');
  return {
    bytes: content.byteLength,
    sha256: createHash('sha256').update(content).digest('hex'),
    gitBlob,
  };
}
