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

/** A DOI as printed in the source, without a resolver prefix. */
export const doi = z
  .string({ error: 'expected a DOI string' })
  .regex(/^10\.\d{4,9}\/\S+$/, { error: 'expected a DOI like "10.1234/abc" (no https://doi.org/ prefix)' });

/** An ISSN: four digits, a hyphen, three digits and a check digit or X. */
export const issn = z
  .string({ error: 'expected an ISSN string' })
  .regex(/^\d{4}-\d{3}[\dX]$/, { error: 'expected an ISSN like "1234-567X"' });

export const url = z.url({ error: 'expected an absolute URL' });

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
    } else if (d.precision === 'day' && Number.isNaN(Date.parse(`${d.value}T00:00:00Z`))) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `expected a real calendar date, got "${d.value}"` });
    }
    if ((d.precision === 'season') !== (d.season !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['season'], message: 'expected a season exactly when precision is "season"' });
    }
  });

export type StatedDate = z.infer<typeof statedDate>;
