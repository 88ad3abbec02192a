/**
 * Exports of the notebook. The annotated bibliography gives, paper by paper,
 * the reference entry in the chosen style, then each collected passage with
 * its pinpoint citation, the paragraph's stable URL and the student's note;
 * references and pinpoints are the build's output of the same CSL processor
 * and styles as the cite panel. Written as rich text (HTML and plain text on
 * the clipboard), Markdown or Word (.docx, by the `docx` library, loaded only
 * when asked for). The references alone come as the site's own BibTeX and
 * RIS downloads of each paper.
 */
import type { NotebookPaper, Run } from '../lib/notebook-data';
import { paragraphUrl, type ResolvedItem } from '../lib/notebook-resolve';
import { el } from './notebook-load';

export type ExportFormat = 'clipboard' | 'markdown' | 'docx' | 'bib' | 'ris';

export interface AnnotatedEntry {
  paper: NotebookPaper;
  reference: Run[];
  quotations: { text: string; pinpoint: string; url: string; note: string }[];
}

const plain = (runs: Run[]) => runs.map((r) => r.text).join('');

/** The annotated bibliography: one entry per paper, in the reference list's order, its quotations in notebook order. */
export function annotatedBibliography(items: ResolvedItem[], style: string): AnnotatedEntry[] {
  const entries = new Map<string, AnnotatedEntry>();
  for (const r of items) {
    const { reference, pinpoint } = r.paper.styles[style]!;
    if (!entries.has(r.paper.id)) entries.set(r.paper.id, { paper: r.paper, reference, quotations: [] });
    entries.get(r.paper.id)!.quotations.push({ text: r.quotation, pinpoint: pinpoint.replace(r.paper.placeholder, String(r.n)), url: paragraphUrl(r), note: r.item.note.trim() });
  }
  return [...entries.values()].sort((a, b) => plain(a.reference).localeCompare(plain(b.reference)));
}

/** Rich text, built as DOM (text nodes only) and read back as HTML. */
export function toHtml(entries: AnnotatedEntry[]): string {
  const body = el('div', {}, ...entries.flatMap((e) => [
    el('p', {}, ...e.reference.map((r) => (r.italic ? el('i', {}, r.text) : r.text))),
    el('ul', {}, ...e.quotations.map((q) => el('li', {},
      el('p', {}, `“${q.text}” ${q.pinpoint}`),
      el('p', {}, el('a', { href: q.url }, q.url)),
      ...(q.note ? [el('p', {}, `Note: ${q.note}`)] : [])))),
  ]));
  return body.innerHTML;
}

export function toText(entries: AnnotatedEntry[]): string {
  return entries.map((e) => [plain(e.reference), ...e.quotations.map((q) => [`  “${q.text}” ${q.pinpoint}`, `  ${q.url}`, ...(q.note ? [`  Note: ${q.note}`] : [])].join('\n'))].join('\n\n')).join('\n\n\n').concat('\n');
}

/** Markdown with the source's words escaped, so a quotation never turns into markup. */
export function toMarkdown(entries: AnnotatedEntry[]): string {
  const md = (text: string) => text.replace(/[\\`*_{}[\]<>()#+!|~-]/g, '\\$&').replace(/\n/g, ' ');
  return ['# Annotated bibliography', ...entries.map((e) => [
    e.reference.map((r) => (r.italic ? `*${md(r.text)}*` : md(r.text))).join(''),
    ...e.quotations.map((q) => [`> “${md(q.text)}” ${md(q.pinpoint)}`, `<${q.url}>`, ...(q.note ? [`Note: ${md(q.note)}`] : [])].join('\n\n')),
  ].join('\n\n'))].join('\n\n').concat('\n');
}

async function toDocx(entries: AnnotatedEntry[]): Promise<Blob> {
  const { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const doc = new Document({
    title: 'Annotated bibliography',
    sections: [{
      children: [
        new Paragraph({ text: 'Annotated bibliography', heading: HeadingLevel.HEADING_1 }),
        ...entries.flatMap((e) => [
          new Paragraph({ children: e.reference.map((r) => new TextRun({ text: r.text, italics: !!r.italic })), indent: { left: 720, hanging: 720 }, spacing: { before: 240 } }),
          ...e.quotations.flatMap((q) => [
            new Paragraph({ children: [new TextRun(`“${q.text}” ${q.pinpoint}`)], indent: { left: 720 } }),
            new Paragraph({ children: [new ExternalHyperlink({ link: q.url, children: [new TextRun({ text: q.url, style: 'Hyperlink' })] })], indent: { left: 720 } }),
            ...(q.note ? [new Paragraph({ children: [new TextRun({ text: 'Note: ', bold: true }), new TextRun(q.note)], indent: { left: 720 } })] : []),
          ]),
        ]),
      ],
    }],
  });
  return Packer.toBlob(doc);
}

/** Offers a file to save. */
export function download(name: string, type: string, content: string | Blob) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Runs one export; returns what happened, for the page's status line. */
export async function exportNotebook(format: ExportFormat, items: ResolvedItem[], style: string): Promise<string> {
  if (items.length === 0) return 'The notebook is empty: nothing to export.';
  const entries = annotatedBibliography(items, style);
  switch (format) {
    case 'clipboard': {
      const html = toHtml(entries);
      await navigator.clipboard.write([new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([toText(entries)], { type: 'text/plain' }),
      })]);
      return 'Annotated bibliography copied to the clipboard.';
    }
    case 'markdown':
      download('annotated-bibliography.md', 'text/markdown', toMarkdown(entries));
      return 'Saved annotated-bibliography.md.';
    case 'docx':
      download('annotated-bibliography.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await toDocx(entries));
      return 'Saved annotated-bibliography.docx.';
    case 'bib':
    case 'ris': {
      const files = await Promise.all(entries.map(async (e) => (await fetch(e.paper.downloads[format])).text()));
      download(`references.${format}`, format === 'bib' ? 'application/x-bibtex' : 'application/x-research-info-systems', files.join(format === 'bib' ? '\n' : '\r\n'));
      return `Saved references.${format} (${entries.length} reference${entries.length === 1 ? '' : 's'}).`;
    }
  }
}
