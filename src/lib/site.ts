/** The site's name, as the header, titles and metadata give it. */
export const siteName = 'Pakistan–Afghanistan Research Corpus';
