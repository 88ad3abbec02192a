/**
 * The fidelity check: every word of a source is accounted for in its edition
 * (in the rendered body, in a declared omission, or in the frontmatter), and
 * the body says nothing the source does not, apart from marked edition notes.
 *
 * Both sides are rendered through the site's Markdown pipeline and compared
 * as sequences of white-space-separated tokens, so layout (line wrapping,
 * heading marks, bullets and table syntax) is free but every character of every
 * word counts. Source markup (the journal page's own Markdown and HTML) is
 * rendered away the same way.
 */
import { diffArrays } from 'diff';
import type { Element, ElementContent, Root } from 'hast';
import type { PaperData } from '../schema/paper.ts';
import { sourceText } from './passages.ts';
import { renderMarkdown, renderSourceMarkdown } from './render.ts';

type Edition = PaperData['edition'];

export interface Divergence {
  /** 1-based line of the source where the edition stops matching. */
  sourceLine: number;
  /** 1-based line of the edition's body where the mismatch is. */
  editionLine: number;
  /** Source words the edition lacks here, and edition words the source lacks. */
  missing: string[];
  unexpected: string[];
  /** A few source words before the divergence, for orientation. */
  context: string;
}

export interface FidelityReport {
  sourceWords: number;
  matchedWords: number;
  /** Words of omitted lines, accounted for by the declared omissions. */
  omittedWords: number;
  divergences: Divergence[];
  /** Problems with the declarations themselves (ranges, changes, metadata fields, joins), each starting with its field: `field "edition.omissions[2]": …`. */
  problems: string[];
  ok: boolean;
}

export const tokens = (text: string) => text.normalize('NFC').split(/\s+/).filter(Boolean);

/**
 * The words fidelity compares: the text as the site reads it, with each item
 * of a numbered list preceded by its number ("1."). Markdown reads a number
 * that opens a line ("1. Introduction") as list markup and the page draws it,
 * but it is printed, so a source's numbered heading matches the edition's
 * "## 1. Introduction", and an edition that renumbers a list no longer matches.
 */
function comparedTokens(tree: Root): string[] {
  const numbered = (nodes: ElementContent[]): ElementContent[] => nodes.map((node) => {
    if (node.type !== 'element') return node;
    const children = numbered(node.children);
    if (node.tagName !== 'ol') return { ...node, children };
    let n = Number(node.properties.start ?? 1);
    return { ...node, children: children.map((c) => (c.type === 'element' && c.tagName === 'li' ? { ...c, children: [{ type: 'text', value: `${n++}. ` }, ...c.children] } as Element : c)) };
  });
  return tokens(sourceText({ ...tree, children: numbered(tree.children as ElementContent[]) }));
}

/** The source with omitted lines blanked (line numbers kept) and declared changes applied. */
export function prepareSource(source: string, edition: Edition, problems: string[]): { text: string; omitted: string } {
  const lines = source.split('\n');
  const omittedLines: string[] = [];
  const taken = new Map<number, string>();
  edition.omissions.forEach(({ lines: [first, last], kind }, i) => {
    const field = `field "edition.omissions[${i}].lines"`;
    if (last > lines.length) problems.push(`${field}: expected lines of the source, but omission ${first}–${last} ends after its last line, ${lines.length}`);
    for (let n = first; n <= Math.min(last, lines.length); n++) {
      if (taken.has(n)) problems.push(`${field}: expected each line in one omission, but line ${n} is in two (${taken.get(n)} and ${first}–${last})`);
      taken.set(n, `${first}–${last} ${kind}`);
      omittedLines.push(lines[n - 1]!);
      lines[n - 1] = '';
    }
  });
  let text = lines.join('\n');
  // Apply changes from the last line up, so earlier offsets stay valid.
  const changes = edition.changes.map((change, i) => ({ change, field: `field "edition.changes[${i}]"` }));
  for (const { change, field } of changes.sort((a, b) => b.change.line - a.change.line)) {
    if (change.line > lines.length) {
      problems.push(`${field}: expected a line of the source, but line ${change.line} is after its last line, ${lines.length}`);
      continue;
    }
    if (taken.has(change.line)) problems.push(`${field}: expected a line the edition prints, but line ${change.line} falls in an omission`);
    const start = lineOffset(text, change.line);
    const end = lineOffset(text, change.line + 1);
    const at = text.indexOf(change.source, start);
    if (at === -1 || at >= end) {
      problems.push(`${field}: expected ${JSON.stringify(change.source)} to start on source line ${change.line}; it does not`);
      continue;
    }
    if (text.indexOf(change.source, at + 1) !== -1 && text.indexOf(change.source, at + 1) < end) {
      problems.push(`${field}: expected ${JSON.stringify(change.source)} once on source line ${change.line}; it occurs more than once`);
    }
    text = text.slice(0, at) + change.edition + text.slice(at + change.source.length);
  }
  return { text, omitted: omittedLines.join('\n') };
}

function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

/** Maps token indices to lines by finding each token, in order, in the raw text. */
function lineFinder(raw: string, toks: string[]): (index: number) => number {
  const starts: number[] = [];
  let cursor = 0;
  for (const tok of toks) {
    // A rendered word missing from the raw text here (markup rendered away) would match far ahead and drag every later line
    // with it: only a match within a short reach counts.
    const at = raw.indexOf(tok, cursor);
    const near = at !== -1 && at - cursor <= 400;
    if (near) cursor = at + tok.length;
    starts.push(near ? at : cursor);
  }
  return (index) => {
    const offset = starts[Math.min(index, starts.length - 1)] ?? raw.length;
    return raw.slice(0, offset).split('\n').length;
  };
}

