import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsup';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

/** The bin only: ESM for Node 20, its dependencies (tools, core, the MCP SDK) left as imports. */
export default defineConfig({
  entry: { 'bin/calcom-mcp': 'src/bin/calcom-mcp.ts' },
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  define: { __PACKAGE_VERSION__: JSON.stringify(manifest.version) },
});
