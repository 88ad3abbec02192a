/**
 * The content check: every promise the content makes, checked before a page
 * is built. `npm run build` runs it first (src/integrations/content-gate.ts)
 * and stops on any problem; the bad-content tests call it directly, as the
 * same code path, on deliberately broken copies of a content folder.
 *
 * Each problem names the file, the field (or line) and what was expected.
 * The rules themselves live where they are defined: schemas (src/schema),
 * fidelity (fidelity.ts), edition notes and markup (src/markdown), claims
 * (claims.ts), references (entry-refs.ts). This module only applies them to
 * every file of a content folder, none skipped.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { fromHtml } from 'hast-util-from-html';
import { parse as parseYaml } from 'yaml';
import { claimSchema, quantitySchema } from '../schema/claim.ts';
import { idFromFrontmatter } from '../schema/entry-id.ts';
import { slugId } from '../schema/fields.ts';
import { paperSchema, type PaperData } from '../schema/paper.ts';
import { authorSchema, methodSchema, themeSchema, theorySchema } from '../schema/vocabulary.ts';
import { readClaimPolicy } from './claim-policy.ts';
import type { CheckedRenderings } from './checked-renderings.ts';
import { claimProblems } from './claims.ts';
import { collectionFiles, normalisedText, type CollectionName } from './content-files.ts';
import { splitFrontmatter } from './edition-file.ts';
import { refProblem } from './entry-refs.ts';
import { checkFidelity } from './fidelity.ts';
import { passagesOf, sourceText, type Passage } from './passages.ts';
import { renderMarkdownHtml, type Rendering } from './render.ts';
import { sha256 } from './source-file.ts';
import { inOrderOnThreads, threadsFor, type Job } from './threads.ts';

const schemas = {
  papers: paperSchema({ author: slugId, theme: slugId, theory: slugId, method: slugId }),
  themes: themeSchema,
  theories: theorySchema(slugId),
  methods: methodSchema,
  authors: authorSchema,
  claims: claimSchema({ paper: slugId, theme: slugId, quantity: slugId }),
  quantities: quantitySchema(slugId),
} satisfies Record<CollectionName, z.ZodType>;

export interface Entry {
  /** As editors name it: content/<collection>/<file>. */
  file: string;
  /** On disk. */
  absolute: string;
  data: Record<string, unknown>;
  body: string;
}

/** `themes[0]`, `venue.doi`: a Zod issue path as the frontmatter spells it. */
export const fieldPath = (segments: PropertyKey[]) =>
  segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${String(s)}`)).join('') || '(whole file)';

/** Every file of each collection folder, read, parsed and validated; a file the collection would not load is a problem. */
function readCollections(contentDir: string, problems: string[]) {
  const entries = {} as Record<CollectionName, Entry[]>;
  for (const [name, spec] of Object.entries(collectionFiles) as [CollectionName, (typeof collectionFiles)[CollectionName]][]) {
    const dir = path.join(contentDir, name);
    const idOf = idFromFrontmatter(name);
    entries[name] = [];
    let files: string[];
    try {
      files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    } catch {
      problems.push(`content/${name}/: expected a folder of ${spec.pattern} files; there is none`);
      continue;
    }
    for (const rel of files) {
      const absolute = path.join(dir, rel);
      const posix = rel.split(path.sep).join('/');
      const file = `content/${name}/${posix}`;
      // Hidden files (.DS_Store, .gitkeep) are the file system's, not content.
      if (posix.split('/').some((part) => part.startsWith('.'))) continue;
      if (statSync(absolute).isDirectory()) continue;
      if (!posix.endsWith(spec.extension) || (!spec.nested && posix.includes('/'))) {
        problems.push(`${file}: expected a ${spec.extension} file${spec.nested ? '' : ' directly in the folder'} (content/${name}/ loads only ${spec.pattern}), so this file would not be published`);
        continue;
      }
      let raw: unknown;
      let body = '';
      try {
        const text = normalisedText(readFileSync(absolute, 'utf8'));
        // A byte that is not UTF-8 decodes to U+FFFD and would be published as "�".
        const bad = text.indexOf('\uFFFD');
        if (bad !== -1) throw new Error(`expected UTF-8 text, but line ${text.slice(0, bad).split('\n').length} has a byte that is not UTF-8`);
        if (spec.extension === '.md') {
          const split = splitFrontmatter(text, file);
          raw = parseYaml(split.yaml);
          body = split.body;
        } else {
          raw = parseYaml(text);
        }
      } catch (error) {
        problems.push(`${file}: expected ${spec.extension === '.md' ? 'YAML frontmatter and a Markdown body' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      const parsed = schemas[name].safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push(`${file}: field "${fieldPath(issue.path)}": ${issue.message}`);
        continue;
      }
      const data = parsed.data as Record<string, unknown>;
      try {
        idOf({ entry: posix, data });
      } catch (error) {
        problems.push((error as Error).message);
        continue;
      }
      entries[name].push({ file, absolute, data, body });
    }
  }
  return entries;
}

