/**
 * Each edition rendered once per build. The content check renders every
 * edition to check it (content-check.ts); Astro's content layer then stores
 * that very HTML for the paper's page instead of rendering the edition a
 * second time, so a large corpus's build saves a render per paper and the
 * page shows exactly the HTML whose fidelity was checked.
 *
 * The check and the content layer run in one process but load their modules
 * separately, so the renderings pass through one global slot. Where a
 * rendering is missing (`astro dev`, which runs no check) or its body differs
 * from the file Astro read, Astro renders the entry itself, as it always did.
 */
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Rendering } from './render.ts';

/** A checked edition's rendering, by the absolute path of its file, with the body it was rendered from. */
export type CheckedRenderings = Map<string, { body: string; rendering: Rendering }>;

const slot = Symbol.for('pak-afghan-corpus.checked-renderings');
const shared = globalThis as { [slot]?: CheckedRenderings };

/** Offers the check's renderings to this build's content layer. */
export function offerRenderings(renderings: CheckedRenderings): void {
  shared[slot] = renderings;
}

/** What Astro hands a Markdown render function (its glob loader's entry). */
interface RenderEntry {
  body?: string;
  data: Record<string, unknown>;
  filePath?: string;
}
interface EntryType {
  getRenderFunction?: (config: unknown) => Promise<(entry: RenderEntry) => Promise<unknown>>;
}

/** The check's rendering of an entry, taken once (then dropped, to free its memory), in the shape Astro's Markdown renderer gives. */
function takeChecked(entry: RenderEntry) {
  const file = entry.filePath && path.resolve(entry.filePath);
  const kept = file ? shared[slot]?.get(file) : undefined;
  if (!kept || kept.body.trim() !== entry.body) return null;
  shared[slot]!.delete(file!);
  const images = ['localImagePaths', 'remoteImagePaths'].flatMap((k) => (kept.rendering.metadata[k] as string[] | undefined) ?? []);
  return { html: kept.rendering.html, metadata: { ...kept.rendering.metadata, frontmatter: entry.data, imagePaths: images } };
}

/**
 * A Markdown collection's loader whose entries take the check's rendering.
 * It wraps the loader's Markdown render function, which Astro passes its
 * loaders as `entryTypes` (not part of the documented loader context: without
 * it, the loader runs unchanged).
 */
export function withCheckedRenderings(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      const types = (context as { entryTypes?: Map<string, EntryType> }).entryTypes;
      if (!types) return loader.load(context);
      let taken = 0;
      const wrapped = new Map([...types].map(([extension, type]): [string, EntryType] => {
        const { getRenderFunction } = type;
        if (!getRenderFunction) return [extension, type];
        return [extension, {
          ...type,
          getRenderFunction: async (config) => {
            const render = await getRenderFunction(config);
            return async (entry) => {
              const checked = takeChecked(entry);
              if (checked) taken++;
              return checked ?? render(entry);
            };
          },
        }];
      }));
      await loader.load({ ...context, entryTypes: wrapped } as LoaderContext);
      // What was not taken (entries Astro kept from its cache) is not needed again.
      delete shared[slot];
      if (taken) context.logger.info(`${taken} edition${taken === 1 ? '' : 's'} stored as the content check rendered ${taken === 1 ? 'it' : 'them'}, not rendered again`);
    },
  };
}
