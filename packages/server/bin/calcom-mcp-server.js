#!/usr/bin/env node
// Launcher for the `calcom-mcp-server` bin. It lives outside `dist` so that `pnpm install` can link the bin before the
// first build; the server itself is the built `dist/bin/calcom-mcp-server.js`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin/calcom-mcp-server.js', import.meta.url);
if (existsSync(entry)) {
  await import(entry.href);
} else {
  process.stderr.write(
    '@calcom-int/server is not built: run `pnpm build` (or `pnpm --filter @calcom-int/server build`) first.\n',
  );
  process.exit(1);
}
