/**
 * The real Chromium for end-to-end tests: CHROME_PATH, else Debian's
 * /usr/bin/chromium. Without one the tests are skipped with a printed reason,
 * unless REQUIRE_BROWSER=1, when a missing browser fails the run.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serve } from './server.ts';

export const noBrowserReason = 'skipped: no Chromium found (set CHROME_PATH or install chromium)';

export function chromiumPath(): string | null {
  const candidate = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (existsSync(candidate)) return candidate;
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${candidate} (set CHROME_PATH or install chromium)`);
  }
  console.log(noBrowserReason);
  return null;
}

export function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    // Root needs --no-sandbox; the rest keeps a closed network quiet.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The built site served on loopback and a Chromium, opened before a test file's tests and closed after them. */
export function siteInChromium(dist: string, executablePath: string): { browser: Browser; origin: string } {
  const session = { browser: undefined as unknown as Browser, origin: '' };
  let server: Server | undefined;
  beforeAll(async () => {
    const served = await serve(dist);
    server = served.server;
    session.origin = served.origin;
    session.browser = await launch(executablePath);
  });
  afterAll(async () => {
    await session.browser?.close();
    server?.close();
  });
  return session;
}

/**
 * The number drawn beside each passage of the open paper page, by passage id.
 * The numbers are generated content, so the DOM holds none: they are read from
 * the accessibility tree, where a passage's first text (its list marker aside)
 * is its number.
 */
export async function drawnPassageNumbers(page: Page): Promise<Map<string, string | undefined>> {
  type DomNode = { backendNodeId: number; nodeName: string; attributes?: string[]; children?: DomNode[] };
  type AxNode = { nodeId: string; backendDOMNodeId?: number; role?: { value: string }; name?: { value: string }; childIds?: string[] };
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: DomNode };
  const passages = new Map<number, string>();
  const walk = (n: DomNode) => {
    const attributes = n.attributes ?? [];
    if (attributes.includes('data-passage') && n.nodeName !== 'TABLE') passages.set(n.backendNodeId, attributes[attributes.indexOf('id') + 1]!);
    n.children?.forEach(walk);
  };
  walk(root);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const firstText = (n: AxNode | undefined): string | undefined => {
    if (!n || n.role?.value === 'ListMarker') return undefined;
    if (n.role?.value === 'StaticText') return n.name?.value;
    for (const child of n.childIds ?? []) {
      const found = firstText(byId.get(child));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return new Map(nodes.filter((n) => passages.has(n.backendDOMNodeId!)).map((n) => [passages.get(n.backendDOMNodeId!)!, firstText({ nodeId: '', childIds: n.childIds })]));
}
