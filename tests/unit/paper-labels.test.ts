/** Short paper labels: author–year from family names where known, the citations' short title where no author is named, unique per corpus. */
import { describe, expect, test } from 'vitest';
import { authorsLabel, paperLabel, paperLabels } from '../../src/lib/paper-labels.ts';

describe('paper labels', () => {
  test.each([
    [[{ name: 'Asma' }], 'Asma'],
    [[{ name: 'Nazik Ali', nameParts: { family: 'Ali' } }, { name: 'Ghulam Mustafa', nameParts: { family: 'Mustafa' } }], 'Ali & Mustafa'],
    [[{ name: 'A B', nameParts: { family: 'B' } }, { name: 'C D', nameParts: { family: 'D' } }, { name: 'E F' }], 'B et al.'],
  ])('authors %j read %s', (authors, expected) => {
    expect(authorsLabel(authors)).toBe(expected);
  });

  test('a paper without author is named by its short title, and a missing year says n.d.', () => {
    expect(paperLabel('Assessing the Impact of the Return: A Study', [], null)).toBe('Assessing the Impact n.d.');
  });

  test('two papers with one label are told apart by a letter after the year', () => {
    const papers = ['x', 'y', 'z'].map((id) => ({ id, data: { title: id === 'z' ? 'Other Title' : 'Same' } }));
    const labels = paperLabels(papers, (p) => (p.id === 'z' ? [] : [{ name: 'Khan', nameParts: { family: 'Khan' } }]), () => '2024');
    expect([...labels.values()]).toEqual(['Khan 2024a', 'Khan 2024b', 'Other Title 2024']);
  });
});
