import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILES, renderSpecFactFiles } from '../../../../tooling/spec-facts/render';
import { bundledSpecPath } from '../contract/bundled-spec';
import { testkitPackageRoot } from '../contract/package-root';
import { calComSpecProvenance } from '../contract/spec-provenance';

const repositoryRoot = join(testkitPackageRoot(), '..', '..');
const rendered = renderSpecFactFiles(
  JSON.parse(readFileSync(bundledSpecPath(), 'utf8')),
  calComSpecProvenance().sha256,
);

describe('generated spec facts of the testkit', () => {
  it.each([GENERATED_FILES.testkitFacts, GENERATED_FILES.testkitDto])(
    '%s is what `pnpm spec:generate` writes from the vendored document',
    (path) => {
      const committed = readFileSync(join(repositoryRoot, path), 'utf8');
      expect(committed, `${path} drifted from spec/v2.openapi.json: run \`pnpm spec:generate\``).toBe(rendered[path]);
    },
  );

  it("names the document's sha256 from spec/provenance.json in each header", () => {
    const { sha256 } = calComSpecProvenance();
    expect(rendered[GENERATED_FILES.testkitFacts]).toContain(`// ${sha256}\n`);
    expect(rendered[GENERATED_FILES.testkitDto]).toContain(`// ${sha256}\n`);
  });
});
