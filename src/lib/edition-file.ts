/**
 * Reads edition files straight from content/ for tools that run outside
 * Astro (the fidelity command, tests): frontmatter validated with the same
 * schema the build uses, references checked only for shape.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { paperSchema, type PaperData } from '../schema/paper.ts';
import { slugId } from '../schema/fields.ts';
import { authorSchema } from '../schema/vocabulary.ts';
import { citablePaper, type AuthorEntry } from './bibliographic-record.ts';

export const contentDir = path.resolve(import.meta.dirname, '../../content');

const offlinePaperSchema = paperSchema({ author: slugId, theme: slugId, theory: slugId, method: slugId });

export interface EditionFile {
  file: string;
  data: PaperData;
  body: string;
  source: string;
}

/** The frontmatter's YAML as data; YAML that does not parse is reported with its file and the parser's first line, not a stack trace. */
function parseFrontmatter(yaml: string, file: string): unknown {
  try {
    return parseYaml(yaml);
  } catch (error) {
    throw new Error(`${path.relative(process.cwd(), file)}: expected YAML frontmatter: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Splits a Markdown file into its YAML frontmatter and body. */
export function splitFrontmatter(text: string, file: string): { yaml: string; body: string } {
  const match = text.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
  if (!match) throw new Error(`${file}: expected YAML frontmatter between --- lines`);
  return { yaml: match[1]!, body: match[2]! };
}

export function readEdition(file: string): EditionFile {
  const { yaml, body } = splitFrontmatter(readFileSync(file, 'utf8'), file);
  const parsed = offlinePaperSchema.safeParse(parseFrontmatter(yaml, file));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new Error(`${path.relative(process.cwd(), file)}: invalid frontmatter\n${issues}`);
  }
  const source = readFileSync(path.join(contentDir, 'sources', parsed.data.source.file), 'utf8');
  return { file, data: parsed.data, body, source };
}

export function editionFiles(): string[] {
  const dir = path.join(contentDir, 'papers');
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(dir, f));
}

export function readEditionById(id: string): EditionFile {
  for (const file of editionFiles()) {
    const { yaml } = splitFrontmatter(readFileSync(file, 'utf8'), file);
    if ((parseFrontmatter(yaml, file) as { id?: string })?.id === id) return readEdition(file);
  }
  throw new Error(`no paper with id "${id}" in content/papers/`);
}

/** An author entry (content/authors/<id>.yaml), validated by the same schema as the site's. */
export function readAuthor(id: string): AuthorEntry {
  const file = path.join(contentDir, 'authors', `${id}.yaml`);
  return authorSchema.parse(parseYaml(readFileSync(file, 'utf8')));
}

/** A paper as citations see it, read offline: authors resolved from content/authors/. */
export const readCitablePaper = (id: string) => citablePaper(readEditionById(id).data, readAuthor);

/** The names and aliases of the themes, theories and methods (content/<collection>/*.yaml), as the citation title case reads them. */
export function readVocabularyNames(): { name: string; aliases: string[] }[] {
  return ['themes', 'theories', 'methods'].flatMap((collection) => {
    const dir = path.join(contentDir, collection);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => {
        const entry = parseYaml(readFileSync(path.join(dir, f), 'utf8')) as { name: string; aliases: (string | string[])[] };
        return { name: entry.name, aliases: entry.aliases.flat() };
      });
  });
}
