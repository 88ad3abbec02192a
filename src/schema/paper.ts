/**
 * The frontmatter of a paper edition (content/papers/*.md).
 *
 * Honest metadata: every field the source might not state is nullable, and
 * `notStated` must list exactly the fields that are null or empty, so an absent
 * fact is a deliberate, visible statement rather than a forgotten field.
 */
import { z } from 'astro/zod';
import { distinctList, doi, issn, lineRange, slugId, statedDate, text, url } from './fields.ts';

export const documentTypes = ['journal-article', 'thesis', 'article-unstated-venue'] as const;

export const omissionKinds = [
  'boilerplate', // journal furniture: mastheads, citation widgets, placeholder links
  'metadata', // moved into the frontmatter (title block, author block, abstract)
  'duplicate', // text the source prints twice
  'contents', // the source's own table of contents with page numbers
  'page-furniture', // running headers, footers, page numbers
] as const;

/** Fields a source may leave unstated; `notStated` names them by these paths. */
export const statableFields = [
  'authors',
  'venue.journal',
  'venue.abbreviation',
  'venue.volume',
  'venue.issue',
  'venue.issueDate',
  'venue.pages',
  'venue.issn',
  'venue.doi',
  'venue.url',
  'venue.publisher',
  'dates.published',
  'dates.received',
  'dates.accepted',
  'dates.issued',
  'keywords',
  'abstract',
  'referenceList',
  'thesis.degree',
  'thesis.institution',
] as const;
export type StatableField = (typeof statableFields)[number];

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const venueSchema = z.strictObject({
  journal: nullable(text),
  abbreviation: nullable(text),
  volume: nullable(text),
  issue: nullable(text),
  /** The issue's date as printed, e.g. "Fall 2024" or "WINTER (MARCH-2025)". */
  issueDate: nullable(text),
  pages: nullable(
    z
      .strictObject({
        first: z.string().regex(/^\d+$/, { error: 'expected a page number' }),
        last: z.string().regex(/^\d+$/, { error: 'expected a page number' }),
      })
      .refine(({ first, last }) => Number(first) <= Number(last), { path: ['last'], error: 'expected the last page not to come before the first' }),
  ),
  issn: nullable(issn),
  /** The electronic ISSN, where the source prints one beside the print ISSN (`issn`). */
  eIssn: nullable(issn).default(null),
  doi: nullable(doi),
  url: nullable(url),
  publisher: nullable(text),
});

export const thesisSchema = z.strictObject({
  institution: nullable(text),
  department: nullable(text),
  faculty: nullable(text),
  /** The degree; null where the source does not name it. */
  degree: nullable(text),
  registrationNumber: nullable(text),
});

/** The Zod types for collection references differ between Astro (reference()) and offline tools (plain ids). */
export interface PaperReferences<A extends z.ZodType, T extends z.ZodType, Th extends z.ZodType, M extends z.ZodType> {
  author: A;
  theme: T;
  theory: Th;
  method: M;
}

export function paperSchema<A extends z.ZodType, T extends z.ZodType, Th extends z.ZodType, M extends z.ZodType>(refs: PaperReferences<A, T, Th, M>) {
  return z
    .strictObject({
      /** The stable id: the URL segment /papers/<id>/, never derived from the file name. */
      id: slugId,
      title: text,
      /** Where in the source the title was read from (some sources have no title line). */
      titleSource: text,
      documentType: z.enum(documentTypes, { error: `expected one of: ${documentTypes.join(', ')}` }),
      authors: distinctList(
        z.strictObject({
          author: refs.author,
          /** The name exactly as printed, with any superscript markers. */
          asPrinted: text,
          /** The affiliation exactly as printed for this paper; null if none is given. */
          affiliation: nullable(text),
          corresponding: z.boolean().default(false),
        }),
        'author',
        (entry) => (entry as { author: unknown }).author,
      ),
      contributors: z
        .array(
          z.strictObject({
            name: text,
            role: z.enum(['supervisor']),
            affiliation: nullable(text),
          }),
        )
        .default([]),
      venue: venueSchema,
      thesis: thesisSchema.nullable().default(null),
      dates: z.strictObject({
        published: statedDate.nullable(),
        received: statedDate.nullable(),
        accepted: statedDate.nullable(),
        /** The issue date, when only the issue (not the article) is dated. */
        issued: statedDate.nullable(),
      }),
      keywords: distinctList(text, 'keyword'),
      abstract: nullable(text),
      themes: distinctList(refs.theme, 'theme').min(1, { error: 'expected at least one theme' }),
      theories: distinctList(refs.theory, 'theory'),
      methods: distinctList(refs.method, 'method'),
      language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { error: 'expected a BCP 47 language tag like "en"' }),
      source: z.strictObject({
        file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, { error: 'expected a source file name like "000_0123456789abcdef.txt"' }),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a lower-case hex sha256 of the source file' }),
      }),
      notStated: z.array(z.enum(statableFields, { error: `expected one of: ${statableFields.join(', ')}` })),
      externalFacts: z
        .array(
          z.strictObject({
            field: text,
            value: text,
            url,
            note: text,
          }),
        )
        .default([]),
      edition: z.strictObject({
        /** Source lines left out of the body, each with its reason. */
        omissions: z.array(
          z.strictObject({
            lines: lineRange,
            kind: z.enum(omissionKinds),
            reason: text,
            /** For kind "metadata": the frontmatter fields these lines went into. */
            fields: z.array(text).optional(),
          }),
        ),
        /** Characters the edition changes, each a verbatim find-and-replace on one source line. */
        changes: z
          .array(
            z.strictObject({
              line: z.int().positive(),
              source: z.string().min(1),
              edition: z.string(),
              reason: text,
            }),
          )
          .default([]),
        /** Paragraphs the edition re-joins across a page break, marked {{ed:join}} in the body. */
        joins: z.array(z.strictObject({ lines: lineRange, reason: text })).default([]),
        /** The heading of the reference list, or null when the source has none. */
        referencesHeading: nullable(text),
      }),
    })
    .superRefine((paper, ctx) => {
      const listed = new Set(paper.notStated);
      for (const field of statableFields) {
        const value = valueAt(paper, field);
        const absent = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
        if (absent && !listed.has(field) && !(field.startsWith('thesis.') && paper.thesis === null)) {
          ctx.addIssue({ code: 'custom', path: ['notStated'], message: `expected "${field}" in notStated, since it is empty` });
        }
        if (!absent && listed.has(field)) {
          ctx.addIssue({ code: 'custom', path: ['notStated'], message: `expected "${field}" not in notStated, since it has a value` });
        }
      }
      if ((paper.documentType === 'thesis') !== (paper.thesis !== null)) {
        ctx.addIssue({ code: 'custom', path: ['thesis'], message: 'expected thesis details exactly when documentType is "thesis"' });
      }
    });
}

/** Reads a statable field; `referenceList` is stated when the edition names its heading. */
function valueAt(paper: { edition: { referencesHeading: string | null } } & Record<string, unknown>, field: StatableField): unknown {
  if (field === 'referenceList') return paper.edition.referencesHeading;
  return field.split('.').reduce<unknown>((obj, key) => (obj === null || obj === undefined ? obj : (obj as Record<string, unknown>)[key]), paper);
}

const offline = () => paperSchema({ author: z.string(), theme: z.string(), theory: z.string(), method: z.string() });
/** A paper's frontmatter as read outside Astro, with references as plain ids. */
export type PaperData = z.infer<ReturnType<typeof offline>>;
