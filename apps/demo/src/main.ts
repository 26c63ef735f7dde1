import { createCalComTools } from '@calcom-int/tools';
import { paint } from './print';
import { playSession } from './session';
import { chooseTarget } from './target';

/**
 * The main job: plays a scheduling session through the agent tools against the embedded simulator, or against
 * Cal.com when a key is configured (read-only unless `--write`).
 */
async function main(): Promise<void> {
  const started = performance.now();
  const target = await chooseTarget();
  const write = target.kind === 'simulator' || process.argv.includes('--write');
  console.log(paint('bold', 'calcom-int demo: an assistant schedules a meeting through the Cal.com tools'));
  console.log(paint('dim', `Target: ${target.description}${write ? '' : ' (read-only)'}`));
  try {
    await playSession(createCalComTools(target.client), { write, now: target.now() });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(paint('bold', `Done in ${seconds} s.`));
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  console.error(paint('red', error instanceof Error ? error.message : String(error)));
  process.exitCode = 1;
});
