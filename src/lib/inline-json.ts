/**
 * JSON written inside a <script> element (search spellings, JSON-LD): the
 * HTML parser ends the element at the first "</script", whatever the JSON
 * means, so "<" is written as the escape \u003c (the same string to a JSON
 * reader). U+2028 and U+2029 are escaped too, for readers that eval.
 */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
