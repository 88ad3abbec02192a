import { expect, test } from 'vitest';
import { aliasPattern, excerptAround, passagesMentioning } from '../../src/lib/theme-passages.ts';

const passage = (number: number, text: string) => ({ number, id: `p${number}`, section: '', text });

test.each([
  ['Durand Line', 'the durand line dispute', true],
  ['DL', 'along the DL fence', true],
  ['DL', 'a DLL file', false],
  ['U.S.', 'the U.S. withdrawal', true],
  ['IS-KP', 'attacks by IS-KP.', true],
  ['TTP', 'TTP’s attacks', true],
  ['India', 'Indian ocean', false],
])('alias %s in "%s": %s', (alias, text, expected) => {
  expect(aliasPattern([alias]).test(text)).toBe(expected);
});

test('lists the passages that print an alias, with the spellings found', () => {
  const found = passagesMentioning([passage(1, 'Tehreek-e-Taliban and TTP'), passage(2, 'nothing here'), passage(3, 'Tehrik-i-Taliban')], ['TTP', 'Tehreek-e-Taliban', 'Tehrik-i-Taliban']);
  expect(found.map((m) => [m.passage.id, m.found])).toEqual([
    ['p1', ['Tehreek-e-Taliban', 'TTP']],
    ['p3', ['Tehrik-i-Taliban']],
  ]);
});

test('excerpts around the first match', () => {
  expect(excerptAround(`${'a '.repeat(100)}Durand Line ${'b '.repeat(100)}`, ['Durand Line'], 10)).toBe('… a a a a a Durand Line b b b b b …');
});

test('an excerpt is cut between words, never inside one, and marks each cut', () => {
  const text = 'Pakistan sees a stable and friendly Afghanistan as critical; the porous Durand Line has served militants for decades.';
  const excerpt = excerptAround(text, ['Durand Line'], 20);
  expect(excerpt).toBe('… critical; the porous Durand Line has served militants …');
  expect(excerptAround('The Durand Line.', ['Durand Line'], 20)).toBe('The Durand Line.');
  expect(excerptAround(`${'word '.repeat(30)}end`, ['absent'], 20)).toBe(`${'word '.repeat(8).trim()} …`);
});
