import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { answersWith } from '../src/test/scenarios';

/**
 * Known issues of the chosen release (issue 13 §3): an affected release shows the entry in the recommendation
 * panel with its upstream link and the release that fixes it; the fixed release does not.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const IPV6_CILIUM = answersWith({
  cluster: { release: 'v1.33.6+rke2r1' },
  addressing: { ipFamily: 'ipv6' },
  choice: { forcedCni: 'cilium' },
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('an affected release lists the known issue with its link and fixed-in release, axe clean', async ({
      wizard,
      page,
    }) => {
      await wizard.open(IPV6_CILIUM);
      const section = page.getByRole('region', { name: 'Known issues of RKE2 v1.33.6+rke2r1' });
      const entry = section
        .getByRole('listitem')
        .filter({ hasText: 'IPv6-only Cilium cannot tunnel between nodes: it needs native routing' });
      await expect(entry).toContainText('fixed in v1.33.7+rke2r3');
      await expect(entry).toContainText('affects v1.33.0+rke2r1 to v1.33.7+rke2r2');
      const link = entry.getByRole('link', { name: /rancher\/rke2#8033/ });
      await expect(link).toHaveAttribute('href', 'https://github.com/rancher/rke2/issues/8033');
      await expect(link).toHaveAttribute('target', '_blank');
      // No horizontal scrolling at this width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      const results = await new AxeBuilder({ page })
        .include('[data-testid="known-issues"]')
        .withTags(WCAG_TAGS)
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });

    test('moving to the fixed release takes the entry away', async ({ wizard, page }) => {
      await wizard.open(IPV6_CILIUM);
      await expect(page.getByRole('link', { name: /rancher\/rke2#8033/ })).toBeVisible();
      await wizard.setAnswer('cluster.release', 'v1.33.7+rke2r3');
      await expect(page.getByRole('region', { name: /^Known issues of RKE2/ })).toHaveCount(0);
      await expect(page.getByRole('link', { name: /rancher\/rke2#8033/ })).toHaveCount(0);
    });
  });
}
