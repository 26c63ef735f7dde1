#!/usr/bin/env node
// Launcher for the `calcom-simulator` bin. It lives outside `dist` so that `pnpm install` can link the bin before the
// first build; the simulator server itself is the built `dist/bin/serve.js`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin/serve.js', import.meta.url);
if (existsSync(entry)) {
  await import(entry.href);
} else {
  process.stderr.write(
    '@calcom-int/testkit is not built: run `pnpm build` (or `pnpm --filter @calcom-int/testkit build`) first.\n',
  );
  process.exit(1);
}
