import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Coverage percentages of one package's last unit run. */
export interface PackageCoverage {
  /** The package folder name (`core`, `tools`, `testkit`). */
  packageName: string;
  /** Line coverage in percent. */
  lines: number;
  /** Branch coverage in percent. */
  branches: number;
  /** Function coverage in percent. */
  functions: number;
  /** Statement coverage in percent. */
  statements: number;
}

interface SummaryMetric {
  pct?: unknown;
}

function percentOf(metric: SummaryMetric | undefined): number {
  return typeof metric?.pct === 'number' ? metric.pct : Number.NaN;
}

/**
 * Reads `packages/<name>/coverage/coverage-summary.json` (written by the unit runs' json-summary reporter) for every
 * package that has one.
 *
 * @param packagesDirectory The monorepo's `packages` folder.
 * @returns The totals per package, sorted by name; packages without a summary are left out.
 */
export function readCoverageSummaries(packagesDirectory: string): PackageCoverage[] {
  if (!existsSync(packagesDirectory)) return [];
  return readdirSync(packagesDirectory)
    .sort()
    .flatMap((packageName) => {
      const file = join(packagesDirectory, packageName, 'coverage', 'coverage-summary.json');
      if (!existsSync(file)) return [];
      const summary = JSON.parse(readFileSync(file, 'utf8')) as { total?: Record<string, SummaryMetric> };
      const total = summary.total ?? {};
      return [
        {
          packageName,
          lines: percentOf(total.lines),
          branches: percentOf(total.branches),
          functions: percentOf(total.functions),
          statements: percentOf(total.statements),
        },
      ];
    });
}
