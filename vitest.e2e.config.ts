import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Real-browser end-to-end tests (Debian chromium and firefox-esr), separate from the unit run.
 * One file at a time: browsers are heavy and policy tests write machine-wide files in /etc.
 * Run all: `npx vitest run -c vitest.e2e.config.ts`; one file: add its path.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/harness/build.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
