/**
 * Edition bodies are text: raw HTML, HTML comments and links to anything but
 * the web, mail or this site stop the build, naming the file and line. What
 * an edition may carry instead is Markdown, which the pipeline renders and
 * escapes. The one exception is `<br>`: the sources print line breaks inside
 * table cells, and Markdown has no other way to write one there.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { placeOf } from './frontmatter.ts';

/** Raw HTML an edition may contain, each with the reason it is needed. */
export const allowedMarkup: { pattern: RegExp; reason: string }[] = [
  { pattern: /^<br\s*\/?>$/, reason: 'a line break inside a table cell, as the source prints it' },
];

/** Why a link target cannot be published, or null when it can: http(s), mailto, or a path or fragment of this site. */
export function unsafeLinkReason(url: string): string | null {
  // Browsers ignore control characters and white space inside a scheme ("java\tscript:"), so the check does too.
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = squeezed.match(/^([a-z][a-z0-9+.-]*):/i)?.[1]?.toLowerCase();
  if (scheme !== undefined) return ['http', 'https', 'mailto'].includes(scheme) ? null : `the scheme "${scheme}:" is not allowed`;
  if (/^[\\/]{2}/.test(squeezed)) return 'a protocol-relative link ("//…") leaves the site without saying how';
  return null;
}

export function remarkTextOnly() {
  return (tree: Root, file: VFile) => {
    const problems: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'html') {
        const raw = node.value.trim();
        if (allowedMarkup.some((a) => a.pattern.test(raw))) return;
        const what = raw.startsWith('<!--') ? 'an HTML comment' : 'raw HTML';
        problems.push(`${placeOf(file, node)}: expected text, found ${what} ${JSON.stringify(raw.slice(0, 60))} (allowed markup: <br> in a table cell)`);
      } else if (node.type === 'image') {
        problems.push(`${placeOf(file, node)}: expected text, found an image ${JSON.stringify(node.url.slice(0, 60))}`);
      } else if (node.type === 'link' || node.type === 'definition') {
        const reason = unsafeLinkReason(node.url);
        if (reason) problems.push(`${placeOf(file, node)}: expected a link to http(s), mailto or a path of this site, found ${JSON.stringify(node.url.slice(0, 60))} (${reason})`);
      }
    });
    if (problems.length) throw new Error(problems.join('\n'));
  };
}
