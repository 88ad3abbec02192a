/**
 * The shared vocabulary: themes, theories, methods and authors. Each entry
 * earns a page; themes and theories carry the aliases and variant spellings
 * the papers actually use, which drive passage matching and search.
 */
import { z } from 'astro/zod';
import { slugId, text } from './fields.ts';

/**
 * Aliases as the papers spell them; matching is case-insensitive, whole-word.
 * An entry may be a list: the spellings of one name ("TTP", "Tehrik-i-Taliban
 * Pakistan", "Tehreek-e-Taliban Pakistan", …), which search treats as one word.
 */
const aliases = z
  .array(z.union([text, z.array(text).min(2, { error: 'expected a list of at least two spellings of one name' })]))
  .min(1, { error: 'expected at least one alias (the name itself counts)' });

/** The flat alias list (theme and theory passages) plus the groups of spellings (search). */
const withSpellings = <T extends { aliases: (string | string[])[] }>(entry: T) => ({
  ...entry,
  aliases: entry.aliases.flat(),
  spellings: entry.aliases.filter((a): a is string[] => Array.isArray(a)),
});

export const themeSchema = z.strictObject({
  id: slugId,
  name: text,
  description: text,
  aliases,
}).transform(withSpellings);

export function theorySchema<P extends z.ZodType>(paperRef: P) {
  return z.strictObject({
    id: slugId,
    name: text,
    description: text,
    aliases,
    /** How each paper frames the theory, in the editors' words. */
    framings: z.array(z.strictObject({ paper: paperRef, framing: text })).default([]),
  }).transform(withSpellings);
}

export const methodSchema = z.strictObject({
  id: slugId,
  name: text,
  description: text,
  aliases,
}).transform(withSpellings);

export const authorSchema = z.strictObject({
  id: slugId,
  /** The name as the source prints it, without titles or superscripts. */
  name: text,
  description: text,
  /**
   * Which part of the name is the family name, only where a source shows it
   * (a printed reference such as "Ali, N."). Without it, citations give the
   * name as printed rather than guess how it divides.
   */
  nameParts: z
    .strictObject({
      family: text,
      given: text,
      /** The source file and line that show the division. */
      shownIn: z.strictObject({
        file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, { error: 'expected a source file name like "000_0123456789abcdef.txt"' }),
        line: z.int().positive(),
      }),
    })
    .nullable()
    .default(null),
});