/** A paper's provenance, line references, edition notes, markup and fidelity; returns its passages when it renders. */
async function paperProblems(paper: Entry, contentDir: string, problems: string[]): Promise<Omit<PaperCheck, 'problems'> | null> {
  const data = paper.data as unknown as PaperData;
  const fail = (field: string, expected: string) => problems.push(`${paper.file}: field "${field}": ${expected}`);
  let source: string;
  try {
    const bytes = readFileSync(path.join(contentDir, 'sources', data.source.file));
    const actual = sha256(bytes);
    if (actual !== data.source.sha256) {
      fail('source.sha256', `expected the sha256 of content/sources/${data.source.file}, ${actual}, got ${data.source.sha256} (the source changed, or the checksum is wrong)`);
    }
    source = bytes.toString('utf8');
  } catch {
    fail('source.file', `expected a file in content/sources/, but ${data.source.file} is not there`);
    return null;
  }
  const lines = source.split('\n');
  const lineRef = (field: string, line: number, printed?: string) => {
    if (line > lines.length) fail(field, `expected a line of ${data.source.file} (1–${lines.length}), got ${line}`);
    else if (printed !== undefined && !lines[line - 1]!.replace(/\s+/g, ' ').includes(printed.replace(/\s+/g, ' '))) {
      fail(field, `expected source line ${line} to print ${JSON.stringify(printed)}; it reads ${JSON.stringify(lines[line - 1]!.slice(0, 80))}`);
    }
  };
  for (const [key, date] of Object.entries(data.dates)) if (date) lineRef(`dates.${key}.line`, date.line, date.asPrinted);

  let rendering, tree;
  try {
    rendering = await renderMarkdownHtml(paper.body, paper.data, paper.absolute);
    tree = fromHtml(rendering.html, { fragment: true });
  } catch (error) {
    // The pipeline's own refusals (raw markup, unsafe links, malformed edition notes) name the file and line.
    const message = (error as Error).message;
    const placed = message.split('\n').filter((l) => /: line \d+: /.test(l));
    if (placed.length) problems.push(...placed.map((l) => `${paper.file}${l.slice(l.indexOf(': line '))}`));
    else problems.push(`${paper.file}: body: ${message}`);
    return null;
  }

  const heading = data.edition.referencesHeading;
  if (heading !== null) {
    const headings: string[] = [];
    const walk = (nodes: typeof tree.children) => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        if (/^h[1-6]$/.test(node.tagName)) headings.push(sourceText(node));
        else walk(node.children);
      }
    };
    walk(tree.children);
    if (!headings.includes(heading)) {
      const near = headings.find((h) => h.toLowerCase() === heading.toLowerCase());
      fail('edition.referencesHeading', `expected the exact text of a heading of the body${near ? ` (the body has "${near}", which differs in case)` : ''}, got ${JSON.stringify(heading)}`);
    }
  }

  const offset = paper.absolute ? normalisedText(readFileSync(paper.absolute, 'utf8')).split('\n').length - paper.body.split('\n').length : 0;
  const report = await checkFidelity(source, data, paper.body, tree);
  for (const problem of report.problems) problems.push(`${paper.file}: ${problem}`);
  for (const d of report.divergences.slice(0, 5)) {
    const has = (words: string[]) => (words.length ? `"${words.join(' ')}"` : 'nothing');
    problems.push(
      `${paper.file}: line ${d.editionLine + offset}: expected the words of ${data.source.file} (line ${d.sourceLine}, after "…${d.context}"): the source has ${has(d.missing)}, the edition has ${has(d.unexpected)}`,
    );
  }
  if (report.divergences.length > 5) problems.push(`${paper.file}: … and ${report.divergences.length - 5} more places where the edition departs from its source (npm run fidelity lists them)`);
  return { passages: passagesOf(tree), rendering };
}

export interface PaperCheck {
  problems: string[];
  /** Null when the edition does not render. */
  passages: Passage[] | null;
  rendering: Rendering | null;
}

