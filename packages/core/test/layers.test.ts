import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Core's layers, lowest first (docs/ARCHITECTURE.md "Layers of core"): a file may import from its own layer and the
 * layers below it, never from one above. A path ending in `/` names a folder under `src/`, any other a file.
 */
const LAYERS: readonly (readonly [name: string, paths: readonly string[]])[] = [
  ['generated', ['generated/']],
  ['text', ['text/']],
  ['errors', ['errors/']],
  ['config', ['config/', 'request-options.ts']],
  ['models', ['models/']],
  ['internal', ['internal/']],
  ['resources', ['resources/', 'webhooks/']],
  ['client', ['client-option-checks.ts', 'client-options.ts', 'client.ts', 'index.ts', 'schemas.ts']],
];

const SRC = resolve(import.meta.dirname, '../src');

/**
 * Finds the layer of a file.
 *
 * @param file The path under `src/`, with `/` separators.
 * @returns The layer's index in {@link LAYERS}, or `undefined` when no layer names it.
 */
function layerOf(file: string): number | undefined {
  let found: { index: number; length: number } | undefined;
  LAYERS.forEach(([, paths], index) => {
    for (const path of paths) {
      const matches = path.endsWith('/') ? file.startsWith(path) : file === path;
      // The most specific path wins, so a file named on its own overrides its folder.
      if (matches && (found === undefined || path.length > found.length)) {
        found = { index, length: path.length };
      }
    }
  });
  return found?.index;
}

/**
 * Lists the imports that run up the layers, or from a file no layer names.
 *
 * @param graph Each file (under `src/`) and the files it imports.
 * @returns One line per offending import.
 */
function layerViolations(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const problems: string[] = [];
  for (const [file, imports] of graph) {
    const from = layerOf(file);
    if (from === undefined) {
      problems.push(`${file} is in no layer: add its folder to LAYERS in test/layers.test.ts`);
      continue;
    }
    for (const target of imports) {
      const to = layerOf(target);
      if (to === undefined || to > from) {
        const toName = to === undefined ? 'no layer' : `layer ${LAYERS[to]?.[0]}`;
        problems.push(
          `${file} (layer ${LAYERS[from]?.[0]}) imports ${target} (${toName}): move the shared piece down, or the importer up`,
        );
      }
    }
  }
  return problems;
}

/**
 * Resolves a relative import to a file under `src/`.
 *
 * @param importer The importing file, under `src/`.
 * @param specifier The import specifier.
 * @returns The imported file under `src/`, or `undefined` for a package import.
 */
function resolveImport(importer: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) {
    return undefined;
  }
  const base = join(dirname(join(SRC, importer)), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      readFileSync(candidate);
      return relative(SRC, candidate).split('\\').join('/');
    } catch {
      // Not this one: try the next candidate.
    }
  }
  throw new Error(`${importer} imports ${specifier}, which is no file under src/`);
}

/**
 * Reads the import graph of what ships: every file reachable from the entry points `src/index.ts` and `src/schemas.ts`
 * (tests and test helpers are not).
 *
 * @returns Each file and the files it imports.
 */
function shippedGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = ['index.ts', 'schemas.ts'];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (graph.has(file)) {
      continue;
    }
    const text = readFileSync(join(SRC, file), 'utf8');
    const imports = ts
      .preProcessFile(text, true, true)
      .importedFiles.map((imported) => resolveImport(file, imported.fileName))
      .filter((target): target is string => target !== undefined);
    graph.set(file, imports);
    pending.push(...imports);
  }
  return graph;
}

describe('the layers of core', () => {
  it('has no import running up the layers in what ships', () => {
    const graph = shippedGraph();
    expect(graph.size).toBeGreaterThan(50);
    expect(layerViolations(graph)).toEqual([]);
  });

  it('places every folder and root file of src/ in a layer', () => {
    const unplaced = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || !entry.name.endsWith('.test.ts'))
      .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
      .filter((path) => layerOf(path.endsWith('/') ? `${path}x.ts` : path) === undefined);
    expect(unplaced).toEqual([]);
  });

  it('reports an import from a lower layer to a higher one, and a file in no layer', () => {
    const graph = new Map([
      ['errors/api-error.ts', ['internal/response.ts', 'text/excerpt.ts', 'errors/calcom-error.ts']],
      ['text/redact.ts', ['text/excerpt.ts']],
      ['text/excerpt.ts', ['internal/logger.ts']],
      ['models/id/id.ts', ['extras/thing.ts']],
      ['extras/thing.ts', []],
    ]);
    expect(layerViolations(graph)).toEqual([
      'errors/api-error.ts (layer errors) imports internal/response.ts (layer internal): move the shared piece down, or the importer up',
      'text/excerpt.ts (layer text) imports internal/logger.ts (layer internal): move the shared piece down, or the importer up',
      'models/id/id.ts (layer models) imports extras/thing.ts (no layer): move the shared piece down, or the importer up',
      'extras/thing.ts is in no layer: add its folder to LAYERS in test/layers.test.ts',
    ]);
  });
});
