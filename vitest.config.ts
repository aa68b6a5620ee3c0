import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Five suites, one command: pure/unit code in jsdom, the reference provider's contract tests,
// the extension's API client and cache against a live provider, and the built extension in Chromium and in Firefox.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          setupFiles: ['test/unit/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['test/e2e/firefox.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A browser on a loaded CI machine can take more than the default second to show what a poll waits for.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        // The Firefox package in Firefox ESR: its own provider and build, no Chromium.
        resolve: { alias: { '@': import.meta.dirname } },
        test: {
          name: 'firefox',
          include: ['test/e2e/firefox.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
