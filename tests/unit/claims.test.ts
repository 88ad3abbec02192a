/**
 * Claims: the schema rejects malformed claims with the field and the
 * expectation; the verification finds a quotation only where the passage
 * prints it word for word; the CSV export parses back to its records.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { claimSchema, quantitySchema } from '../../src/schema/claim.ts';
import { slugId } from '../../src/schema/fields.ts';
import { claimProblems, closestMatch, type ClaimFields, type KnownIds } from '../../src/lib/claims.ts';
import { claimColumns, claimRecord, claimsCsv } from '../../src/lib/claims-export.ts';

const schema = claimSchema({ paper: slugId, theme: slugId, quantity: slugId });
const messages = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

const validClaim = () => ({
  id: 'ntr-a-claim',
  paper: 'neo-taliban-regime',
  passage: 'p4',
  kind: 'statistic',
  quotation: 'The border is 2,640 km long (Author, 2020).',
  themes: ['durand-line'],
  citation: '(Author, 2020)',
  measure: { quantity: 'durand-line-length', figure: '2,640 km' },
});
type RawClaim = ReturnType<typeof validClaim>;

test('the valid fixture passes, so each failure below is caused by its one change', () => {
  expect(messages(schema.safeParse(validClaim()))).toEqual([]);
});

describe('a claim with one bad field fails with the field and the expectation', () => {
  const cases: [string, (c: RawClaim) => unknown, string][] = [
    ['passage without the p', (c) => ({ ...c, passage: '4' }), 'passage: expected a paragraph anchor like "p12" (as `npm run passages` prints it)'],
    ['passage p0', (c) => ({ ...c, passage: 'p0' }), 'passage: expected a paragraph anchor like "p12" (as `npm run passages` prints it)'],
    ['unknown kind', (c) => ({ ...c, kind: 'opinion' }), 'kind: expected one of: main-argument, finding, statistic, recommendation, definition'],
    ['empty quotation', (c) => ({ ...c, quotation: ' ' }), 'quotation: expected non-empty text'],
    ['no theme', (c) => ({ ...c, themes: [] }), 'themes: expected at least one theme'],
    ['a citation on a finding', (c) => ({ ...c, kind: 'finding', measure: undefined }), 'citation: expected no citation (null) except on a statistic'],
    ['a measure on a finding', (c) => ({ ...c, kind: 'finding', citation: null }), 'measure: expected a measure only on a statistic'],
    ['a measure without its figure', (c) => ({ ...c, measure: { quantity: 'durand-line-length' } }), 'measure.figure: expected text'],
    ['an unknown key (a typo)', (c) => ({ ...c, quote: 'x' }), ': Unrecognized key: "quote"'],
  ];
  test.each(cases)('%s', (_name, breakIt, expected) => {
    expect(messages(schema.safeParse(breakIt(validClaim())))).toContain(expected);
  });
});

describe('claim fields', () => {
  test('a quotation folded over YAML lines is compared with its whitespace collapsed', () => {
    const parsed = schema.parse({ ...validClaim(), quotation: 'The border is\n  2,640 km long (Author, 2020).' });
    expect(parsed.quotation).toBe('The border is 2,640 km long (Author, 2020).');
  });
  test('a missing citation means none was given', () => {
    const { citation: _, ...claim } = validClaim();
    expect(schema.parse(claim).citation).toBeNull();
  });
  test('a quantity needs a name and a theme', () => {
    expect(messages(quantitySchema(slugId).safeParse({ id: 'x' }))).toEqual(['name: expected text', 'theme: expected a string id']);
  });
});

describe('verifying a claim against its passage', () => {
  const text = 'The porous 2,640 km border has long served as a conduit (Author, 2020). It is not recognised.';
  const known: KnownIds = {
    passages: new Map([['neo-taliban-regime', [
      { number: 1, id: 'p1', section: '', text: 'An opening paragraph.' },
      { number: 2, id: 'p2', section: '', text },
    ]]]),
    themes: new Set(['durand-line']),
    quantities: new Set(['durand-line-length']),
    idKeys: { 'neo-taliban-regime': 'ntr' },
  };
  const file = 'content/claims/neo-taliban-regime/ntr-a-claim.yaml';
  const claim = (change: Partial<ClaimFields> = {}): ClaimFields => ({
    id: 'ntr-a-claim',
    paper: 'neo-taliban-regime',
    passage: 'p2',
    kind: 'statistic',
    quotation: 'The porous 2,640 km border has long served as a conduit (Author, 2020).',
    themes: ['durand-line'],
    citation: '(Author, 2020)',
    measure: { quantity: 'durand-line-length', figure: '2,640 km' },
    ...change,
  });

  test('a verbatim quotation from the cited passage passes', () => {
    expect(claimProblems(claim(), file, known)).toEqual([]);
  });
  test('one changed character fails, naming the file and field and showing where the texts part', () => {
    expect(claimProblems(claim({ quotation: 'The porous 2,640 km border has long served as a condiut (Author, 2020).' }), file, known)).toEqual([
      `${file}: field "quotation": expected a verbatim quotation from passage p2 of neo-taliban-regime; not found there (closest: the passage agrees up to "…,640 km border has long served as a cond", then reads "uit (Author, 2020). It is not " where the quotation has "iut (Author, 2020).")`,
    ]);
  });
  test('a quotation from another passage of the paper fails, saying where it is', () => {
    expect(claimProblems(claim({ passage: 'p1' }), file, known)[0]).toContain('not found there (it is in p2)');
  });
  test('a passage the paper does not have fails with the range it has', () => {
    expect(claimProblems(claim({ passage: 'p9' }), file, known)).toEqual([
      `${file}: field "passage": expected a paragraph anchor of neo-taliban-regime (p1–p2, as \`npm run passages -- neo-taliban-regime\` prints them), got "p9"`,
    ]);
  });
  test('an unknown theme, quantity or paper fails with the ids expected', () => {
    expect(claimProblems(claim({ themes: ['durand'] }), file, known)).toEqual([`${file}: field "themes[0]": expected the id of an entry in content/themes/ (one of: durand-line), got "durand"`]);
    expect(claimProblems(claim({ measure: { quantity: 'border-length', figure: '2,640 km' } }), file, known)).toEqual([
      `${file}: field "measure.quantity": expected the id of an entry in content/quantities/ (one of: durand-line-length), got "border-length"`,
    ]);
    expect(claimProblems(claim({ paper: 'no-such-paper' }), 'content/claims/no-such-paper/ntr-a-claim.yaml', known)).toContain(
      'content/claims/no-such-paper/ntr-a-claim.yaml: field "paper": expected the id of an entry in content/papers/ (one of: neo-taliban-regime), got "no-such-paper"',
    );
  });
  test('a citation or figure not printed as given fails', () => {
    expect(claimProblems(claim({ citation: '(Author 2020)' }), file, known)[0]).toMatch(/field "citation": expected the in-text citation exactly as passage p2 of neo-taliban-regime prints it, or null; not found there/);
    expect(claimProblems(claim({ measure: { quantity: 'durand-line-length', figure: '2640 km' } }), file, known)).toEqual([
      `${file}: field "measure.figure": expected the figure exactly as the quotation prints it; "2640 km" is not in the quotation`,
    ]);
  });
  test("an id without its paper's key, or a file outside its paper's folder, fails", () => {
    expect(claimProblems(claim({ id: 'a-claim' }), file, known)).toEqual([`${file}: field "id": expected an id starting with "ntr-" (the key of neo-taliban-regime), got "a-claim"`]);
    expect(claimProblems(claim(), 'content/claims/taliban-ttp-nexus/ntr-a-claim.yaml', known)[0]).toContain('expected the claim\'s file in the folder of its paper, content/claims/neo-taliban-regime/');
  });
  test('closestMatch says so when nothing matches', () => {
    expect(closestMatch('Something else entirely', text)).toBe('no part of the passage starts like the quotation "Something else entirely…"');
  });
});

test('the CSV export parses back (RFC 4180) to the same records, quotes, commas and line breaks included', () => {
  const awkward = claimRecord(
    { id: 'sdc-x', paper: 'p', passage: 'p3', kind: 'finding', quotation: 'He said "no", then, after a pause,\nleft.', themes: ['a', 'b'], citation: null },
    'https://example.org/papers/p/#p3',
  );
  const plain = claimRecord({ id: 'sdc-y', paper: 'p', passage: 'p4', kind: 'statistic', quotation: '2,670 km', themes: ['a'], citation: '(X, 2020)', measure: { quantity: 'q', figure: '2,670 km' } }, 'https://example.org/papers/p/#p4');
  const rows = parseCsv(claimsCsv([awkward, plain]), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
  expect(Object.keys(rows[0]!)).toEqual([...claimColumns]);
  expect(rows[0]).toMatchObject({ id: 'sdc-x', quotation: 'He said "no", then, after a pause,\nleft.', themes: 'a;b', citation: '', figure: '' });
  expect(rows[1]).toMatchObject({ id: 'sdc-y', citation: '(X, 2020)', quantity: 'q', figure: '2,670 km', paragraphUrl: 'https://example.org/papers/p/#p4' });
});
