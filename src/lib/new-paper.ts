/**
 * Drafting a new edition from a source text (npm run new-paper): the
 * frontmatter skeleton with every field the paper schema has, what the text
 * itself shows (its checksum, candidate headings, page-break joins, and
 * boilerplate, running headers and metadata lines to omit, the abstract and
 * the front matter before it among them), and a report of what the editor
 * must still decide.
 * Nothing is guessed: a value the source does not give is left empty and
 * listed in `notStated`; candidates are proposals in the report, never
 * applied to the edition's declared acts.
 */
import { datePrecision } from '../schema/fields.ts';
import { omissionKinds, statableFields } from '../schema/paper.ts';
import { sha256 } from './source-file.ts';

export interface Candidate {
  /** 1-based source lines, first and last. */
  lines: [number, number];
  /** What the lines show, and why they are proposed. */
  reason: string;
}

export interface Draft {
  /** The source file's name under content/sources/: the schema's `NNN_<16 hex>.txt`. */
  sourceFile: string;
  sha256: string;
  frontmatter: Record<string, unknown>;
  /** The source text with candidate headings marked `## `. */
  body: string;
  headings: Candidate[];
  joins: Candidate[];
  omissions: (Candidate & { kind: (typeof omissionKinds)[number] })[];
  /** What the editor must still decide, one line each. */
  decisions: string[];
}

/** Lines that are journal furniture or metadata wherever they appear: each pattern with the omission kind and why. */
const boilerplate: { pattern: RegExp; kind: (typeof omissionKinds)[number]; reason: string }[] = [
  { pattern: /^\s*(page\s+)?\d{1,4}\s*$/i, kind: 'page-furniture', reason: 'a page number alone on its line' },
  { pattern: /\bvol(ume)?\.?\s*\d+\s*,?\s*(no|issue)\.?\s*\d+/i, kind: 'page-furniture', reason: 'a running header or footer naming volume and issue' },
  { pattern: /©|\bcopyright\b|creative commons|\blicen[cs]ed under\b/i, kind: 'boilerplate', reason: 'a copyright or licence notice' },
  { pattern: /\b(e-?mail|corresponding author)\s*:?/i, kind: 'metadata', reason: 'an e-mail or corresponding-author line (author details belong in the frontmatter)' },
  { pattern: /\b(received|accepted|published)( on)?\s*:?\s*\d/i, kind: 'metadata', reason: 'a received, accepted or published date (dates belong in the frontmatter)' },
  { pattern: /^\W*key ?words\s*[:.—–-]/i, kind: 'metadata', reason: 'a keywords line (keywords belong in the frontmatter)' },
  { pattern: /\bdoi\.org\/|\bdoi:\s*10\.|\bISSN\b/i, kind: 'metadata', reason: 'a DOI or ISSN line (identifiers belong in the frontmatter)' },
];

