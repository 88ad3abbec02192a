import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure functions, schemas, fidelity; no build) and
 * `site` (one real build, then assertions on its HTML, quality gates and
 * end-to-end tests in Chromium).
 */
export default defineConfig({
  test: {
    environment: 'node',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          // One Chromium and one build are shared; files run one at a time to keep a 2-core machine steady.
          fileParallelism: false,
        },
      },
    ],
  },
});
