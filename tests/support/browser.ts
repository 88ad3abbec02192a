/**
 * The real Chromium for end-to-end tests: CHROME_PATH, else Debian's
 * /usr/bin/chromium. Without one the tests are skipped with a printed reason,
 * unless REQUIRE_BROWSER=1, when a missing browser fails the run.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
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
