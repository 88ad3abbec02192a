/**
 * npm run permanence [-- --record]: checks the built site (dist/, from
 * `npm run build`) against content/published.json. With --record, adds the
 * URLs and anchors published for the first time; it never changes or removes
 * a recorded one: a moved page needs a redirect and changed text an erratum,
 * written into the record by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../src/lib/edition-file.ts';
import { checkPermanence, readPublishedSite, recordNew, type PermanenceRecord } from '../src/lib/permanence.ts';

const recordFile = path.join(contentDir, 'published.json');
const record = JSON.parse(readFileSync(recordFile, 'utf8')) as PermanenceRecord;
const site = readPublishedSite(path.resolve(import.meta.dirname, '../dist'));
const { broken, unrecorded } = checkPermanence(record, site);

for (const b of broken) console.log(`broken: ${b}`);
if (process.argv.includes('--record')) {
  writeFileSync(recordFile, `${JSON.stringify(recordNew(record, site), null, 1)}\n`);
  console.log(`recorded ${unrecorded.length} new URLs and anchors in content/published.json`);
} else {
  for (const u of unrecorded) console.log(`not yet recorded: ${u}`);
}
const anchors = [...site.values()].reduce((n, a) => n + a.size, 0);
console.log(`${site.size} published URLs, ${anchors} citable anchors; ${broken.length} broken, ${unrecorded.length} new`);
if (broken.length) {
  console.log('Restore what was published, or record a redirect (moved page) or an erratum (changed text) in content/published.json.');
  process.exit(1);
}
