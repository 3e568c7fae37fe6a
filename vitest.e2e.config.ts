import { defineConfig } from 'vitest/config';
import './tests/support/node-polyfills.ts';

// End-to-end tests drive the built extension in real Chromium and Firefox ESR (E2E_BROWSER
// picks them; see tests/support/run-tests.ts): one browser at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
