import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import type { ScenarioOutput } from './scenarios';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

const BOOKING = `{
  eventTypeId: 1,
  start: '2030-01-07T09:00:00Z',
  attendee: { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' },
}`;

/** The tiny apps bundled: each books one slot and nothing else, with one contender. */
const APPS = {
  'raw fetch': `
    const response = await fetch('https://api.cal.com/v2/bookings', {
      method: 'POST',
      headers: { authorization: 'Bearer ' + process.env.CAL_COM_API_KEY, 'cal-api-version': '2024-08-13', 'content-type': 'application/json' },
      body: JSON.stringify(${BOOKING}),
    });
    console.log(await response.json());`,
  'openapi-fetch': `
    import createClient from 'openapi-fetch';
    const client = createClient({ baseUrl: 'https://api.cal.com' });
    console.log(await client.POST('/v2/bookings', {
      params: { header: { Authorization: 'Bearer ' + process.env.CAL_COM_API_KEY, 'cal-api-version': '2024-08-13' } },
      body: ${BOOKING},
    }));`,
  ofetch: `
    import { ofetch } from 'ofetch';
    console.log(await ofetch('https://api.cal.com/v2/bookings', {
      method: 'POST',
      headers: { authorization: 'Bearer ' + process.env.CAL_COM_API_KEY, 'cal-api-version': '2024-08-13' },
      body: ${BOOKING},
    }));`,
  CalComClient: `
    import { CalComClient } from '@calcom-int/core';
    const cal = new CalComClient();
    console.log(await cal.bookings.create(${BOOKING}));`,
} as const;

/**
 * The package an input file of the bundle belongs to: the last `node_modules/<name>` in its path, or the workspace
 * package for `packages/<name>/`.
 *
 * @param path The input path from the metafile.
 * @returns The package name, or `(app)`.
 */
export function packageOf(path: string): string {
  const marker = path.lastIndexOf('node_modules/');
  if (marker !== -1) {
    const [first = '', second = ''] = path.slice(marker + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(path);
  return workspace ? `@calcom-int/${workspace[1]}` : '(app)';
}

/**
 * Bundles one app with esbuild (minified ESM for Node 20) and sizes it.
 *
 * @param source The app's source.
 * @returns The minified and gzipped sizes in bytes and the bytes each package contributes (minified).
 */
async function bundle(source: string) {
  const result = await build({
    stdin: { contents: source, resolveDir: BENCH_DIR, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild wrote no output.');
  const byPackage = new Map<string, number>();
  const metafile: Metafile = result.metafile;
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return { minified: file.contents.byteLength, gzipped: gzipSync(file.contents, { level: 9 }).byteLength, byPackage };
}

/**
 * Bundles an app that only books a slot, once per contender, and prints the top 5 packages of the CalComClient app.
 *
 * @returns The min+gzip size per contender (`<contender>` metrics, bytes) and the top contributors.
 */
export async function measureBundles(): Promise<ScenarioOutput> {
  const metrics: Record<string, number> = {};
  const details: string[] = [];
  for (const [name, source] of Object.entries(APPS)) {
    const sized = await bundle(source);
    metrics[name] = sized.gzipped;
    metrics[`${name} minified`] = sized.minified;
    const top = [...sized.byPackage.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(
        ([pkg, bytes]) => `${pkg} ${(bytes / 1024).toFixed(1)} KB (${((bytes / sized.minified) * 100).toFixed(0)}%)`,
      );
    details.push(
      `bundle of a createBooking-only app, ${name}: ${(sized.minified / 1024).toFixed(1)} KB min, ` +
        `${(sized.gzipped / 1024).toFixed(1)} KB min+gzip; top packages (min): ${top.join(', ')}`,
    );
  }
  return { metrics, details };
}
