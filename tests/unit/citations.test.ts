import { expect, test } from 'vitest';
import { citationsIn } from '../../src/lib/citations.ts';

test.each([
  ['as argued (Rashid, 2000).', [['Rashid, 2000', 'rashid-2000']]],
  ['(Khan & Khan, 2024; Rubin, 2002b)', [['Khan & Khan, 2024', 'khan-2024'], ['Rubin, 2002b', 'rubin-2002b']]],
  ['Siddiqi (2011) argues', [['2011', 'siddiqi-2011']]],
  ['Mearsheimer et al. (2001) argues', [['2001', 'mearsheimer-2001']]],
  ['in (2021-2024) the', []],
  ['the war (1979) began', []],
])('%s', (text, expected) => {
  expect(citationsIn(text).map((c) => [c.text, c.key])).toEqual(expected);
  if (text.startsWith('Siddiqi')) expect(citationsIn(text)[0]!.label).toBe('Siddiqi (2011)');
  for (const c of citationsIn(text)) expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
});
