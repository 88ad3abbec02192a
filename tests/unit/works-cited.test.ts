import { expect, test } from 'vitest';
import { referenceId, referenceKey, referenceKeyOf, referenceLabel } from '../../src/lib/references.ts';
import { worksCited } from '../../src/lib/works-cited.ts';

const passage = (n: number) => ({ number: n, id: `p${n}`, section: '', text: '' });

test('groups entries and citations of several papers by surname-year key', () => {
  const works = worksCited([
    { paper: 'A', references: [{ id: 'ref-rashid-2000', text: 'Rashid, A. (2000). Taliban.' }], citations: [{ passage: passage(3), key: 'rashid-2000', label: 'Rashid, 2000', linked: true }] },
    { paper: 'B', references: [], citations: [{ passage: passage(7), key: 'rashid-2000', label: 'Rashid, 2000', linked: false }, { passage: passage(9), key: 'khan-2024', label: 'Khan, 2024', linked: false }] },
  ]);
  expect(works.map((w) => [w.key, w.entry, w.byPaper.map((b) => [b.paper, b.reference?.id ?? null, b.citations.map((c) => c.passage.id)])])).toEqual([
    ['khan-2024', null, [['B', null, ['p9']]]],
    ['rashid-2000', 'Rashid, A. (2000). Taliban.', [['A', 'ref-rashid-2000', ['p3']], ['B', null, ['p7']]]],
  ]);
});

test('an entry is named by its first word and year as printed, with its anchor read back to its key', () => {
  expect(referenceLabel('Rashid, A. (2000). Taliban: Militant Islam, Oil and Fundamentalism.')).toBe('Rashid, 2000');
  expect(referenceLabel('Ḥaqqānī, H. Undated pamphlet.')).toBe('Ḥaqqānī, n.d.');
  expect(referenceKeyOf(referenceId(referenceKey('Rashid, A. (2000). Taliban')))).toBe('rashid-2000');
  expect(referenceKeyOf('p12')).toBeNull();
});
