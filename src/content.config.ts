/** Collections: where each loads from and which schema validates it. Nothing else. */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { paperSchema } from './schema/paper.ts';
import { authorSchema, methodSchema, themeSchema, theorySchema } from './schema/vocabulary.ts';
import { claimSchema, quantitySchema } from './schema/claim.ts';
import { idFromFrontmatter } from './schema/entry-id.ts';
import { buildContentDir } from './lib/content-dir.ts';

const papers = defineCollection({
  loader: glob({ pattern: '*.md', base: `${buildContentDir}/papers`, generateId: idFromFrontmatter('papers') }),
  schema: paperSchema({
    author: reference('authors'),
    theme: reference('themes'),
    theory: reference('theories'),
    method: reference('methods'),
  }),
});

const yamlCollection = (name: string) =>
  glob({ pattern: '*.yaml', base: `${buildContentDir}/${name}`, generateId: idFromFrontmatter(name) });

const themes = defineCollection({ loader: yamlCollection('themes'), schema: themeSchema });
const theories = defineCollection({ loader: yamlCollection('theories'), schema: theorySchema(reference('papers')) });
const methods = defineCollection({ loader: yamlCollection('methods'), schema: methodSchema });
const authors = defineCollection({ loader: yamlCollection('authors'), schema: authorSchema });

/** One file per claim, in a folder per paper: content/claims/<paper>/<claim-id>.yaml. */
const claims = defineCollection({
  loader: glob({ pattern: '**/*.yaml', base: `${buildContentDir}/claims`, generateId: idFromFrontmatter('claims') }),
  schema: claimSchema({ paper: reference('papers'), theme: reference('themes'), quantity: reference('quantities') }),
});
const quantities = defineCollection({ loader: yamlCollection('quantities'), schema: quantitySchema(reference('themes')) });

export const collections = { papers, themes, theories, methods, authors, claims, quantities };
