/**
 * npm run passages -- <paper-id> [N…]: prints a paper's numbered passages
 * (`p<N>`, section, text) exactly as the site numbers them, for choosing
 * paragraph anchors and quotations. With numbers, prints only those passages.
 */
import { readEditionById } from '../src/lib/edition-file.ts';
import { passagesOf } from '../src/lib/passages.ts';
import { renderMarkdown } from '../src/lib/render.ts';

const [id, ...numbers] = process.argv.slice(2);
if (!id) {
  console.error('usage: npm run passages -- <paper-id> [passage number…]');
  process.exit(2);
}
const { data, body } = readEditionById(id);
const wanted = new Set(numbers.map(Number));
for (const p of passagesOf(await renderMarkdown(body, data as unknown as Record<string, unknown>))) {
  if (wanted.size && !wanted.has(p.number)) continue;
  console.log(`${p.id} [${p.section}]\n${p.text}\n`);
}
