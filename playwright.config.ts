import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from './tests/e2e/chromium';

/** Port of the preview server; E2E_PORT lets two checkouts on one machine test at once. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const executablePath = await resolveChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  // One browser at a time: on this machine kind (2 cores) each test keeps both cores busy
  // (renderer, compositor, the app's worker), so two at once take as long in all and twice
  // as long each, near the timeout on a slower machine.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  reporter: [['list'], ['./tests/e2e/slowest-reporter.ts']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    launchOptions: { executablePath, args: [...CHROMIUM_ARGS] },
    viewport: { width: 1440, height: 900 },
    trace: 'off',
  },
  webServer: {
    // Serves the production build made by `npm run build` (npm test builds first).
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