/** The frontmatter values a metadata omission claims to have carried over. */
function metadataValues(paper: PaperData, field: string): string[] | undefined {
  const d = paper;
  const fields: Record<string, () => (string | null | undefined)[]> = {
    title: () => [d.title],
    abstract: () => [d.abstract],
    keywords: () => d.keywords,
    authors: () => d.authors.flatMap((a) => [a.asPrinted, a.affiliation]),
    contributors: () => d.contributors.flatMap((c) => [c.name, c.affiliation]),
    'dates.published': () => [d.dates.published?.asPrinted],
    'dates.received': () => [d.dates.received?.asPrinted],
    'dates.accepted': () => [d.dates.accepted?.asPrinted],
    'dates.issued': () => [d.dates.issued?.asPrinted],
    'venue.journal': () => [d.venue.journal],
    'venue.abbreviation': () => [d.venue.abbreviation],
    'venue.volume': () => [d.venue.volume],
    'venue.issue': () => [d.venue.issue],
    'venue.issueDate': () => [d.venue.issueDate],
    'venue.pages': () => (d.venue.pages ? [d.venue.pages.first, d.venue.pages.last] : []),
    'venue.issn': () => [d.venue.issn],
    'venue.eIssn': () => [d.venue.eIssn],
    'venue.doi': () => [d.venue.doi],
    'venue.url': () => [d.venue.url],
    'venue.publisher': () => [d.venue.publisher],
    'thesis.institution': () => [d.thesis?.institution],
    'thesis.department': () => [d.thesis?.department],
    'thesis.faculty': () => [d.thesis?.faculty],
    'thesis.registrationNumber': () => [d.thesis?.registrationNumber],
  };
  const read = fields[field];
  return read?.().filter((v): v is string => typeof v === 'string');
}

/** Whether `needle` is printed in `haystack` as whole words (punctuation may adjoin, letters and digits may not). */
const containsRun = (haystack: string[], needle: string[]) => {
  const escaped = needle.join(' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(haystack.join(' '));
};

/** Checks an edition against its source; `rendered` is the body through the site's pipeline, when the caller has it already (rendering is most of the cost). */
export async function checkFidelity(source: string, paper: PaperData, body: string, rendered?: Root): Promise<FidelityReport> {
  const problems: string[] = [];
  const prepared = prepareSource(source, paper.edition, problems);
  const sourceToks = comparedTokens(await renderSourceMarkdown(prepared.text));
  const editionToks = comparedTokens(rendered ?? (await renderMarkdown(body, paper as unknown as Record<string, unknown>)));
  const omittedToks = comparedTokens(await renderSourceMarkdown(prepared.omitted));

  // Metadata omissions: each named field's value must be printed in those lines.
  for (const [i, omission] of paper.edition.omissions.entries()) {
    if (omission.kind !== 'metadata') continue;
    const [first, last] = omission.lines;
    const at = `field "edition.omissions[${i}].fields"`;
    const lineToks = comparedTokens(await renderSourceMarkdown(source.split('\n').slice(first - 1, last).join('\n')));
    if (!omission.fields?.length) problems.push(`${at}: expected the fields metadata omission ${first}–${last} went into; it names none`);
    for (const field of omission.fields ?? []) {
      const values = metadataValues(paper, field);
      if (values === undefined) {
        problems.push(`${at}: expected a frontmatter field, got unknown field "${field}"`);
        continue;
      }
      if (values.length === 0) problems.push(`${at}: expected a value in "${field}", which is empty`);
      for (const value of values) {
        if (!containsRun(lineToks, tokens(value))) {
          problems.push(`${at}: metadata omission ${first}–${last}: ${field} value ${JSON.stringify(value)} is not printed in those lines`);
        }
      }
    }
  }

  const joinMarks = body.match(/\{\{ed:join\}\}/g)?.length ?? 0;
  if (joinMarks !== paper.edition.joins.length) {
    problems.push(`field "edition.joins": expected one entry per {{ed:join}} mark of the body (${joinMarks}), but it declares ${paper.edition.joins.length}`);
  }
  const sourceLines = source.split('\n').length;
  paper.edition.joins.forEach(({ lines: [first, last] }, i) => {
    if (last > sourceLines) problems.push(`field "edition.joins[${i}].lines": expected lines of the source, but ${first}–${last} ends after its last line, ${sourceLines}`);
    else if (first === last) problems.push(`field "edition.joins[${i}].lines": expected the lines of a paragraph broken across a page, at least two; got only line ${first}`);
  });

  const sourceLine = lineFinder(prepared.text, sourceToks);
  const editionLine = lineFinder(body, editionToks);
  const divergences: Divergence[] = [];
  let matched = 0;
  let si = 0;
  let ei = 0;
  const parts = diffArrays(sourceToks, editionToks);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      matched += part.count ?? part.value.length;
      si += part.value.length;
      ei += part.value.length;
      continue;
    }
    const removed = part.removed ? part.value : [];
    const next = parts[i + 1];
    const added = part.added ? part.value : next?.added && part.removed ? next.value : [];
    if (part.removed && next?.added) i++;
    divergences.push({
      sourceLine: sourceLine(si),
      editionLine: editionLine(ei),
      missing: removed.slice(0, 12),
      unexpected: added.slice(0, 12),
      context: sourceToks.slice(Math.max(0, si - 6), si).join(' '),
    });
    si += removed.length;
    ei += added.length;
  }

  return {
    sourceWords: sourceToks.length + omittedToks.length,
    matchedWords: matched,
    omittedWords: omittedToks.length,
    divergences,
    problems,
    ok: divergences.length === 0 && problems.length === 0,
  };
}
