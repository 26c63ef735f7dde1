/**
 * Checks the documentation: every ```ts / ```typescript block of every README is type-checked (one `tsc --noEmit`
 * run, the repository's strict settings, imports resolved to the built packages through `apps/doc-examples`), and
 * every relative link in the READMEs, CONTRIBUTING.md and docs/INTERFACES.md must point at an existing file (and,
 * for `#anchor` links, at an existing heading).
 *
 * A block whose info string contains the word `fragment` (```ts fragment) is not meant to compile on its own and is
 * skipped; use that sparingly. Run with `pnpm --filter @calcom-int/doc-examples docs:check` (part of `pnpm test`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One TypeScript block of a README. */
interface CodeBlock {
  /** README path relative to the repository root. */
  readme: string;
  /** 1-based line of the first code line (the line after the opening fence). */
  firstLine: number;
  /** The code. */
  code: string;
  /** File name of the generated module. */
  fileName: string;
}

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examplesApp = join(repositoryRoot, 'apps', 'doc-examples');
const generatedFolder = join(examplesApp, 'generated');
const typeScriptLanguages = new Set(['ts', 'typescript']);

/**
 * Lists the READMEs whose examples are checked: the root one and those of every package and app.
 *
 * @returns Paths relative to the repository root.
 */
function findReadmes(): string[] {
  const readmes = ['README.md'];
  for (const group of ['packages', 'apps']) {
    for (const entry of readdirSync(join(repositoryRoot, group)).sort()) {
      const candidate = join(group, entry, 'README.md');
      if (existsSync(join(repositoryRoot, candidate))) readmes.push(candidate);
    }
  }
  return readmes;
}

/**
 * Extracts the TypeScript blocks of one Markdown file.
 *
 * @param readme The path relative to the repository root.
 * @returns The blocks, and how many were skipped as fragments.
 */
function extractBlocks(readme: string): { blocks: CodeBlock[]; fragments: number } {
  const lines = readFileSync(join(repositoryRoot, readme), 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  let fragments = 0;
  let open: { fence: string; words: string[]; firstLine: number; body: string[] } | undefined;
  for (const [index, line] of lines.entries()) {
    const fence = /^\s*(`{3,})(.*)$/.exec(line);
    if (open === undefined) {
      if (fence?.[1] !== undefined) {
        open = { fence: fence[1], words: (fence[2] ?? '').trim().split(/\s+/), firstLine: index + 2, body: [] };
      }
      continue;
    }
    if (fence?.[1] !== undefined && fence[1].length >= open.fence.length && (fence[2] ?? '').trim() === '') {
      const [language = '', ...flags] = open.words;
      if (typeScriptLanguages.has(language)) {
        if (flags.includes('fragment')) fragments += 1;
        else {
          const slug = readme.replace(/\/?README\.md$/, '').replace(/[^a-zA-Z0-9]+/g, '-') || 'root';
          blocks.push({
            readme,
            firstLine: open.firstLine,
            code: dedent(open.body).join('\n'),
            fileName: `${slug}-line-${String(open.firstLine).padStart(4, '0')}.ts`,
          });
        }
      }
      open = undefined;
      continue;
    }
    open.body.push(line);
  }
  if (open !== undefined) throw new Error(`${readme}:${open.firstLine - 1}: code fence is never closed.`);
  return { blocks, fragments };
}

/**
 * Removes the indentation shared by every non-empty line (blocks inside list items are indented).
 *
 * @param lines The block's lines.
 * @returns The lines without the common indentation.
 */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(common));
}

/**
 * Type-checks the blocks with one `tsc --noEmit` run.
 *
 * @param blocks The blocks to check.
 * @returns One message per error, pointing at the README line.
 */
function typeCheck(blocks: CodeBlock[]): string[] {
  rmSync(generatedFolder, { recursive: true, force: true });
  mkdirSync(generatedFolder, { recursive: true });
  const byFile = new Map<string, CodeBlock>();
  for (const block of blocks) {
    writeFileSync(join(generatedFolder, block.fileName), `${block.code}\n`);
    byFile.set(block.fileName, block);
  }
  const tsc = createRequire(join(examplesApp, 'package.json')).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', 'tsconfig.json'], {
    cwd: examplesApp,
    encoding: 'utf8',
  });
  if (run.error !== undefined) throw run.error;
  const output = `${run.stdout}${run.stderr}`.trim();
  if (run.status === 0) return [];
  const messages: string[] = [];
  for (const line of output.split('\n')) {
    const located = /^generated\/([^(]+)\((\d+),(\d+)\): (.*)$/.exec(line);
    const block = located?.[1] === undefined ? undefined : byFile.get(located[1]);
    if (located === undefined || located === null || block === undefined) {
      if (line.trim() !== '') messages.push(line);
      continue;
    }
    messages.push(`${block.readme}:${block.firstLine + Number(located[2]) - 1}:${located[3]}: ${located[4]}`);
  }
  return messages.length > 0 ? messages : [`tsc failed with exit code ${run.status}: ${output}`];
}

/**
 * Turns a heading into the anchor GitHub gives it.
 *
 * @param heading The heading text without the leading `#`s.
 * @returns The anchor without `#`.
 */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * Lists the anchors of a Markdown file's headings (outside code blocks).
 *
 * @param path Absolute path of the Markdown file.
 * @returns The anchors.
 */
function anchorsOf(path: string): Set<string> {
  const anchors = new Set<string>();
  let inFence = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (heading?.[1] !== undefined) anchors.add(headingAnchor(heading[1]));
  }
  return anchors;
}

/**
 * Checks every relative link of the given Markdown files (outside code blocks and inline code).
 *
 * @param documents Paths relative to the repository root.
 * @returns One message per broken link.
 */
function checkLinks(documents: string[]): string[] {
  const messages: string[] = [];
  for (const document of documents) {
    const absolute = join(repositoryRoot, document);
    let inFence = false;
    for (const [index, line] of readFileSync(absolute, 'utf8').split('\n').entries()) {
      if (/^\s*```/.test(line)) inFence = !inFence;
      if (inFence) continue;
      const withoutCode = line.replace(/`[^`]*`/g, '``');
      for (const match of withoutCode.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1] ?? '';
        if (/^[a-z]+:/i.test(target)) continue;
        const [pathPart = '', anchor] = target.split('#');
        const file = pathPart === '' ? absolute : resolve(dirname(absolute), pathPart);
        const where = `${document}:${index + 1}`;
        if (!existsSync(file)) {
          messages.push(`${where}: link target ${target} does not exist (${relative(repositoryRoot, file)}).`);
        } else if (anchor !== undefined && statSync(file).isFile() && file.endsWith('.md')) {
          if (!anchorsOf(file).has(anchor)) messages.push(`${where}: link ${target} names no heading of that file.`);
        }
      }
    }
  }
  return messages;
}

const readmes = findReadmes();
const blocks: CodeBlock[] = [];
let fragments = 0;
for (const readme of readmes) {
  const found = extractBlocks(readme);
  blocks.push(...found.blocks);
  fragments += found.fragments;
}
const problems = [...typeCheck(blocks), ...checkLinks([...readmes, 'CONTRIBUTING.md', join('docs', 'INTERFACES.md')])];
if (problems.length > 0) {
  console.error(`Documentation check failed (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(
  `Documentation check passed: ${blocks.length} TypeScript examples type-checked (${fragments} fragments skipped) ` +
    `in ${readmes.length} READMEs; links checked.`,
);
