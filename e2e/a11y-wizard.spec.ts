import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { answersWith, SCENARIOS } from '../src/test/scenarios';
import { STEPS } from '../src/features/wizard/steps';
import type { Page, TestInfo } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Answers that show every conditional question (secondary network, eBPF endpoint, BGP, IPv6). */
const SHOW_ALL = answersWith({
  addressing: { ipFamily: 'dual' },
  extras: { mode: 'multus' },
  performance: {
    kubeProxyReplacement: true,
    apiServerHost: '10.0.0.10',
    bgp: { enabled: true, peerAddress: '10.0.0.1' },
  },
});

async function scan(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    name,
  ).toEqual([]);
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

// One test per step and width (not one test for all steps): each stays well under 30 s on an idle
// 2-core machine, so a loaded machine does not push a whole scan loop past the timeout.
for (const width of [1440, 375] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 375 ? 812 : 900 } });

    for (const [i, step] of STEPS.entries()) {
      test(`step ${i + 1} (${step.id}) with the panel${step.id === 'review' ? ' and the bundle view' : ''}: zero axe violations (WCAG 2.2 AA), screenshot kept`, async ({
        wizard,
        page,
      }, testInfo) => {
        await wizard.open(SHOW_ALL);
        await wizard.goToStep(step.id);
        if (step.id === 'review') await expect(wizard.downloadZipButton).toBeVisible();
        // No horizontal scrolling at this width.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await scan(page, testInfo, `step-${i + 1}-${step.id}-${width}`);
        await shoot(page, testInfo, `step-${i + 1}-${step.id}-${width}`);
      });
    }
  });
}

test('conflicts, warnings and the dark theme: zero axe violations', async ({ wizard, page }, testInfo) => {
  await wizard.open(SCENARIOS.windowsDualStackConflict.answers);
  await expect(wizard.findings('blocking').first()).toBeVisible();
  await wizard.goToStep('review');
  await scan(page, testInfo, 'conflict');
  await wizard.open(SCENARIOS.ciliumKubeProxyFree.answers);
  await expect(wizard.findings('warning').first()).toBeVisible();
  // Cycle the theme button to dark; the choice survives a reload.
  const theme = page.getByRole('button', { name: /^Theme:/ });
  while ((await theme.getAttribute('data-theme-mode')) !== 'dark') await theme.click();
  await page.reload();
  await expect(page.getByRole('button', { name: /^Theme: Dark/ })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await wizard.goToStep('review');
  await expect(wizard.downloadZipButton).toBeVisible();
  await scan(page, testInfo, 'dark-review');
  await shoot(page, testInfo, 'dark-review-1440');
});

test.describe('dark mode follows the system', () => {
  test.use({ colorScheme: 'dark' });
  test('with no choice made, the page is dark', async ({ wizard, page }) => {
    await wizard.open();
    await expect(page.getByRole('button', { name: /^Theme: Auto \(follows the system\)/ })).toBeVisible();
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(150);
  });
});
