// Counts the root exports of @calcom-int/core from its build: the runtime values (`Object.keys` of the ESM entry)
// and every export name in `dist/index.d.ts` (values and types). Run after `pnpm turbo run build --filter=@calcom-int/core`.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'core', 'dist');
const runtime = Object.keys(await import(pathToFileURL(join(dist, 'index.js')).href));
const declarations = await readFile(join(dist, 'index.d.ts'), 'utf8');
const names = new Set();
for (const match of declarations.matchAll(/^export \{([^}]*)\};?$/gm)) {
  for (const part of match[1].split(',')) {
    const name = part
      .trim()
      .replace(/^type\s+/, '')
      .split(/\s+as\s+/)
      .at(-1)
      ?.trim();
    if (name) names.add(name);
  }
}
console.log(`runtime exports: ${runtime.length}`);
console.log(`exported names (values and types, dist/index.d.ts): ${names.size}`);
console.log(`type-only exports: ${names.size - runtime.length}`);
