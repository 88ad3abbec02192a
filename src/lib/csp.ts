/**
 * The site's Content-Security-Policy, defined once: no inline scripts or
 * styles, nothing from other origins. Search needs 'wasm-unsafe-eval' to run
 * Pagefind's WebAssembly. The build writes it as an HTTP header into
 * dist/_headers (Netlify, Cloudflare Pages) and into every page as a
 * <meta http-equiv>, for hosts that cannot set headers (see README).
 */
const directives = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'frame-ancestors': "'none'",
};

const policy = (entries: [string, string][]) => entries.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy as an HTTP header value. */
export const contentSecurityPolicy = policy(Object.entries(directives));

/** The policy a <meta> element can carry: browsers ignore frame-ancestors there (and warn), so it is left out; only the header can refuse framing. */
export const metaContentSecurityPolicy = policy(Object.entries(directives).filter(([name]) => name !== 'frame-ancestors'));

/** The _headers file of Netlify and Cloudflare Pages: the policy and its companions for every path. */
export const headersFile = `/*
  Content-Security-Policy: ${contentSecurityPolicy}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
`;