/** One paper's check, on a thread of its own when the corpus is large (threads.ts). */
export async function checkPaper(paper: Entry, contentDir: string): Promise<PaperCheck> {
  const problems: string[] = [];
  const checked = await paperProblems(paper, contentDir, problems);
  return { problems, passages: checked?.passages ?? null, rendering: checked?.rendering ?? null };
}

const paperCheck: Job<Entry, PaperCheck, string> = { run: checkPaper, worker: new URL('./content-check-worker.ts', import.meta.url) };

/**
 * Papers per thread below which a thread is not worth its start-up (loading
 * the Markdown pipeline costs about as much as checking a few papers).
 */
const papersPerThread = 20;

/**
 * Every problem of a content folder; an empty list means the build may go on.
 * `workers` sets how many threads check papers (0: none, on this one; by
 * default one per core once the corpus is large enough to repay them); `renderings`, if given, receives
 * each edition's rendering, which the build's pages reuse (checked-renderings.ts).
 */
export async function checkContent(contentDir: string, options: { workers?: number; renderings?: CheckedRenderings } = {}): Promise<string[]> {
  const problems: string[] = [];
  const entries = readCollections(contentDir, problems);
  const ids = Object.fromEntries(Object.entries(entries).map(([name, list]) => [name, list.map((e) => e.data.id as string)])) as Record<CollectionName, string[]>;
  const ref = (collection: CollectionName, id: string, file: string, field: string) => {
    const problem = refProblem(ids[collection], collection, id, file, field);
    if (problem) problems.push(problem);
  };

  const passages = new Map<string, Passage[]>();
  // Rendering and comparing editions is most of a large corpus's build, and each paper is checked on its own.
  const checked: PaperCheck[] = [];
  const threads = options.workers ?? threadsFor(entries.papers.length, papersPerThread);
  await inOrderOnThreads(entries.papers, paperCheck, contentDir, threads, (result) => checked.push(result));
  for (const [i, paper] of entries.papers.entries()) {
    const data = paper.data as unknown as PaperData;
    data.authors.forEach((a, i) => ref('authors', a.author, paper.file, `authors[${i}].author`));
    data.themes.forEach((id, i) => ref('themes', id, paper.file, `themes[${i}]`));
    data.theories.forEach((id, i) => ref('theories', id, paper.file, `theories[${i}]`));
    data.methods.forEach((id, i) => ref('methods', id, paper.file, `methods[${i}]`));
    problems.push(...checked[i]!.problems);
    if (checked[i]!.passages) passages.set(data.id, checked[i]!.passages);
    if (checked[i]!.rendering) options.renderings?.set(path.resolve(paper.absolute), { body: paper.body, rendering: checked[i]!.rendering });
  }
  for (const theory of entries.theories) {
    (theory.data.framings as { paper: string }[]).forEach((f, i) => ref('papers', f.paper, theory.file, `framings[${i}].paper`));
  }
  for (const quantity of entries.quantities) ref('themes', quantity.data.theme as string, quantity.file, 'theme');
  for (const author of entries.authors) {
    const shownIn = (author.data.nameParts as { shownIn: { file: string; line: number } } | null)?.shownIn;
    if (!shownIn) continue;
    try {
      const count = readFileSync(path.join(contentDir, 'sources', shownIn.file), 'utf8').split('\n').length;
      if (shownIn.line > count) problems.push(`${author.file}: field "nameParts.shownIn.line": expected a line of ${shownIn.file} (1–${count}), got ${shownIn.line}`);
    } catch {
      problems.push(`${author.file}: field "nameParts.shownIn.file": expected a file in content/sources/, but ${shownIn.file} is not there`);
    }
  }
  let idKeys: Record<string, string> = {};
  try {
    idKeys = readClaimPolicy(contentDir).idKeys;
  } catch (error) {
    problems.push(`content/claim-policy.yaml: ${(error as Error).message.replace(/^[^:]*claim-policy\.yaml: /, '')}`);
  }
  const known = { passages, themes: new Set(ids.themes), quantities: new Set(ids.quantities), idKeys };
  for (const claim of entries.claims) {
    // A claim of a paper that failed its own checks is judged once that paper is fixed.
    if (ids.papers.includes(claim.data.paper as string) && !passages.has(claim.data.paper as string)) continue;
    problems.push(...claimProblems(claim.data as never, claim.file, known));
  }
  return problems;
}
