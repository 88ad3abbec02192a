/**
 * How a name divides into family and given parts, for every output that
 * needs the division (citation styles, downloads, citation_author tags,
 * JSON-LD). One rule, declared on each paper page that relies on it:
 *
 * - where a source prints the division (a reference list's "Ali, N."), the
 *   author entry records it in `nameParts`, and that wins;
 * - otherwise the edition's convention: the last word of the name as printed
 *   is the family name and the words before it the given names. A one-word
 *   name is a family name with no given name.
 *
 * Nothing else is guessed: no particles, no reordering, no initials invented.
 */

export interface NameParts {
  family: string;
  /** Empty for a one-word name. */
  given: string;
}

export interface DividedName extends NameParts {
  /** Where the division comes from: printed in a source, or the edition's convention. */
  basis: 'printed' | 'convention';
}

/** The convention, stated once for the page that declares it. */
export const nameConvention =
  'where no source prints how a name divides, the edition takes the last word of the name as printed as the family name and the words before it as given names';

export function divideName(name: string, printed: NameParts | null): DividedName {
  if (printed) return { family: printed.family, given: printed.given, basis: 'printed' };
  const words = name.trim().split(/\s+/);
  return { family: words.at(-1)!, given: words.slice(0, -1).join(' '), basis: 'convention' };
}

/** "Family, Given" (or the family name alone), the inverted form reference managers read unambiguously. */
export const invertedName = (name: NameParts) => (name.given ? `${name.family}, ${name.given}` : name.family);
