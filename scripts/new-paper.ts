/**
 * npm run new-paper -- <source file>: drafts a new edition. Copies the source
 * byte for byte into content/sources/ under its checksum name, writes a
 * frontmatter skeleton and the text as the edition's body to
 * content/papers/, and prints what the editor must decide: candidate
 * headings, page-break joins and boilerplate lines, each with its source
 * lines. Nothing is guessed (src/lib/new-paper.ts). Then: review, fix,
 * `npm run fidelity`, `npm run build`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { buildContentDir } from '../src/lib/content-dir.ts';
import { draftEdition, type Candidate } from '../src/lib/new-paper.ts';

const [sourcePath] = process.argv.slice(2);
if (!sourcePath) {
  console.error('usage: npm run new-paper -- <source file>');
  process.exit(2);
}
const content = path.resolve(buildContentDir);
const sources = path.join(content, 'sources');
const bytes = readFileSync(sourcePath);
const existing = readdirSync(sources).filter((f) => f.endsWith('.txt'));
const same = existing.find((f) => readFileSync(path.join(sources, f)).equals(bytes));
if (same) {
  console.error(`${sourcePath}: this text is already content/sources/${same}; its edition exists.`);
  process.exit(1);
}
const draft = draftEdition(bytes, existing);
const paperFile = path.join(content, 'papers', draft.sourceFile.replace(/\.txt$/, '.md'));
if (existsSync(paperFile)) throw new Error(`${paperFile} exists already; not overwritten`);

writeFileSync(path.join(sources, draft.sourceFile), bytes);
mkdirSync(path.dirname(paperFile), { recursive: true });
writeFileSync(paperFile, `---\n${stringify(draft.frontmatter, { lineWidth: 0 })}---\n${draft.body}`);

const rel = (file: string) => path.relative(process.cwd(), file);
const list = (title: string, items: Candidate[], extra: (c: Candidate) => string = () => '') => {
  console.log(`\n${title} (${items.length})`);
  for (const c of items) console.log(`  lines ${c.lines[0]}–${c.lines[1]}${extra(c)}: ${c.reason}`);
};
console.log(`source: ${rel(path.join(sources, draft.sourceFile))} (copied byte for byte, sha256 ${draft.sha256})`);
console.log(`draft edition: ${rel(paperFile)} (rename it to <id>.md once its id is set)`);
list('candidate headings, marked "## " in the body', draft.headings);
list('candidate joins at page or column breaks', draft.joins);
list('candidate omissions', draft.omissions, (c) => ` [${draft.omissions.find((o) => o === c)!.kind}]`);
console.log('\nto decide:');
for (const d of draft.decisions) console.log(`  - ${d}`);
console.log('\nthen: npm run fidelity, npm run build (the build stops, naming the field, until every decision is made)');
