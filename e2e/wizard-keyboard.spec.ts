import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Presses Tab until the target has focus, as a keyboard user would (fails after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 120) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test('a whole journey by keyboard alone: answers, recommendation, download', async ({ wizard, page }) => {
  test.setTimeout(120_000);
  await wizard.open();

  // Step 1 → 2: Next by keyboard; focus moves to the new step's heading.
  await tabTo(page, wizard.nextButton);
  await page.keyboard.press('Enter');
  await wizard.expectStep('nodes');
  await expect(wizard.stepHeading).toBeFocused();

  // Step 2: pick an OS with the arrow keys in the native select; the kernel follows.
  const os = wizard.control('nodes.osPreset');
  await tabTo(page, os);
  await page.keyboard.press('ArrowUp'); // ubuntu-24.04 → ubuntu-22.04
  await expect(os).toHaveValue('ubuntu-22.04');
  await expect(wizard.control('nodes.kernel')).toHaveValue('5.15');
  await tabTo(page, wizard.nextButton);
  await page.keyboard.press('Enter');
  await wizard.expectStep('security');

  // Step 3: radio groups move with the arrow keys.
  const policy = wizard.control('security.policy');
  await tabTo(page, policy.getByRole('radio', { name: 'Kubernetes NetworkPolicy' }));
  await page.keyboard.press('ArrowRight');
  await expect(policy.getByRole('radio', { name: 'Layer 7 (HTTP, DNS-aware)' })).toBeChecked();
  await expect(wizard.headline).toHaveAttribute('data-recommended', 'cilium');

  // Enter in a text field submits the step like Next.
  await tabTo(page, wizard.nextButton);
  await page.keyboard.press('Enter');
  await wizard.expectStep('addressing');
  await tabTo(page, wizard.control('addressing.clusterCidrV4'));
  await page.keyboard.press('Enter');
  await wizard.expectStep('extras');
  await tabTo(page, wizard.nextButton);
  await page.keyboard.press('Enter');
  await wizard.expectStep('performance');

  // Step 6: a switch toggles with Space.
  const hubble = wizard.control('performance.observability');
  await tabTo(page, hubble);
  await page.keyboard.press('Space');
  await expect(hubble).toBeChecked();
  await tabTo(page, wizard.nextButton);
  await page.keyboard.press('Enter');
  await wizard.expectStep('review');

  // Review: the panel's reasons and the bundle are reachable; download with Enter.
  await expect(wizard.candidateRow('cilium').locator('li[data-message-id="hubble"]')).toBeVisible();
  await tabTo(page, wizard.downloadZipButton);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^rke2-cni-cilium-v1\.\d+\.\d+-rke2r\d+\.zip$/);

  // Back to step 1: Tab round to the step list and press Enter.
  await tabTo(page, wizard.stepButton('cluster'));
  await page.keyboard.press('Enter');
  await wizard.expectStep('cluster');
  await expect(wizard.stepHeading).toBeFocused();
});

test('a blocked Next moves focus to the first invalid answer', async ({ wizard, page }) => {
  await wizard.open();
  await wizard.goToStep('addressing');
  await tabTo(page, wizard.control('addressing.serviceCidrV4'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('10.42.0.0/16');
  await tabTo(page, wizard.nextButton);
  await page.keyboard.press('Enter');
  await wizard.expectStep('addressing');
  await expect(wizard.control('addressing.serviceCidrV4')).toBeFocused();
  await expect(wizard.control('addressing.serviceCidrV4')).toHaveAttribute('aria-invalid', 'true');
});
