import { fork } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { recordSection } from './document';
import { buildRows, type Outputs, renderTable } from './report';
import { SCENARIOS, type ScenarioName, type ScenarioOutput } from './scenarios';

/** The message a scenario process sends back. */
type ScenarioMessage =
  | { readonly ok: true; readonly output: ScenarioOutput }
  | { readonly ok: false; readonly error: string };

const isScenario = (name: string): name is ScenarioName => Object.hasOwn(SCENARIOS, name);

/**
 * Runs one scenario in a fresh process (this file with `--scenario <name>`, same `--expose-gc --import tsx`), so that
 * memory freed by one benchmark never hides another's growth.
 *
 * @param name The scenario.
 * @returns What it measured.
 */
function runInChild(name: ScenarioName): Promise<ScenarioOutput> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--scenario', name], { stdio: 'inherit' });
    let message: ScenarioMessage | undefined;
    child.on('message', (received) => {
      message = received as ScenarioMessage;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (message?.ok === true) resolve(message.output);
      else
        reject(
          new Error(`scenario ${name} failed (exit ${code}): ${message?.ok === false ? message.error : 'no result'}`),
        );
    });
  });
}

/** The child side: runs the named scenario and sends its output to the parent. */
async function child(name: string): Promise<void> {
  if (!isScenario(name))
    throw new Error(`Unknown scenario "${name}": use one of ${Object.keys(SCENARIOS).join(', ')}.`);
  try {
    const output = await SCENARIOS[name]();
    // Run by hand (`pnpm bench -- --scenario <name>`), there is no parent: print what it measured.
    if (process.send === undefined) console.log(JSON.stringify(output, null, 2));
    else process.send({ ok: true, output } satisfies ScenarioMessage);
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (process.send === undefined) console.error(text);
    else process.send({ ok: false, error: text } satisfies ScenarioMessage);
    process.exitCode = 1;
  }
}

/** The machine line: CPU model, cores, memory, Node version and the load average at the start of the run. */
function machine(load: readonly number[]): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return (
    `${cpu}, \`nproc\` ${cpus().length}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB; Node ${process.version}; ` +
    `load average at the start ${load.map((value) => value.toFixed(2)).join(' ')}, at the end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`
  );
}

/**
 * Runs every scenario, each in its own process, one after the other; prints the side-by-side table and the details;
 * records them in docs/BENCHMARKS.md. Exits non-zero when a target is missed.
 */
async function main(): Promise<void> {
  const scenarioIndex = process.argv.indexOf('--scenario');
  if (scenarioIndex !== -1) return child(process.argv[scenarioIndex + 1] ?? '');
  const load = loadavg();
  const outputs: Partial<Record<ScenarioName, ScenarioOutput>> = {};
  for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
    process.stderr.write(`bench: ${name}…\n`);
    outputs[name] = await runInChild(name);
  }
  const rows = buildRows(outputs as Outputs);
  const table = renderTable(rows);
  const details = Object.values(outputs).flatMap((output) => output.details);
  console.log(table);
  console.log('');
  for (const line of details) console.log(`- ${line}`);
  recordSection(
    'pnpm bench',
    [
      `Last run: ${new Date().toISOString().slice(0, 10)}; ${machine(load)}.`,
      '',
      table,
      '',
      'Details (per-round figures, top contributors):',
      '',
      ...details.map((line) => `- ${line}`),
    ].join('\n'),
  );
  const missed = rows.filter((row) => !row.met);
  if (missed.length > 0) {
    console.error(`\n${missed.length} target(s) missed: ${missed.map((row) => row.name).join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
