/**
 * The notebook's mechanisms on a small fixture: addresses, adding once,
 * shared links and files (round trip, and every kind of bad input refused
 * with a reason), following moved pages and errata, and exports that keep a
 * quotation's words as words.
 */
import { describe, expect, test } from 'vitest';
import { claimRef, merged, parseRef, passageRef, withItem, type NotebookItem } from '../../src/lib/notebook.ts';
import type { NotebookCorpus, NotebookPaper } from '../../src/lib/notebook-data.ts';
import { resolveItem, themeOf, type ResolvedItem } from '../../src/lib/notebook-resolve.ts';
import { decodeShare, encodeShare, fromNotebookFile, maxNoteLength, toNotebookFile } from '../../src/lib/notebook-share.ts';
import { annotatedBibliography, toMarkdown, toText } from '../../src/scripts/notebook-export.ts';

/** A fixture corpus of one paper (its data as the build writes it), once published under another id. */
const paper: NotebookPaper = {
  id: 'fixture-paper',
  title: 'A fixture paper',
  url: 'https://corpus.example/papers/fixture-paper/',
  styles: { apa: { reference: [{ text: 'Author, A. (2024). ' }, { text: 'A fixture paper', italic: true }, { text: '.' }], pinpoint: '(Author, 2024, para. 999999)' } },
  placeholder: '999999',
  downloads: { bib: '/papers/fixture-paper/citation.bib', ris: '/papers/fixture-paper/citation.ris' },
  passages: {
    p1: { n: 1, text: 'First words *as printed* [1].', hash: '1111111111111111', themes: ['refugees'] },
    p2: { n: 2, text: 'Second paragraph, corrected.', hash: '2222222222222222', themes: [] },
  },
  claims: { 'fx-claim': { anchor: 'p1', quotation: 'First words', themes: ['trade'] } },
};
const corpus: NotebookCorpus = {
  papers: { 'fixture-paper': { title: paper.title, year: '2024', data: '/notebook/data/papers/fixture-paper.json' } },
  claims: { 'fx-claim': 'fixture-paper' },
  themes: { refugees: 'Refugees', trade: 'Trade' },
  styles: [{ id: 'apa', label: 'APA' }],
  redirects: { '/papers/old-id/': '/papers/fixture-paper/' },
  errata: [{ page: '/papers/fixture-paper/', anchor: 'p2', note: 'a misread word restored from the source' }],
};
const papers = new Map([[paper.id, paper]]);
const resolve = (item: NotebookItem) => resolveItem(item, corpus, papers);

describe('addresses', () => {
  test.each([
    ['/papers/taliban-ttp-nexus/#p12', { kind: 'passage', page: '/papers/taliban-ttp-nexus/', paper: 'taliban-ttp-nexus', anchor: 'p12' }],
    ['/claims/#ttn-attacks-2023', { kind: 'claim', page: '/claims/', claim: 'ttn-attacks-2023' }],
    ['/papers/x/#p0', null],
    ['/papers/x/#ref-khan2020', null],
    ['/papers/<b>/#p1', null],
    ['javascript:alert(1)', null],
    ['https://elsewhere.example/papers/x/#p1', null],
  ])('%s', (ref, expected) => expect(parseRef(ref)).toEqual(expected));

  test('the helpers write what parseRef reads', () => {
    expect(parseRef(passageRef('a-paper', 'p3'))).toMatchObject({ paper: 'a-paper', anchor: 'p3' });
    expect(parseRef(claimRef('a-claim'))).toMatchObject({ claim: 'a-claim' });
  });

  test('a passage added twice is in the notebook once; merging keeps the note already written', () => {
    const once = withItem(withItem({ items: [] }, '/papers/a/#p1'), '/papers/a/#p1');
    expect(once.items).toHaveLength(1);
    const mine = { items: [{ ref: '/papers/a/#p1', note: 'mine' }] };
    expect(merged(mine, [{ ref: '/papers/a/#p1', note: 'theirs' }, { ref: '/papers/a/#p2', note: 'new' }]).items)
      .toEqual([{ ref: '/papers/a/#p1', note: 'mine' }, { ref: '/papers/a/#p2', note: 'new' }]);
  });
});

