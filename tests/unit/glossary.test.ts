import { expect, test } from 'vitest';
import { definitionsIn, expansionBefore } from '../../src/lib/glossary.ts';

test.each([
  ['the Shanghai Cooperation Organization', 'SCO', 'Shanghai Cooperation Organization'],
  ['the rise of Tehrik-i-Taliban Pakistan', 'TTP', 'Tehrik-i-Taliban Pakistan'],
  ['Federally Administered Tribal Areas', 'FATA', 'Federally Administered Tribal Areas'],
  ['China-Pakistan Economic Corridor', 'CPEC', 'China-Pakistan Economic Corridor'],
  ['some unrelated words', 'SCO', null],
])('"%s (%s)"', (before, abbreviation, expected) => {
  expect(expansionBefore(before, abbreviation)).toBe(expected);
});

test('keeps the first definition in a paper, with its passage', () => {
  const passage = (n: number, text: string) => ({ number: n, id: `p${n}`, section: '', text });
  const defs = definitionsIn([passage(1, 'the Belt and Road Initiative (BRI) and'), passage(2, 'again Belt and Road Initiative (BRI).')]);
  expect(defs.map((d) => [d.abbreviation, d.expansion, d.passage.id])).toEqual([['BRI', 'Belt and Road Initiative', 'p1']]);
});
