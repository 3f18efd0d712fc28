import { test as base, expect } from '@playwright/test';
import { WizardPage } from './pages/wizard-page';

/**
 * Shared fixtures: every test fails on a console error, an uncaught page error, or a request that
 * leaves the machine (the app must work air-gapped). `wizard` is the page object of the wizard.
 */
export const test = base.extend<{ guard: void; wizard: WizardPage }>({
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${String(err)}`));
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (['data:', 'blob:'].includes(url.protocol)) return;
        if (!['127.0.0.1', 'localhost'].includes(url.hostname)) problems.push(`off-machine request: ${req.url()}`);
      });
      await use();
      expect(problems, 'console errors, page errors and off-machine requests').toEqual([]);
    },
    { auto: true },
  ],
  wizard: async ({ page }, use) => {
    await use(new WizardPage(page));
  },
});

export { expect };
