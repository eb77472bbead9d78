import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/helpers/chromium';

/** End-to-end tests in Debian's Chromium against browser mode (the built app served by out/main/web.js). */
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'e2e-electron/**/*.spec.ts'],
  workers: 1,
  // A hang detector, not a speed budget: a slow CI image or a busy machine takes a workflow test past 30 s.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  outputDir: 'test-results/artifacts',
  use: {
    viewport: { width: 1400, height: 850 },
    locale: 'ru-RU',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
});
