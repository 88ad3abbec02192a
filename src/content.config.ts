/** Collections: where each loads from and which schema validates it. Nothing else. */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { paperSchema } from './schema/paper.ts';
import { authorSchema, methodSchema, themeSchema, theorySchema } from './schema/vocabulary.ts';
import { claimSchema, quantitySchema } from './schema/claim.ts';
import { idFromFrontmatter } from './schema/entry-id.ts';
import { withCheckedRenderings } from './lib/checked-renderings.ts';
import { buildContentDir } from './lib/content-dir.ts';
import { collectionFiles, type CollectionName } from './lib/content-files.ts';

/** The files a collection loads (content-files.ts; the content check refuses any other file in the folder). */
const filesOf = (name: CollectionName) =>
  glob({ pattern: collectionFiles[name].pattern, base: `${buildContentDir}/${name}`, generateId: idFromFrontmatter(name) });

/** Papers take the HTML the content check rendered (checked-renderings.ts): each edition is rendered once per build. */
const papers = defineCollection({
  loader: withCheckedRenderings(filesOf('papers')),
  schema: paperSchema({
    author: reference('authors'),
    theme: reference('themes'),
    theory: reference('theories'),
    method: reference('methods'),
  }),
});

const themes = defineCollection({ loader: filesOf('themes'), schema: themeSchema });
const theories = defineCollection({ loader: filesOf('theories'), schema: theorySchema(reference('papers')) });
const methods = defineCollection({ loader: filesOf('methods'), schema: methodSchema });
const authors = defineCollection({ loader: filesOf('authors'), schema: authorSchema });

/** One file per claim, in a folder per paper: content/claims/<paper>/<claim-id>.yaml. */
const claims = defineCollection({
  loader: filesOf('claims'),
  schema: claimSchema({ paper: reference('papers'), theme: reference('themes'), quantity: reference('quantities') }),
});
const quantities = defineCollection({ loader: filesOf('quantities'), schema: quantitySchema(reference('themes')) });

export const collections = { papers, themes, theories, methods, authors, claims, quantities };
