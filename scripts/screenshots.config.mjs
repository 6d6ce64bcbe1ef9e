// scripts/screenshots' Playwright configuration: the end-to-end tests' own (Debian's Chromium,
// the release build in dist/ served on QUIZDECK_E2E_PORT, default 4173), running only
// scripts/screenshots.mjs, which writes the README's pictures into docs/.
import { fileURLToPath } from 'node:url';
import e2e from '../playwright.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export default {
  ...e2e,
  testDir: '.',
  testMatch: 'screenshots.mjs',
  outputDir: `${root}test-results/screenshots`,
  workers: 1,
  webServer: { ...e2e.webServer, cwd: root },
};
