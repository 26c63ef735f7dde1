import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScenarioOutput } from './scenarios';
import { median } from './stats';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES_DIR = fileURLToPath(new URL('../../../packages/', import.meta.url));

/** Fresh processes per measured import; their median is kept. */
const RUNS = 15;

/** One cold start: `node -e <code>` in `cwd`. */
interface Probe {
  readonly label: string;
  readonly code: string;
  readonly cwd: string;
}

const importOf = (specifier: string, cwd = BENCH_DIR, label = specifier): Probe => ({
  label,
  code: `import(${JSON.stringify(specifier)})`,
  cwd,
});

/** A runtime dependency's import path: the package itself, or the subpath the package imports. */
const SUBPATHS: Readonly<Record<string, string>> = {
  '@modelcontextprotocol/sdk': '@modelcontextprotocol/sdk/server/mcp.js',
};

/**
 * Tells whether a package's built ESM files load a dependency (`import … from`, `import()`, or a `require` made with
 * `createRequire`): core bundles valibot and keeps it as a dependency only for its types, so valibot's own import
 * time is not core's.
 *
 * @param directory The package folder.
 * @param dependency The dependency's name.
 * @returns Whether some file of `dist/` names it as a module to load.
 */
function loadedByDist(directory: string, dependency: string): boolean {
  const escaped = dependency.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const specifier = new RegExp(`(?:from\\s*|import\\(\\s*|require\\(\\s*|\\)\\(\\s*)["']${escaped}(?:/[^"']*)?["']`);
  return readdirSync(`${directory}/dist`)
    .filter((file) => file.endsWith('.js'))
    .some((file) => specifier.test(readFileSync(`${directory}/dist/${file}`, 'utf8')));
}

/**
 * The runtime dependencies of a workspace package that its build loads (workspace packages and bundled ones left out),
 * each imported from the package's folder so that pnpm resolves it as the package does.
 *
 * @param name The folder under packages/.
 * @param extra Optional peers the package's adapters load.
 * @returns One probe per dependency.
 */
function dependencyProbes(name: string, extra: readonly string[] = []): Probe[] {
  const directory = `${PACKAGES_DIR}${name}`;
  const manifest = JSON.parse(readFileSync(`${directory}/package.json`, 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const dependencies = Object.entries(manifest.dependencies ?? {})
    .filter(([dependency, range]) => !range.startsWith('workspace:') && loadedByDist(directory, dependency))
    .map(([dependency]) => dependency);
  return [...dependencies, ...extra].map((dependency) =>
    importOf(SUBPATHS[dependency] ?? dependency, directory, `${dependency} (from ${name})`),
  );
}

/**
 * Wall time of one fresh `node -e` process, in milliseconds.
 *
 * @param probe The code and working directory.
 * @returns The milliseconds from spawn to exit.
 */
function coldStart(probe: Probe): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-e', probe.code], { cwd: probe.cwd, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`node -e ${probe.code} failed in ${probe.cwd}: ${result.stderr}`);
  return elapsed;
}

/**
 * Cold import times: the median of {@link RUNS} fresh `node -e "import(…)"` processes minus the median of `node -e 0`,
 * the probes interleaved in every run. Also times each runtime dependency of core and tools alone (the top
 * contributors).
 *
 * @returns Milliseconds over `node -e 0` per probe label, `node -e 0` itself as `baseline`, and the contributors.
 */
export async function measureImportTimes(): Promise<ScenarioOutput> {
  const baseline: Probe = { label: 'baseline', code: '0', cwd: BENCH_DIR };
  const targets: Probe[] = [
    importOf('@calcom-int/core'),
    importOf('@calcom-int/tools'),
    importOf('@calcom-int/tools/mcp'),
    {
      label: '@calcom-int/tools/mcp + createMcpServer',
      code: "import('@calcom-int/tools/mcp').then((mcp) => mcp.createMcpServer({ client: {} }))",
      cwd: BENCH_DIR,
    },
    importOf('openapi-fetch'),
    importOf('ofetch'),
  ];
  const contributors = [...dependencyProbes('core'), ...dependencyProbes('tools', ['@modelcontextprotocol/sdk'])];
  const probes = [baseline, ...targets, ...contributors];
  const samples = new Map<string, number[]>(probes.map((probe) => [probe.label, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const probe of probes) samples.get(probe.label)?.push(coldStart(probe));
  }
  const base = median(samples.get('baseline') ?? []);
  const over = (label: string) => median(samples.get(label) ?? []) - base;
  const metrics: Record<string, number> = { baseline: base };
  for (const probe of [...targets, ...contributors]) metrics[probe.label] = over(probe.label);
  const top = contributors
    .map((probe) => [probe.label, over(probe.label)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([label, ms]) => `${label} +${ms.toFixed(0)} ms`);
  return {
    metrics,
    details: [
      `cold import, median of ${RUNS} processes over node -e 0 (${base.toFixed(0)} ms): ` +
        targets.map((probe) => `${probe.label} +${over(probe.label).toFixed(0)} ms`).join(', '),
      `cold import of each runtime dependency alone, top 5: ${top.join(', ')}`,
    ],
  };
}
