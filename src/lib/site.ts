/** The site's name, as the header, titles and metadata give it. */
export const siteName = 'Pakistan–Afghanistan Research Corpus';

/**
 * A build without SITE_URL is a local preview: its absolute URLs point at this
 * computer, so every place that offers a URL for citing carries a notice.
 */
export const isLocalPreview = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(import.meta.env.SITE ?? 'http://127.0.0.1').hostname);
