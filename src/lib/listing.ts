/**
 * Listing pages that stay small however large the corpus grows. A long list
 * is cut into numbered pages of a fixed number of rows: the first page keeps
 * the list's own URL, the next ones add `page/<n>/` (a segment no entry id
 * takes, so a paper or claim page never collides with a listing page). A group of rows (a theme's
 * claims, the papers citing one work) may run over a page break; its heading
 * is then repeated on the next page and marked as continued.
 */

/** Rows per page of each kind of listing. Large enough that today's corpus fits each list on one page. */
export const listingSizes = {
  /** Papers on a papers index, author, method or theory page, and columns of a theme page. */
  papers: 50,
  /** Papers whose passages and claims one page of a theme or theory sets side by side. */
  papersWithPassages: 20,
  /** Passages of one paper a theme or theory page shows with an excerpt; the rest are listed by number and section only. */
  excerptsPerPaper: 8,
  /** Claims of one paper in its column on a theme page; the rest are a link away, on the theme's claims list. */
  claimsPerColumn: 8,
  /** Rows (claims, citing papers, expansions) on the claims, works cited and glossary pages. */
  rows: 400,
  /** Vocabulary entries on an index page. */
  entries: 200,
  /** Papers shown in full on the home page; beyond this it shows a summary and links to the lists. */
  home: 12,
} as const;

/** The items cut into pages of at most `size`; always at least one page, so an empty list still has its page. */
export function paginate<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

export interface GroupSlice<G, T> {
  group: G;
  items: T[];
  /** The group began on an earlier page. */
  continued: boolean;
}

/** Groups of rows cut into pages of at most `size` rows, a group split where a page ends. */
export function paginateGroups<G, T>(groups: { group: G; items: T[] }[], size: number): GroupSlice<G, T>[][] {
  const rows = groups.flatMap(({ group, items }) => items.map((item, i) => ({ group, item, first: i === 0 })));
  return paginate(rows, size).map((page) => {
    const slices: GroupSlice<G, T>[] = [];
    for (const { group, item, first } of page) {
      const last = slices.at(-1);
      if (last && last.group === group) last.items.push(item);
      else slices.push({ group, items: [item], continued: !first });
    }
    return slices;
  });
}

/** The path of page `n` (from 1) of a listing whose first page is at `base` (ending in "/"). */
export const listingPagePath = (base: string, n: number) => (n === 1 ? base : `${base}page/${n}/`);

/** getStaticPaths' value of a `[...page]` parameter for page `n`: none for the first page. */
const pageParam = (n: number) => (n === 1 ? undefined : `page/${n}`);

/** getStaticPaths entries for the pages of one listing: the route's params with `page` added; as props the page's rows (`items`), its number and the count. */
export function listingPaths<T, P extends Record<string, string>, X extends object>(pages: T[][], params: P, props: X) {
  return pages.map((items, i) => ({ params: { ...params, page: pageParam(i + 1) }, props: { ...props, items, current: i + 1, count: pages.length } }));
}

/** For each key the rows of a page name, the page (from 1) that holds it: where an anchor on a paged listing lives. */
export function pageOf<T>(pages: T[][], keys: (row: T) => string[]): Map<string, number> {
  const found = new Map<string, number>();
  pages.forEach((page, i) => page.forEach((row) => keys(row).forEach((key) => found.set(key, i + 1))));
  return found;
}
