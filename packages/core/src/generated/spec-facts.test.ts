import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calComSpecProvenance, loadCalComSpec } from '@calcom-int/testkit/contract';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILES, renderSpecFactFiles } from '../../../../tooling/spec-facts/render';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

describe('generated spec facts of core', () => {
  it('src/generated/spec-facts.generated.ts is what `pnpm spec:generate` writes from the vendored document', () => {
    // The copy shipped with the testkit, whatever CAL_COM_OPENAPI_PATH says.
    const rendered = renderSpecFactFiles(loadCalComSpec(undefined, { env: {} }), calComSpecProvenance().sha256);
    const path = GENERATED_FILES.coreFacts;
    const committed = readFileSync(join(repositoryRoot, path), 'utf8');
    expect(committed, `${path} drifted from the vendored OpenAPI document: run \`pnpm spec:generate\``).toBe(
      rendered[path],
    );
  });
});
