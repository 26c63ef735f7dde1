import { CONTRACT_TEST_PATCHES } from './contract-test-patches';
import type { OpenApiDocument } from './openapi-document';
import { SPEC_GAP_PATCHES } from './spec-gap-patches';
import type { MutableDocument, SpecException, SpecPatch } from './spec-patch';

/**
 * Every known typing gap of Cal.com's OpenAPI document with its correction: first the spec gaps of docs/CALCOM-API.md
 * §9.8, then the generator artifacts the contract tests found (§9.10). Nothing else in the document is relaxed or
 * changed.
 */
const SPEC_PATCHES: readonly SpecPatch[] = [...SPEC_GAP_PATCHES, ...CONTRACT_TEST_PATCHES];

/**
 * The corrections the contract validator applies to Cal.com's OpenAPI document, so that users see exactly what is
 * relaxed (or, for `event-type-id-path-param`, tightened) relative to the official document.
 */
export const CALCOM_SPEC_EXCEPTIONS: readonly SpecException[] = SPEC_PATCHES.map(
  ({ apply: _apply, ...exception }) => exception,
);

/**
 * Applies every spec exception to a copy of the document; the input is not changed.
 *
 * @param document Cal.com's OpenAPI document.
 * @returns The corrected copy.
 * @throws An `Error` naming the exception whose target is missing (a different document version).
 */
export function applySpecExceptions(document: OpenApiDocument): OpenApiDocument {
  const copy: MutableDocument = {
    paths: { ...(document.paths as Record<string, Record<string, unknown>>) },
    components: { schemas: { ...(document.components?.schemas as Record<string, Record<string, unknown>>) } },
  };
  for (const patch of SPEC_PATCHES) {
    try {
      patch.apply(copy);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const file = patch.source === 'spec-gaps' ? 'spec-gap-patches.ts' : 'contract-test-patches.ts';
      throw new Error(
        `Spec exception "${patch.id}" (${patch.reference}) cannot be applied to ${patch.target}: ${reason}. ` +
          `The OpenAPI document differs from the one the exceptions were written for; update ${file}.`,
      );
    }
  }
  return { ...document, paths: copy.paths, components: { ...document.components, schemas: copy.components.schemas } };
}
