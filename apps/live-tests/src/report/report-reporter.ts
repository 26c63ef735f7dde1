import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type { Reporter, SerializedError, TestModule, Vitest } from 'vitest/node';
import type { TargetDescription, TimingSample } from '../support/timings';
import { readCoverageSummaries } from './coverage';
import { summarizeTimings } from './percentiles';
import { renderReport, type TestOutcome } from './render-report';

const appDirectory = join(import.meta.dirname, '..', '..');

/** Options of {@link ReportReporter} (the second element of its `reporters` entry). */
export interface ReportReporterOptions {
  /**
   * Where to write the report. Default: `TEST_REPORT_cal_com.md` in the run folder (ignored by git); only
   * `pnpm report` points it at the committed `apps/live-tests/TEST_REPORT_cal_com.md`.
   */
  reportPath?: string;
}

/**
 * Vitest reporter that writes `TEST_REPORT_cal_com.md`: target, date, pass/fail/skip counts, p50/p95/max per
 * operation (from the samples the test workers flush into the run folder) and the unit runs' coverage.
 */
export default class ReportReporter implements Reporter {
  private runDirectory = join(appDirectory, '.run');
  private started = Date.now();
  private readonly reportPath: string | undefined;
  private vitest: Vitest | undefined;

  /**
   * Creates the reporter.
   *
   * @param options Where to write the report.
   */
  constructor(options: ReportReporterOptions = {}) {
    this.reportPath = options.reportPath;
  }

  /**
   * Clears the run folder before any test starts.
   *
   * @param vitest The Vitest instance.
   */
  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    const provided = vitest.config.provide?.runDirectory;
    if (typeof provided === 'string') this.runDirectory = provided;
    this.started = Date.now();
    rmSync(this.runDirectory, { recursive: true, force: true });
    mkdirSync(this.runDirectory, { recursive: true });
  }

  /**
   * Collects outcomes and timings and writes the report.
   *
   * @param testModules The finished test files.
   * @param unhandledErrors Errors raised outside tests.
   */
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const tests: TestOutcome[] = [];
    for (const testModule of testModules) {
      const file = relative(appDirectory, testModule.moduleId);
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        tests.push({
          file,
          name: testCase.fullName,
          state: state === 'pending' ? 'skipped' : state,
          durationMs: testCase.diagnostic()?.duration,
        });
      }
    }
    const samples: TimingSample[] = [];
    let target: TargetDescription | undefined;
    if (existsSync(this.runDirectory)) {
      for (const name of readdirSync(this.runDirectory).sort()) {
        const text = readFileSync(join(this.runDirectory, name), 'utf8');
        if (name === 'target.json') target = JSON.parse(text) as TargetDescription;
        else if (name.startsWith('timings-')) samples.push(...(JSON.parse(text) as TimingSample[]));
      }
    }
    const markdown = renderReport({
      target,
      date: new Date(),
      durationMs: Date.now() - this.started,
      tests,
      operations: summarizeTimings(samples),
      coverage: readCoverageSummaries(join(appDirectory, '..', '..', 'packages')),
      unhandledErrors: unhandledErrors.length,
    });
    const reportPath = this.reportPath ?? join(this.runDirectory, 'TEST_REPORT_cal_com.md');
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, markdown);
    formatWithBiome(reportPath);
    this.vitest?.logger.log(`Report: ${relative(join(appDirectory, '..', '..'), reportPath)}`);
  }
}

/**
 * Formats the generated Markdown with the repository's Biome (aligned tables), so `biome ci .` accepts the committed
 * copy. Skipped silently when Biome cannot be found; the report is still valid Markdown.
 *
 * @param file The report path.
 */
function formatWithBiome(file: string): void {
  let biome: string;
  try {
    biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  } catch {
    return;
  }
  spawnSync(process.execPath, [biome, 'format', '--write', file], { cwd: appDirectory, stdio: 'ignore' });
}
