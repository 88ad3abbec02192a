/**
 * npm run fidelity -- [paper-id…]: compares each edition with its source and
 * prints where they diverge. Exits 1 unless every paper named (default: all) is at 100%.
 */
import { checkFidelity } from '../src/lib/fidelity.ts';
import { editionFiles, readEdition, readEditionById } from '../src/lib/edition-file.ts';

const ids = process.argv.slice(2);
let editions;
try {
  editions = ids.length ? ids.map(readEditionById) : editionFiles().map(readEdition);
} catch (error) {
  // A draft that does not read yet (YAML, schema): its file and field, without a stack trace.
  console.error((error as Error).message);
  process.exit(1);
}
let failed = false;
for (const { data, body, source } of editions) {
  const report = await checkFidelity(source, data, body);
  const pct = ((100 * (report.matchedWords + report.omittedWords)) / report.sourceWords).toFixed(2);
  console.log(`${data.id}: ${report.matchedWords} words matched + ${report.omittedWords} in declared omissions, of ${report.sourceWords} (${pct}%)`);
  for (const p of report.problems) console.log(`  problem: ${p}`);
  for (const d of report.divergences.slice(0, 8)) {
    console.log(`  divergence at source line ${d.sourceLine} (edition body line ${d.editionLine}), after "…${d.context}"`);
    if (d.missing.length) console.log(`    source has:  ${d.missing.join(' ')}`);
    if (d.unexpected.length) console.log(`    edition has: ${d.unexpected.join(' ')}`);
  }
  if (report.divergences.length > 8) console.log(`  … and ${report.divergences.length - 8} more divergences`);
  failed ||= !report.ok;
}
process.exit(failed ? 1 : 0);
