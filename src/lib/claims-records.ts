/** The corpus's claims as export records, with paragraph URLs made absolute from the site's address and base path. */
import { claimRecord, type ClaimRecord } from './claims-export.ts';
import { claimFields, loadCorpus } from './corpus.ts';
import { absoluteUrl, paragraphPath } from './urls.ts';

export async function claimRecords(site: URL | undefined): Promise<ClaimRecord[]> {
  if (!site) throw new Error('astro.config.mjs: field "site": expected the site URL, needed for the absolute paragraph URLs of the claims exports');
  const { claims } = await loadCorpus();
  return claims.map((c) => {
    const fields = claimFields(c);
    return claimRecord(fields, absoluteUrl(paragraphPath(fields.paper, fields.passage), site));
  });
}
