/**
 * Claims (content/claims/<paper>/<claim-id>.yaml): what a paper claims, as a
 * verbatim quotation tied to one numbered passage. The schema checks shape;
 * whether the quotation really is in that passage is checked against the
 * rendered edition by src/lib/claims.ts when the corpus loads.
 *
 * Quantities (content/quantities/<id>.yaml) name what several papers give a
 * figure for, so a theme page can set those figures side by side.
 */
import { z } from 'astro/zod';
import { slugId, text } from './fields.ts';
import { documentTypes } from './paper.ts';

/** The kinds of claim, with the label a reader sees: the one definition of both. */
export const claimKindLabels = {
  'main-argument': 'Main argument',
  finding: 'Finding',
  statistic: 'Statistic',
  recommendation: 'Recommendation',
  definition: 'Definition',
} as const;
export type ClaimKind = keyof typeof claimKindLabels;
export const claimKinds = Object.keys(claimKindLabels) as [ClaimKind, ...ClaimKind[]];

/** content/claim-policy.yaml: each paper's claim-id key, and how many claims a paper should have, with the reason. */
export const claimPolicySchema = z.strictObject({
  idKeys: z.record(slugId, z.string().regex(/^[a-z][a-z0-9]{1,7}$/, { error: 'expected a short lowercase key like "ntr"' })),
  minimumPerPaper: z.strictObject({
    reason: text,
    byDocumentType: z.partialRecord(z.enum(documentTypes), z.number().int().nonnegative()),
  }),
});
export type ClaimPolicy = z.infer<typeof claimPolicySchema>;

/** A paragraph anchor as `npm run passages` prints it. */
const passageAnchor = z
  .string({ error: 'expected a paragraph anchor like "p12"' })
  .regex(/^p[1-9]\d*$/, { error: 'expected a paragraph anchor like "p12" (as `npm run passages` prints it)' });

/** Whitespace collapsed, as passage texts are, so a quotation folded over YAML lines still matches. */
const collapsed = text.transform((s) => s.replace(/\s+/g, ' '));

export function claimSchema<P extends z.ZodType, T extends z.ZodType, Q extends z.ZodType>(refs: { paper: P; theme: T; quantity: Q }) {
  return z
    .strictObject({
      id: slugId,
      paper: refs.paper,
      passage: passageAnchor,
      kind: z.enum(claimKinds, { error: `expected one of: ${claimKinds.join(', ')}` }),
      quotation: collapsed,
      themes: z.array(refs.theme).min(1, { error: 'expected at least one theme' }),
      /** For a statistic: the in-text citation the paper gives for it, verbatim; null when it gives none. */
      citation: collapsed.nullable().default(null),
      /** For a statistic another paper also gives: what is measured, and the figure as printed. */
      measure: z.strictObject({ quantity: refs.quantity, figure: text }).optional(),
    })
    .superRefine((claim, ctx) => {
      if (claim.kind !== 'statistic' && claim.citation !== null) {
        ctx.addIssue({ code: 'custom', path: ['citation'], message: 'expected no citation (null) except on a statistic' });
      }
      if (claim.kind !== 'statistic' && claim.measure !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['measure'], message: 'expected a measure only on a statistic' });
      }
    });
}

export function quantitySchema<T extends z.ZodType>(themeRef: T) {
  return z.strictObject({
    id: slugId,
    /** What is measured, e.g. "Length of the Durand Line". */
    name: text,
    /** The theme on whose page the papers' figures are compared. */
    theme: themeRef,
    description: text.optional(),
  });
}
