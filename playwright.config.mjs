// End-to-end tests: the release build in `dist/` served over HTTP, driven in Debian's
// Chromium (Playwright's own browser download is not available here).
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './tests/e2e/chromium.mjs';
import { PUBLIC_URL } from './tests/e2e/shared.mjs';

// QUIZDECK_E2E_PORT lets a second run go on beside another (pwa.spec.mjs uses port + 10 and more).
const port = Number(process.env.QUIZDECK_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // A whole round walks the Django deck's 68 questions; every wait inside is an auto-waiting locator.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    // Under the public URL the build is for (/quizdeck/: scripts/test builds it as for GitHub
    // Pages), served as GitHub Pages does, a missing path answered with 404.html.
    baseURL: `http://127.0.0.1:${port}${PUBLIC_URL}`,
    browserName: 'chromium',
    // index.html has a Content-Security-Policy <meta>; the axe audit injects an inline script.
    // pwa.spec.mjs turns this off again to prove a whole journey runs under the policy.
    bypassCSP: true,
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `node tests/e2e/serve.mjs dist ${port} ${PUBLIC_URL}`,
    url: `http://127.0.0.1:${port}${PUBLIC_URL}`,
    reuseExistingServer: false,
  },
});
