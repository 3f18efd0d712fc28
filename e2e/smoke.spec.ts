import { test, expect } from '@playwright/test';

test('the built app shows its title, logs no console error and requests nothing off 127.0.0.1', async ({ page }) => {
  const consoleErrors: string[] = [];
  const offMachine: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:')
      offMachine.push(req.url());
  });
  await page.goto('/');
  await expect(page).toHaveTitle(/RKE2 CNI Wizard/);
  await expect(page.getByRole('heading', { level: 1, name: /RKE2 CNI Wizard/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(consoleErrors).toEqual([]);
  expect(offMachine).toEqual([]);
});
