import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { MAX_HTTP_HEADER_SIZE } from './scripts/security-headers';

// Playwright cannot download browsers on air-gapped machines. CHROMIUM_PATH picks a system
// Chromium; /usr/bin/chromium (Debian) is used when present; otherwise Playwright's own browser.
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Flags from ../shared/research/toolchain.md: silence Chromium's own calls home (traps 5-7).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--gaia-url=http://127.0.0.1:9/',
  '--component-updater=url-source=http://127.0.0.1:9/',
  '--autofill-server-url=http://127.0.0.1:9/',
];

const PORT = Number(process.env.E2E_PORT || 4175);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  // No test needs more than 30 s on an idle 2-core machine (long scans are split into one test per
  // step or page); the 120 s timeout is the margin for a loaded one, not a budget.
  timeout: 120_000,
  // Playwright's 5 s default for one expectation failed CI on a loaded machine (a CNI page opened
  // from file:// rendered later than that); a passing expectation returns as soon as it holds.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    acceptDownloads: true,
  },
  webServer: {
    // The same server as `npm start`, with its header size limit (scripts/security-headers.ts).
    command: `node --max-http-header-size=${MAX_HTTP_HEADER_SIZE} node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    // axe over the full comparison table takes tens of seconds on a busy 2-core machine.
    timeout: 120_000,
  },
});
