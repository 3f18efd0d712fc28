import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { labelOf } from './pages/wizard-page';
import { answersWith } from '../src/test/scenarios';
import { RELEASES } from '../src/domain/rke2/releases';
import { EXAMPLE_VALUES } from '../src/domain/answers/defaults';
import { parseAnswers } from '../src/domain/answers/parse-answers';
import type { AnswerPath } from '../src/domain/answers/answers-schema';
import { load } from 'js-yaml';
import type { Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

async function axeClean(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    what,
  ).toEqual([]);
}

const OLD_RELEASE = 'v1.31.13+rke2r1';
const newest33 = RELEASES.filter((r) => r.version.minor === 33).at(-1)!.version.text;

for (const vp of WIDTHS) {
  test.describe(`guidance at ${vp.width}x${vp.height}`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test('a pod CIDR over the service CIDR keeps Windows, the release and Calico, with the error at once', async ({
      wizard,
      page,
    }) => {
      await wizard.open(answersWith({ cluster: { windowsNodes: true, release: OLD_RELEASE } }));
      await expect(wizard.headline).toHaveAttribute('data-chosen', 'calico');
      await wizard.goToStep('addressing');
      await wizard.control('addressing.clusterCidrV4').fill('10.43.0.0/16');
      // The service CIDR shows the overlap at once, without pressing Next.
      await wizard.expectFieldError('addressing.serviceCidrV4', 'overlaps the cluster (pod) CIDR');
      // The pick does not fall back to RKE2's defaults.
      await expect(wizard.headline).toHaveAttribute('data-chosen', 'calico');
      const invalid = wizard.panel.getByRole('region', { name: 'One answer is not valid yet' });
      await expect(invalid).toContainText('The recommendation uses your last valid answer for it meanwhile.');
      // Named by its question, and a way there.
      await invalid.getByRole('button', { name: labelOf('addressing.serviceCidrV4') }).click();
      await expect(wizard.control('addressing.serviceCidrV4')).toBeFocused();
      await wizard.control('addressing.serviceCidrV4').fill('10.96.0.0/16');
      await expect(wizard.control('addressing.serviceCidrV4')).toHaveAttribute('aria-invalid', 'false');
      await expect(invalid).toHaveCount(0);
      await axeClean(page, 'after fixing the overlap');
    });

    test('before any answer the panel says the pick rests on RKE2 defaults, then what the last answer changed', async ({
      wizard,
      page,
    }) => {
      await wizard.open();
      await expect(wizard.panel.getByTestId('defaults-basis')).toHaveText(/Based on RKE2's defaults so far/);
      await wizard.control('cluster.windowsNodes').check();
      await expect(wizard.panel.getByTestId('defaults-basis')).toHaveCount(0);
      await expect(wizard.panel.getByTestId('last-change')).toHaveText(
        `After your last answer (${labelOf('cluster.windowsNodes')}): changed from Canal to Calico.`,
      );
      // Hierarchy: verdict, then why not the others, then notes.
      const headings = await wizard.panel.getByRole('heading', { level: 3 }).allTextContents();
      expect(headings.indexOf('Why not the others')).toBeLessThan(headings.indexOf('Notes'));
      await axeClean(page, 'panel after one answer');
    });

    test('the release question takes v1.33 as the newest v1.33 patch and says so', async ({ wizard, page }) => {
      await wizard.open();
      await wizard.control('cluster.release').fill('v1.33');
      await expect(page.getByRole('status').filter({ hasText: `v1.33 is taken as ${newest33}` })).toBeVisible();
      await expect(wizard.control('cluster.release')).toHaveAttribute('aria-invalid', 'false');
      await wizard.control('cluster.release').fill('1.19');
      await wizard.expectFieldError('cluster.release', 'This wizard knows no v1.19 release');
      await axeClean(page, 'release minor notice');
    });

    test('the release list shows every patch and marks those that rule out the choice', async ({ wizard, page }) => {
      await wizard.open(answersWith({ choice: { forcedCni: 'flannel' }, security: { policy: 'none' } }));
      await page.getByRole('button', { name: 'Show every known release' }).click();
      const list = page.getByRole('table', { name: /Every known RKE2 release/ });
      await expect(list.getByRole('row')).toHaveCount(RELEASES.length + 1);
      // Several patches of one minor, not only the newest.
      await expect(list.getByRole('rowheader', { name: /^v1\.33\./ })).toHaveCount(
        RELEASES.filter((r) => r.version.minor === 33).length,
      );
      const old = list.locator('tr[data-release="v1.26.0+rke2r1"]');
      await expect(old).toContainText('Rules out Flannel:');
      await expect(old).toContainText('Flannel is a primary CNI only from');
      await expect(list.locator('tr[data-release="v1.29.2+rke2r1"]')).toContainText('Fits: Flannel');
      await list.getByRole('button', { name: 'Use v1.29.2+rke2r1' }).click();
      await expect(wizard.control('cluster.release')).toHaveValue('v1.29.2+rke2r1');
    });

    // Its own test: axe over ~270 rows is the slow part of the list's checks (CI was near the 30 s limit).
    test('the release list is axe clean', async ({ wizard, page }) => {
      await wizard.open(answersWith({ choice: { forcedCni: 'flannel' }, security: { policy: 'none' } }));
      await page.getByRole('button', { name: 'Show every known release' }).click();
      await expect(page.getByRole('table', { name: /Every known RKE2 release/ }).getByRole('row')).toHaveCount(
        RELEASES.length + 1,
      );
      // axe.run in the page: the default runPartial + finishRun copies the partial results of ~270 rows into a
      // new blank page, which took most of this test's time; the page has no frames, so nothing is lost.
      const results = await new AxeBuilder({ page })
        .withTags(WCAG_TAGS)
        .include('#release-list')
        .setLegacyMode()
        .analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
    });

    test('Multus fields start empty with example placeholders; the NAD holds exactly what was typed', async ({
      wizard,
      page,
    }) => {
      await wizard.open();
      await wizard.goToStep('extras');
      await wizard.setAnswer('extras.mode', 'multus');
      const examples: [AnswerPath, string][] = [
        ['extras.secondary.name', EXAMPLE_VALUES.secondaryName],
        ['extras.secondary.master', EXAMPLE_VALUES.secondaryMaster],
        ['extras.secondary.subnet', EXAMPLE_VALUES.secondarySubnet],
        ['extras.secondary.rangeStart', EXAMPLE_VALUES.secondaryRangeStart],
        ['extras.secondary.rangeEnd', EXAMPLE_VALUES.secondaryRangeEnd],
        ['extras.secondary.gateway', EXAMPLE_VALUES.secondaryGateway],
      ];
      for (const [path, example] of examples) {
        await expect(wizard.control(path), path).toHaveValue('');
        await expect(wizard.control(path), path).toHaveAttribute('placeholder', example);
      }
      // The panel names the two answers Multus needs; nothing else is required.
      const invalid = wizard.panel.getByTestId('invalid-answers');
      await expect(invalid.getByRole('heading')).toHaveText('2 answers are not valid yet');
      await expect(invalid.getByRole('listitem')).toHaveText([
        labelOf('extras.secondary.master'),
        labelOf('extras.secondary.subnet'),
      ]);
      // Next is blocked, with the error at the field.
      const required = parseAnswers({ extras: { mode: 'multus' } });
      if (required.ok) throw new Error('Multus without an interface must be refused');
      await wizard.nextButton.click();
      await wizard.expectStep('extras');
      await expect(wizard.control('extras.secondary.master')).toBeFocused();
      for (const e of required.errors) await wizard.expectFieldError(e.field as AnswerPath, e.message);
      await axeClean(page, 'empty Multus fields');
      await wizard.setAnswer('extras.secondary.master', 'ens2f0');
      await wizard.setAnswer('extras.secondary.subnet', '10.10.0.0/24');
      await expect(invalid).toHaveCount(0);
      await wizard.next('performance');
      await wizard.goToStep('review');
      await wizard.showFile('kubectl-apply/secondary-network.yaml').click();
      await expect(wizard.filePreview).toContainText('"master": "ens2f0"');
      const nad = load((await wizard.filePreview.textContent()) ?? '') as { spec: { config: string } };
      const config = JSON.parse(nad.spec.config) as Record<string, unknown>;
      // Only what was typed: no range or gateway the user left empty, and the name after the type.
      expect(config).toEqual({
        cniVersion: '0.3.1',
        name: 'macvlan-net',
        type: 'macvlan',
        master: 'ens2f0',
        mode: 'bridge',
        ipam: { type: 'whereabouts', range: '10.10.0.0/24' },
      });
    });

    test('step chips show done and errors; a chip over an error says where it is', async ({ wizard, page }) => {
      await wizard.open();
      await wizard.next('nodes');
      await wizard.next('security');
      await wizard.next('addressing');
      await expect(wizard.stepButton('cluster')).toHaveAccessibleDescription('Done');
      await expect(wizard.stepButton('addressing')).toHaveAccessibleDescription('Current step');
      await wizard.setAnswer('addressing.ipFamily', 'dual');
      // IPv6 examples are placeholders, never answers.
      await expect(wizard.control('addressing.clusterCidrV6')).toHaveValue('');
      await expect(wizard.control('addressing.clusterCidrV6')).toHaveAttribute(
        'placeholder',
        EXAMPLE_VALUES.clusterCidrV6,
      );
      await wizard.goToStep('cluster');
      await expect(wizard.stepButton('addressing')).toHaveAccessibleDescription('Has an error');
      await wizard.stepButton('review').click();
      const blocked = page.getByTestId('step-blocked');
      await expect(blocked).toContainText('Step 4, “IP addressing”, has an error');
      await expect(blocked).toContainText(labelOf('addressing.clusterCidrV6'));
      await wizard.expectStep('cluster');
      await axeClean(page, 'blocked step message');
      await blocked.getByRole('button', { name: `Go to ${labelOf('addressing.clusterCidrV6')}` }).click();
      await wizard.expectStep('addressing');
      await expect(wizard.control('addressing.clusterCidrV6')).toBeFocused();
    });

    test('typing a kernel switches the OS preset to Other; a reload and a shared link reopen the step', async ({
      wizard,
      page,
    }) => {
      await wizard.open();
      await wizard.goToStep('nodes');
      await wizard.control('nodes.kernel').fill('5.15.0-105-generic');
      await expect(wizard.control('nodes.osPreset')).toHaveValue('custom');
      await expect(wizard.control('nodes.osPreset').locator('option:checked')).toHaveText('Other (type the kernel)');
      await page.waitForURL(/step=nodes/);
      // The answers reach the address shortly after the change (debounced).
      await expect
        .poll(() => Buffer.from(new URL(page.url()).searchParams.get('a') ?? '', 'base64url').toString())
        .toContain('5.15.0-105-generic');
      await page.reload();
      await wizard.expectStep('nodes');
      await expect(wizard.control('nodes.kernel')).toHaveValue('5.15.0-105-generic');
      const shared = page.url();
      const other = await page.context().newPage();
      await other.goto(shared);
      await expect(other.getByRole('heading', { level: 2, name: /^Step 2 of \d+: Nodes and kernel/ })).toBeVisible();
      await other.close();
    });
  });
}

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a sticky summary shows the verdict and opens the panel', async ({ wizard, page }) => {
    await wizard.open(answersWith({ cluster: { windowsNodes: true } }));
    const summary = page.getByRole('region', { name: 'Recommendation summary' });
    await expect(summary).toBeInViewport();
    await expect(summary).toBeVisible();
    await expect(summary).toContainText('Use Calico');
    await summary.getByRole('button', { name: 'Open the recommendation' }).click();
    await expect(wizard.panel.getByRole('heading', { name: 'Recommendation', exact: true })).toBeFocused();
    await expect(wizard.panel.getByRole('heading', { name: 'Recommendation', exact: true })).toBeInViewport();
    // With the panel on screen the bar steps aside instead of covering the panel's last buttons.
    await expect(summary).toBeHidden();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(summary).toBeVisible();
    await axeClean(page, 'summary bar');
  });
});

test.describe('wide screens', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test('the summary bar is not shown beside the panel', async ({ wizard, page }) => {
    await wizard.open();
    await expect(page.getByRole('region', { name: 'Recommendation summary' })).toHaveCount(0);
    await expect(wizard.headline).toHaveAttribute('data-chosen', 'canal');
  });
});
