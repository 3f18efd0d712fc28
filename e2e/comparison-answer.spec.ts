import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Issue 12 §6: /compare answers the question first, keeps its headers in view and reads at 390 px. */

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDE = { width: 1440, height: 900 };
const NARROW = { width: 390, height: 844 };
const WG_WINDOWS = '/compare?release=v1.34.10%2Brke2r1&features=wireguard,windowsNodes';

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Compare CNIs for RKE2' })).toBeVisible({
    timeout: 20_000,
  });
}
const answerRegion = (page: Page) => page.getByRole('region', { name: 'Answer' });

for (const [label, size] of [
  ['1440x900', WIDE],
  ['390x844', NARROW],
] as const) {
  test.describe(`at ${label}`, () => {
    test.use({ viewport: size });

    test('the answer comes first, with the engine caveat for the combination', async ({ page }) => {
      await open(page, WG_WINDOWS);
      const answer = answerRegion(page);
      await expect(answer.getByRole('status')).toHaveText(
        '1 of 8 CNIs meets WireGuard + Windows nodes at v1.34.10+rke2r1: Calico.',
      );
      const caveats = answer.getByRole('list', { name: 'Caveats the wizard gives for this combination' });
      await expect(caveats.getByRole('listitem').filter({ hasText: 'Calico:' })).toContainText(
        'Calico cannot encrypt with WireGuard on Windows nodes',
      );
      await expect(caveats.getByRole('link', { name: /Source/ }).first()).toBeVisible();
      // It is above the filters: the first thing after the page title.
      const filters = page.getByRole('heading', { name: 'What to compare' });
      expect((await answer.boundingBox())!.y).toBeLessThan((await filters.boundingBox())!.y);

      // Unchecking a need changes the answer.
      await page
        .getByRole('group', { name: 'Only the features I need' })
        .getByRole('checkbox', { name: 'WireGuard' })
        .uncheck();
      await expect(answer.getByRole('status')).toHaveText(
        '2 of 8 CNIs meet Windows nodes at v1.34.10+rke2r1: Calico and Flannel.',
      );
      await expect(answer.getByRole('list')).toHaveCount(0);
    });

    test('no axe violations with an answer and caveats', async ({ page }) => {
      await open(page, WG_WINDOWS);
      await expect(answerRegion(page).getByRole('status')).toContainText('1 of 8');
      const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(result.violations).toEqual([]);
    });
  });
}

test.describe('at 1440x900', () => {
  test.use({ viewport: WIDE });

  test('the column headers and the feature column stay in view while the table scrolls', async ({ page }) => {
    await open(page, '/compare?release=v1.34.10%2Brke2r1');
    const region = page.getByRole('region', { name: /Feature support by CNI/ });
    const table = page.getByRole('table', { name: /Feature support by CNI/ });
    await expect(table).toBeVisible();
    await expect(page.getByRole('region', { name: /Feature support by CNI/ }).getByRole('article')).toHaveCount(0);
    const calico = table
      .getByRole('columnheader')
      .filter({ has: page.getByRole('link', { name: 'Calico', exact: true }) });
    await region.evaluate((el) => el.scrollTo({ top: 800, left: 400 }));
    await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    const box = (await region.boundingBox())!;
    const header = (await calico.boundingBox())!;
    expect(Math.abs(header.y - box.y)).toBeLessThanOrEqual(2);
    // A row header still in the viewport of the region sits at its left edge.
    const rowHeaders = table.getByRole('rowheader');
    let found = false;
    for (let i = 0; i < (await rowHeaders.count()); i++) {
      const b = await rowHeaders.nth(i).boundingBox();
      if (b && b.y > header.y + header.height && b.y < box.y + box.height) {
        expect(Math.abs(b.x - box.x)).toBeLessThanOrEqual(2);
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
  });
});

test.describe('at 390x844', () => {
  test.use({ viewport: NARROW });

  test('one card per CNI, no sideways scrolling, and the CNI header stays on top of its card', async ({ page }) => {
    await open(page, '/compare?release=v1.34.10%2Brke2r1');
    await expect(page.getByRole('table', { name: /Feature support by CNI/ })).toBeHidden();
    const cards = page.getByRole('article');
    await expect(cards).toHaveCount(8);
    const calico = page.getByRole('article', { name: 'Calico' });
    await expect(calico.getByRole('heading', { level: 3, name: 'Calico' })).toBeVisible();
    await expect(calico.getByRole('term').filter({ hasText: 'Windows nodes' })).toBeVisible();
    const cardBox = (await calico.boundingBox())!;
    expect(cardBox.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Scroll into the middle of the Calico card: its header sticks to the top of the viewport.
    await page.evaluate((y) => window.scrollTo(0, y), cardBox.y + cardBox.height / 2);
    const heading = calico.getByRole('heading', { level: 3, name: 'Calico' });
    await expect.poll(async () => Math.round((await heading.boundingBox())!.y)).toBeLessThan(40);
    await expect(heading).toBeInViewport();

    // Groups fold on narrow screens too.
    await page.getByRole('button', { name: 'Policy and encryption', exact: true }).click();
    await expect(calico.getByRole('term').filter({ hasText: 'WireGuard' })).toHaveCount(0);
  });
});
