/**
 * Field types shared by several collections. Each carries the message a
 * content editor sees when a value is malformed, so a failed build says what
 * was expected, not just that something was wrong.
 */
import { z } from 'astro/zod';

/** A collection entry id: lower-case words joined by hyphens; it becomes a URL segment. */
export const slugId = z
  .string({ error: 'expected a string id' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'expected an id of lower-case letters, digits and single hyphens (e.g. "durand-line")',
  });

/** Text that must say something: an empty string is not an honest "absent". */
export const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected non-empty text' });

/** A DOI as printed in the source, without a resolver prefix (the characters Crossref's own pattern allows). */
export const doi = z
  .string({ error: 'expected a DOI string' })
  .regex(/^10\.\d{4,9}\/[-._;()/:A-Za-z0-9]+$/, { error: 'expected a DOI like "10.1234/abc" (no https://doi.org/ prefix)' });

/** The check digit of an ISSN's first seven digits (ISO 3297): weights 8 to 2, modulo 11, 10 written X. */
export function issnCheckDigit(first7: string): string {
  const sum = [...first7].reduce((n, d, i) => n + Number(d) * (8 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** An ISSN: four digits, a hyphen, three digits and a check digit or X that agrees with the others. */
export const issn = z
  .string({ error: 'expected an ISSN string' })
  .regex(/^\d{4}-\d{3}[\dX]$/, { error: 'expected an ISSN like "1234-567X"' })
  .superRefine((value, ctx) => {
    const expected = issnCheckDigit(value.replace('-', '').slice(0, 7));
    if (value.at(-1) !== expected) ctx.addIssue({ code: 'custom', message: `expected the check digit ${expected} for an ISSN starting "${value.slice(0, 8)}", got "${value}"` });
  });

/** A link a reader can follow: the web only (a javascript: or data: URL is a valid URL, but not one to publish). */
export const url = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/**
 * A list in which no entry appears twice (an author or theme listed twice
 * would print twice). Entries compare by id for collection references.
 */
export function distinctList<T extends z.ZodType>(item: T, what: string, key: (entry: z.output<T>) => unknown = (entry) => entry) {
  const idOf = (v: unknown) => (typeof v === 'object' && v !== null && 'id' in v ? `"${String(v.id)}"` : JSON.stringify(v));
  return z.array(item).superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((entry, i) => {
      const k = idOf(key(entry));
      const first = seen.get(k);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i], message: `expected each ${what} once, but ${k} is also entry ${first}` });
      else seen.set(k, i);
    });
  });
}

/** One or more 1-based source line numbers: [first, last]. */
export const lineRange = z
  .tuple([z.int().positive(), z.int().positive()], { error: 'expected a line range [first, last]' })
  .refine(([a, b]) => a <= b, { error: 'expected the first line to come before the last' });

/** A date exactly as precise as the source states it. */
export const datePrecision = z.enum(['day', 'month', 'season', 'year']);

const dateFormats = {
  day: { pattern: /^\d{4}-\d{2}-\d{2}$/, shape: 'YYYY-MM-DD' },
  month: { pattern: /^\d{4}-\d{2}$/, shape: 'YYYY-MM' },
  season: { pattern: /^\d{4}$/, shape: 'YYYY' },
  year: { pattern: /^\d{4}$/, shape: 'YYYY' },
} as const;

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Whether a YYYY-MM or YYYY-MM-DD value names a day or month the calendar has. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What of a date's value its printed form does not show (year, month by name or number, day), or null if it shows all. */
function disagreement(value: string, asPrinted: string): string | null {
  const [year, month, day] = value.split('-');
  const number = (n: string) => new RegExp(`(?<!\\d)0?${Number(n)}(?!\\d)`).test(asPrinted);
  if (!new RegExp(`(?<!\\d)${year}(?!\\d)`).test(asPrinted)) return `the year ${year}`;
  if (month !== undefined) {
    const name = monthNames[Number(month) - 1]!;
    const words = asPrinted.toLowerCase().match(/\p{L}+/gu) ?? [];
    const withoutYear = asPrinted.replace(year!, '');
    const named = words.some((w) => w.length >= 3 && name.startsWith(w));
    if (!named && !new RegExp(`(?<!\\d)0?${Number(month)}(?!\\d)`).test(withoutYear)) return `the month ${name}`;
  }
  if (day !== undefined && !number(day)) return `the day ${Number(day)}`;
  return null;
}

export const statedDate = z
  .strictObject({
    value: z.string({ error: 'expected an ISO date string (YYYY, YYYY-MM or YYYY-MM-DD)' }),
    precision: datePrecision,
    /** For season precision: the season as printed (e.g. "Fall"). */
    season: text.optional(),
    /** The words of the source this date was read from. */
    asPrinted: text,
    /** The source line the date was read from. */
    line: z.int().positive(),
  })
  .superRefine((d, ctx) => {
    const format = dateFormats[d.precision];
    if (!format.pattern.test(d.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `expected a ${d.precision}-precision date (${format.shape}), got "${d.value}"` });
    } else if (!isCalendarDate(d.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `expected a real calendar date, got "${d.value}"` });
    } else {
      const missing = disagreement(d.value, d.asPrinted);
      if (missing) ctx.addIssue({ code: 'custom', path: ['value'], message: `expected the value to agree with asPrinted "${d.asPrinted}", which does not show ${missing} of "${d.value}"` });
    }
    if ((d.precision === 'season') !== (d.season !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['season'], message: 'expected a season exactly when precision is "season"' });
    }
  });

export type StatedDate = z.infer<typeof statedDate>;
