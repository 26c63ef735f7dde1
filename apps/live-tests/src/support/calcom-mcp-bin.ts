import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds the BUILT `calcom-mcp` bin of `@calcom-int/mcp` (its `package.json` `bin` entry: a launcher that imports
 * the built server from `dist/bin/calcom-mcp.js`, so both must exist).
 *
 * @returns The absolute path of the bin's JavaScript file.
 */
export function calcomMcpBinPath(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@calcom-int/mcp/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: Record<string, string> };
  const relativeBin = manifest.bin?.['calcom-mcp'];
  if (relativeBin === undefined) throw new Error(`${manifestPath} has no "calcom-mcp" bin.`);
  const binPath = join(dirname(manifestPath), relativeBin);
  for (const path of [binPath, join(dirname(manifestPath), 'dist', 'bin', 'calcom-mcp.js')]) {
    if (!existsSync(path)) {
      throw new Error(`${path} does not exist: build the MCP server first (pnpm --filter @calcom-int/mcp build).`);
    }
  }
  return binPath;
}