describe('shared links', () => {
  const items: NotebookItem[] = [
    { ref: '/papers/fixture-paper/#p1', note: 'Compare with ¶ 2 — “safe havens” <b>not bold</b> & done', theme: 'trade' },
    { ref: '/claims/#fx-claim', note: '' },
  ];

  test('a notebook survives the round trip, in order, with notes and chosen themes', async () => {
    const code = await encodeShare(items);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShare(code)).toEqual({ items });
  });

  test('the link carries addresses and notes, not hashes of seen text', async () => {
    expect(await decodeShare(await encodeShare([{ ...items[1]!, seen: '1111111111111111' }]))).toEqual({ items: [items[1]] });
  });

  const encodeRaw = async (payload: unknown) => {
    const deflated = await new Response(new Blob([JSON.stringify(payload)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    return Buffer.from(deflated).toString('base64url');
  };

  test.each([
    ['not base64url', async () => 'a+b/c=', /damaged/],
    ['not deflated', async () => Buffer.from('hello').toString('base64url'), /damaged/],
    ['another version', () => encodeRaw({ v: 2, items: [] }), /Not a notebook: v/],
    ['an address that is not a paragraph or claim', () => encodeRaw({ v: 1, items: [['/papers/<img src=x>/#p1', '']] }), /Not a notebook: items\.0\.0: not the address/],
    ['a script address', () => encodeRaw({ v: 1, items: [['javascript:alert(1)', '']] }), /not the address/],
    ['a note that is not text', () => encodeRaw({ v: 1, items: [['/papers/a/#p1', { html: '<b>' }]] }), /Not a notebook: items\.0/],
    ['an over-long note', () => encodeRaw({ v: 1, items: [['/papers/a/#p1', 'x'.repeat(maxNoteLength + 1)]] }), /Not a notebook: items\.0/],
    ['a theme that is not an id', () => encodeRaw({ v: 1, items: [['/papers/a/#p1', '', '<script>']] }), /Not a notebook: items\.0/],
  ])('refuses %s, saying why', async (_, make, message) => {
    const result = await decodeShare(await make());
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(message);
  });

  test('a link that inflates beyond a megabyte is refused', async () => {
    const code = await encodeRaw({ v: 1, items: [['/papers/a/#p1', ' '.repeat(2_000_000)]] });
    expect(code.length).toBeLessThan(10_000);
    expect(await decodeShare(code)).toEqual({ error: expect.stringMatching(/damaged/) });
  });

  test('an address repeated in a link appears once', async () => {
    expect((await decodeShare(await encodeRaw({ v: 1, items: [['/papers/a/#p1', 'first'], ['/papers/a/#p1', 'second']] })) as { items: NotebookItem[] }).items)
      .toEqual([{ ref: '/papers/a/#p1', note: 'first' }]);
  });
});

describe('notebook files', () => {
  test('round trip', () => {
    const items = [{ ref: '/papers/a/#p1', note: 'n', seen: '1111111111111111' }];
    expect(fromNotebookFile(JSON.stringify(toNotebookFile(items)))).toEqual({ items });
  });
  test.each([
    ['not JSON', '<html>', /not JSON/],
    ['another kind of file', '{"items":[]}', /Not a notebook: format/],
    ['a bad address', JSON.stringify({ format: 'corpus-notebook', version: 1, items: [{ ref: '/x', note: '' }] }), /items\.0\.ref/],
  ])('refuses %s', (_, text, message) => expect((fromNotebookFile(text) as { error: string }).error).toMatch(message));
});

describe('resolving against the permanence record', () => {
  test('a paragraph opens on its words, with its themes', () => {
    const r = resolve({ ref: '/papers/fixture-paper/#p1', note: '' }) as ResolvedItem;
    expect(r).toMatchObject({ kind: 'passage', n: 1, quotation: paper.passages.p1!.text, changes: [] });
    expect(themeOf(r)).toBe('refugees');
    expect(themeOf({ ...r, item: { ...r.item, theme: 'trade' } })).toBe('trade');
  });

  test('an address on a moved page follows the move and says so', () => {
    const r = resolve({ ref: '/papers/old-id/#p1', note: '' }) as ResolvedItem;
    expect(r.paper.id).toBe('fixture-paper');
    expect(r.quotation).toBe(paper.passages.p1!.text);
    expect(r.changes).toEqual([expect.stringContaining('moved from /papers/old-id/ to /papers/fixture-paper/')]);
  });

  test('a corrected paragraph tells the erratum, and that it changed when the student saw other words', () => {
    expect((resolve({ ref: '/papers/fixture-paper/#p2', note: '' }) as ResolvedItem).changes).toEqual([`Corrected: ${corpus.errata[0]!.note}`]);
    expect((resolve({ ref: '/papers/fixture-paper/#p2', note: '', seen: '0000000000000000' }) as ResolvedItem).changes)
      .toEqual([`The words of this paragraph changed after you collected it: ${corpus.errata[0]!.note}`]);
  });

  test('a claim quotes its words and pins its paragraph', () => {
    expect(resolve({ ref: '/claims/#fx-claim', note: '' })).toMatchObject({ kind: 'claim', anchor: 'p1', n: 1, quotation: 'First words', themes: ['trade'] });
  });

  test.each(['/papers/unknown/#p1', '/papers/fixture-paper/#p99', '/claims/#no-such-claim'])('%s is reported, not guessed', (ref) => {
    expect(resolve({ ref, note: '' })).toEqual({ item: { ref, note: '' }, problem: `Not found in this corpus: ${ref}` });
  });
});

describe('exports', () => {
  const items = [
    resolve({ ref: '/papers/fixture-paper/#p1', note: 'a *note*' }),
    resolve({ ref: '/claims/#fx-claim', note: '' }),
  ] as ResolvedItem[];
  const entries = annotatedBibliography(items, 'apa');

  test('one reference per paper, then each quotation with its pinpoint and stable URL', () => {
    expect(entries).toHaveLength(1);
    expect(entries[0]!.quotations.map((q) => [q.pinpoint, q.url])).toEqual([
      ['(Author, 2024, para. 1)', `${paper.url}#p1`],
      ['(Author, 2024, para. 1)', `${paper.url}#p1`],
    ]);
  });

  test('Markdown keeps the words as words: asterisks and brackets are escaped, the style\'s italics are not', () => {
    const md = toMarkdown(entries);
    expect(md).toContain('*A fixture paper*');
    expect(md).toContain('First words \\*as printed\\* \\[1\\]');
    expect(md).toContain('Note: a \\*note\\*');
  });

  test('plain text gives the words exactly', () => {
    expect(toText(entries)).toContain(`“${paper.passages.p1!.text}” (Author, 2024, para. 1)`);
  });
});