const terminal = /[.?!:;"”’)\]]\s*$/;

/** A line standing alone between blank lines (or the ends of the text). */
const standsAlone = (lines: string[], i: number) => lines[i]!.trim() !== '' && (lines[i - 1] ?? '').trim() === '' && (lines[i + 1] ?? '').trim() === '';

/**
 * A running header or footer that PDF text leaves between paragraphs: a line
 * that is a page number and words ("Journal of Examples 13", "14 | Jane
 * Example"), standing alone where another short line standing alone begins
 * with the same words (the venue line, the author line, the same furniture on
 * another page), or glued to a paragraph where another line is exactly those
 * words (the venue line of the masthead). Returns those words and the other
 * line's number.
 */
function runningHeader(lines: string[], i: number): { words: string; seen: number } | null {
  const alone = standsAlone(lines, i);
  const match = /^\s*(?:\d{1,4}\s*[|•·–—-]?\s*(?<after>\D.*?)|(?<before>.*?\D)\s*[|•·–—-]?\s*\d{1,4})\s*$/u.exec(lines[i]!);
  const words = (match?.groups?.after ?? match?.groups?.before ?? '').trim();
  if (words.split(/\s+/).length < 2 || !/\p{L}/u.test(words)) return null;
  const same = (line: string) => line.trim().toLowerCase() === words.toLowerCase();
  const repeats = (line: string, j: number) => line.trim().length <= 100 && standsAlone(lines, j) && line.trim().toLowerCase().startsWith(words.toLowerCase());
  const seen = lines.findIndex((line, j) => j !== i && (same(line) || (alone && repeats(line, j))));
  return seen === -1 ? null : { words, seen: seen + 1 };
}

/** A short line that stands alone, starts with a capital or a section number and ends without a full stop. */
function looksLikeHeading(lines: string[], i: number): boolean {
  const text = lines[i]!.trim();
  if (text.length > 80 || /[.,;]$/.test(text) || !standsAlone(lines, i)) return false;
  const words = text.split(/\s+/).length;
  return words <= 10 && /^(\d+(\.\d+)*\.?\s+)?\p{Lu}/u.test(text);
}

/** Every source line the omissions cover. */
const omittedLines = (omissions: Candidate[]) => new Set(omissions.flatMap((o) => Array.from({ length: o.lines[1] - o.lines[0] + 1 }, (_, k) => o.lines[0] + k)));

/** Drafts an edition of `source` (the exact bytes), to be stored as content/sources/<sourceFile>. */
export function draftEdition(source: Buffer, existingSources: string[]): Draft {
  const text = source.toString('utf8');
  const digest = sha256(source);
  const next = Math.max(-1, ...existingSources.map((f) => Number(f.slice(0, 3))).filter(Number.isFinite)) + 1;
  const sourceFile = `${String(next).padStart(3, '0')}_${digest.slice(0, 16)}.txt`;
  const lines = text.split('\n');

  const headings: Candidate[] = [];
  const omissions: Draft['omissions'] = [];
  lines.forEach((line, i) => {
    const rule = boilerplate.find((b) => b.pattern.test(line));
    const running = rule ? null : runningHeader(lines, i);
    if (rule) omissions.push({ lines: [i + 1, i + 1], kind: rule.kind, reason: `${rule.reason}: "${line.trim()}"` });
    else if (running) omissions.push({ lines: [i + 1, i + 1], kind: 'page-furniture', reason: `a running header or footer: "${running.words}" with a page number, as on line ${running.seen}: "${line.trim()}"` });
    else if (looksLikeHeading(lines, i)) headings.push({ lines: [i + 1, i + 1], reason: line.trim() });
  });

  // The abstract, taken into the frontmatter as every edition here does: under its own heading (up to the next
  // heading or omission), or a paragraph opening with its label ("Abstract: …", up to the paragraph's end).
  const abstractHeading = (i: number) => /^\W*abstract\W*$/i.test(lines[i]!.trim()) && standsAlone(lines, i);
  const abstractLabel = (i: number) => /^\W*abstract\s*[:.—–-]\s*\S/i.test(lines[i]!) && (lines[i - 1] ?? '').trim() === '';
  const abstractAt = lines.findIndex((_, i) => abstractHeading(i) || abstractLabel(i));
  if (abstractAt !== -1) {
    const heading = abstractHeading(abstractAt);
    const stops = (n: number) => (heading ? omissions.some((o) => o.lines[0] === n) || headings.some((h) => h.lines[0] === n) : !lines[n - 1]!.trim());
    let last = abstractAt + 1;
    for (let n = abstractAt + 2; n <= lines.length && !stops(n); n++) if (lines[n - 1]!.trim()) last = n;
    if (!heading || last > abstractAt + 1) {
      const asHeading = headings.findIndex((h) => h.lines[0] === abstractAt + 1);
      if (asHeading !== -1) headings.splice(asHeading, 1);
      const what = heading ? `the abstract under its heading "${lines[abstractAt]!.trim()}"` : 'the abstract, a paragraph opening with its label';
      omissions.push({ lines: [abstractAt + 1, last], kind: 'metadata', reason: `${what} (copy its text into abstract, as printed)` });
      // What comes before the abstract is the front matter: masthead, title, author block. Each run of lines not
      // already proposed is proposed on its own (the editor writes what each holds), and none is a heading.
      const omittedBefore = omittedLines(omissions);
      let start = -1;
      for (let n = 1; n <= abstractAt + 1; n++) {
        const inRun = n <= abstractAt && lines[n - 1]!.trim() !== '' && !omittedBefore.has(n);
        if (inRun && start === -1) start = n;
        if (!inRun && start !== -1) {
          const first = lines[start - 1]!.trim();
          omissions.push({ lines: [start, n - 1], kind: 'metadata', reason: `front matter before the abstract (masthead, title or author block; its facts belong in the frontmatter): "${first.length > 60 ? `${first.slice(0, 60)}…` : first}"` });
          start = -1;
        }
      }
      for (let h = headings.length - 1; h >= 0; h--) if (headings[h]!.lines[0] <= abstractAt) headings.splice(h, 1);
      omissions.sort((a, b) => a.lines[0] - b.lines[0]);
    }
  }

  // A paragraph that stops without closing punctuation and a next one that starts in lower case: a page or column break.
  const joins: Candidate[] = [];
  const omitted = omittedLines(omissions);
  const isHeading = new Set(headings.map((h) => h.lines[0]));
  const textLines = lines.map((l, i) => ({ n: i + 1, l })).filter(({ l, n }) => l.trim() !== '' && !omitted.has(n) && !isHeading.has(n));
  for (let k = 0; k + 1 < textLines.length; k++) {
    const a = textLines[k]!;
    const b = textLines[k + 1]!;
    const gap = lines.slice(a.n, b.n - 1).some((l) => l.trim() === '') || b.n - a.n > 1;
    if (gap && !terminal.test(a.l) && /^\s*\p{Ll}/u.test(b.l)) {
      joins.push({ lines: [a.n, b.n], reason: `line ${a.n} stops without closing punctuation ("…${a.l.trim().slice(-30)}") and line ${b.n} continues in lower case ("${b.l.trim().slice(0, 30)}…")` });
    }
  }

  const doubleSpaced = textLines.length > 10 && textLines.every(({ n }, k) => k === 0 || n - textLines[k - 1]!.n >= 2);
  const body = lines.map((line, i) => (isHeading.has(i + 1) ? `## ${line.trim()}` : line)).join('\n');

  const frontmatter = {
    id: '',
    title: '',
    titleSource: '',
    documentType: '',
    authors: [],
    contributors: [],
    venue: { journal: null, abbreviation: null, volume: null, issue: null, issueDate: null, pages: null, issn: null, eIssn: null, doi: null, url: null, publisher: null },
    thesis: null,
    dates: { published: null, received: null, accepted: null, issued: null },
    keywords: [],
    abstract: null,
    themes: [],
    theories: [],
    methods: [],
    language: '',
    source: { file: sourceFile, sha256: digest },
    notStated: statableFields.filter((f) => !f.startsWith('thesis.')),
    externalFacts: [],
    edition: { omissions: [], changes: [], joins: [], referencesHeading: null },
  };

  const decisions = [
    'id: the paper\'s permanent URL segment (/papers/<id>/), lowercase words joined by hyphens.',
    'title and titleSource: the title exactly as printed, and the line it was read from (or where it appears, if there is no title line).',
    `documentType: one of journal-article, thesis, article-unstated-venue (a thesis also needs "thesis" details).`,
    'language: the BCP 47 tag of the text, e.g. "en".',
    'authors: each as printed, with an entry in content/authors/; leave the list empty if the source names none.',
    'notStated: every field the source states must be filled in and removed from this list; all start as not stated.',
    `abstract, keywords, dates, venue: copy them as printed (a date is { value, precision: ${datePrecision.options.join(' | ')}, asPrinted, line }; venue.pages is { first, last }); move their lines into edition.omissions (kind metadata, with fields: the frontmatter fields they fed).`,
    'themes, theories, methods: ids from content/themes, content/theories, content/methods that the text treats.',
    `headings: ${headings.length} candidate lines are marked "## " in the body; set each level and unmark any that are not headings.`,
    `joins: ${joins.length} candidate page or column breaks (listed below); for each real one, join the paragraph with {{ed:join}} and declare it in edition.joins.`,
    `omissions: ${omissions.length} candidate boilerplate or metadata lines (listed below); remove each from the body and declare it in edition.omissions.`,
    'edition.referencesHeading: the heading of the reference list as printed, or leave null (and "referenceList" in notStated) if there is none.',
    'claims: to add claims, give the paper a key in content/claim-policy.yaml (idKeys).',
    ...(doubleSpaced ? ['The source is double-spaced (a blank line after every text line): blank lines do not mark paragraphs here; rejoin each paragraph\'s lines.'] : []),
  ];
  return { sourceFile, sha256: digest, frontmatter, body, headings, joins, omissions, decisions };
}
