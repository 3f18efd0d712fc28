import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { answersWith } from '../src/test/scenarios';
import { RELEASES } from '../src/domain/rke2/releases';
import { suggestFixes } from '../src/domain/engine/fixes';
import type { Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectAxeClean(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    name,
  ).toEqual([]);
}

/** A forced Cilium on a 5.4 kernel with the newest v1.30 patch, whose Cilium needs a newer kernel. */
const FORCED_CILIUM = answersWith({
  cluster: { release: RELEASES.filter((r) => r.version.minor === 30).at(-1)!.version.text },
  nodes: { osPreset: 'custom', kernel: '5.4' },
  choice: { forcedCni: 'cilium' },
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('Windows with dual-stack: the smallest fix is one button that switches to IPv4 and unblocks', async ({
      wizard,
      page,
    }) => {
      await wizard.open();
      await wizard.goToStep('addressing');
      await wizard.setAnswer('addressing.ipFamily', 'dual');
      // IPv6 ranges are placeholders until typed: dual-stack counts only with them.
      await wizard.setAnswer('addressing.clusterCidrV6', '2001:db8:42::/56');
      await wizard.setAnswer('addressing.serviceCidrV6', '2001:db8:43::/112');
      await wizard.goToStep('cluster');
      await wizard.setAnswer('cluster.windowsNodes', true);
      await expect(wizard.headline).toHaveText(/No CNI can be recommended/);

      const fixes = wizard.panel.getByRole('region', { name: 'Smallest changes that make it work' });
      await expect(fixes).toBeVisible();
      const buttons = fixes.getByRole('button');
      await expect(buttons).toHaveText(['Set "IP family" to IPv4 only', 'Turn off "Windows worker nodes"']);
      const ipv4 = fixes.getByRole('button', { name: 'Set "IP family" to IPv4 only' });
      await expect(ipv4).toHaveAccessibleDescription('Result: Use Calico.');
      await expectAxeClean(page, 'suggestions shown');

      await ipv4.click();
      // The verdict updates and the answer changed in the form itself.
      await expect(wizard.headline).toHaveAttribute('data-recommended', 'calico');
      await expect(wizard.headline).toHaveText(/Use Calico/);
      await expect(fixes).toHaveCount(0);
      await expect(page.locator('[data-message-id="windowsDualStack"]')).toHaveCount(0);
      const applied = wizard.panel.getByRole('status').filter({ hasText: 'Change applied' });
      await expect(applied).toContainText('Set "IP family" to IPv4 only. Result: Use Calico.');
      await expectAxeClean(page, 'after applying');
      await wizard.goToStep('addressing');
      await expect(
        wizard.control('addressing.ipFamily').getByRole('radio', { name: 'IPv4 only', exact: true }),
      ).toBeChecked();

      // Undo puts the old answer back, and with it the conflict.
      await applied.getByRole('button', { name: 'Undo this change' }).click();
      await expect(wizard.headline).toHaveText(/No CNI can be recommended/);
      await expect(fixes).toBeVisible();
    });

    test('a forced Cilium on a 5.4 kernel: another patch of the same release line keeps Cilium', async ({ wizard }) => {
      const [first] = suggestFixes(FORCED_CILIUM);
      const release = String(first!.changes[0]!.to);
      // The example of the issue: a v1.30 patch that still bundles Cilium 1.17.
      expect(release).toMatch(/^v1\.30\./);
      await wizard.open(FORCED_CILIUM);
      await expect(wizard.headline).toHaveAttribute('data-chosen', 'cilium');
      await expect(wizard.panel.locator('[data-message-id="forcedUnavailable"]')).toBeVisible();

      const fixes = wizard.panel.getByRole('region', { name: 'Smallest changes that make it work' });
      const button = fixes.getByRole('button', { name: `Use RKE2 release ${release}` });
      await expect(button).toBeVisible();
      await expect(button).toHaveAccessibleDescription(
        /^Result: Cilium works\. Kernel 5\.4 meets Cilium 1\.17\.\d+'s minimum of 5\.4\.$/,
      );
      await button.click();
      await expect(wizard.panel.locator('[data-message-id="forcedUnavailable"]')).toHaveCount(0);
      await expect(wizard.headline).toHaveText(/You chose Cilium/);
      await wizard.goToStep('cluster');
      await expect(wizard.control('cluster.release')).toHaveValue(release);
    });

    test('findings speak the user\'s words, and the smallest fix of "no CNI fits" lowers the requirement', async ({
      wizard,
      page,
    }) => {
      await wizard.open(answersWith({ cluster: { windowsNodes: true }, security: { policy: 'l7' } }));
      const conflict = wizard.panel.locator('[data-message-id="noCniFits"]');
      await expect(conflict).toBeVisible();
      // Question labels and capitalised CNI names, never field paths or ids.
      await expect(conflict).toContainText('Canal is ruled out by "Windows worker nodes"');
      await expect(conflict).toContainText('Change one of: "Windows worker nodes", "Network policy needs".');
      await expect(conflict).not.toContainText('cluster.windowsNodes');
      await expect(conflict).not.toContainText('security.policy');

      const fixes = wizard.panel.getByRole('region', { name: 'Smallest changes that make it work' });
      await expect(fixes.getByRole('button')).toHaveText([
        'Set "Network policy needs" to Kubernetes NetworkPolicy',
        'Turn off "Windows worker nodes"',
      ]);
      await fixes.getByRole('button', { name: 'Set "Network policy needs" to Kubernetes NetworkPolicy' }).click();
      await expect(wizard.headline).toHaveAttribute('data-recommended', 'calico');
      await expect(page.locator('[data-message-id="noCniFits"]')).toHaveCount(0);
    });

    test("a feature gate names the first fixed patch of the user's own line, and the fix moves along that line", async ({
      wizard,
    }) => {
      const answers = answersWith({
        cluster: { release: 'v1.33.6+rke2r1' },
        performance: { kubeProxyReplacement: true, apiServerHost: '10.0.0.10' },
        choice: { forcedCni: 'calico' },
      });
      await wizard.open(answers);
      await expect(wizard.candidateRow('calico')).toContainText('v1.33.6+rke2r1 needs at least v1.33.8.');
      const fixes = wizard.panel.getByRole('region', { name: 'Smallest changes that make it work' });
      const [first] = suggestFixes(answers);
      const release = String(first!.changes[0]!.to);
      expect(release).toMatch(/^v1\.33\./);
      await expect(fixes.getByRole('button').first()).toHaveText(`Use RKE2 release ${release}`);
      await expect(fixes.getByRole('button', { name: 'Turn off "Replace kube-proxy with eBPF"' })).toBeVisible();
      await fixes.getByRole('button', { name: `Use RKE2 release ${release}` }).click();
      await expect(wizard.headline).toHaveText(/You chose Calico/);
      await expect(wizard.panel.locator('[data-message-id="forcedUnavailable"]')).toHaveCount(0);
    });
  });
}
