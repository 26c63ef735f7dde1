import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const DOCUMENT = new URL('../../../docs/BENCHMARKS.md', import.meta.url);

/**
 * Writes one generated section of docs/BENCHMARKS.md between its markers (`<!-- <name>: begin … -->` and
 * `<!-- <name>: end -->`), keeping the rest of the document (other sections, hand-written notes). A missing section is
 * appended.
 *
 * @param name The section's marker name (`pnpm bench`, `install sizes`).
 * @param section The generated Markdown.
 */
export function recordSection(name: string, section: string): void {
  const begin = `<!-- ${name}: begin (generated, do not edit by hand) -->`;
  const end = `<!-- ${name}: end -->`;
  const current = existsSync(DOCUMENT) ? readFileSync(DOCUMENT, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  const block = `${begin}\n${section}\n${end}`;
  const next =
    from !== -1 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOCUMENT, next);
}
