/**
 * `pnpm spec:generate`: writes the `*.generated.ts` files of core and testkit (enum facts and the testkit's DTO types)
 * from the vendored OpenAPI document, packages/testkit/spec/v2.openapi.json. `pnpm spec:update` runs it after
 * replacing the document. The rendering lives in `spec-facts/render.ts`; this file reads and writes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSpecFactFiles } from './spec-facts/render';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specFolder = join(repositoryRoot, 'packages', 'testkit', 'spec');
const bytes = readFileSync(join(specFolder, 'v2.openapi.json'));
const provenance = JSON.parse(readFileSync(join(specFolder, 'provenance.json'), 'utf8')) as { sha256?: unknown };
const sha256 = createHash('sha256').update(bytes).digest('hex');
if (provenance.sha256 !== sha256) {
  console.error(
    `pnpm spec:generate: packages/testkit/spec/provenance.json records sha256 ${String(provenance.sha256)}, but ` +
      `v2.openapi.json hashes to ${sha256}. Replace the document with \`pnpm spec:update <file>\` (it rewrites both), ` +
      'or restore packages/testkit/spec/ from git. Nothing was written.',
  );
  process.exit(1);
}
const files = renderSpecFactFiles(JSON.parse(bytes.toString('utf8')), sha256);
for (const [path, text] of Object.entries(files)) {
  const target = join(repositoryRoot, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`Wrote ${path}.`);
}
