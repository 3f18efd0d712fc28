import { test, expect } from './fixtures';
import { STEPS } from '../src/features/wizard/steps';
import { answersWith } from '../src/test/scenarios';

test('each step has its document title, a focused heading, and a "Learn more" source per question', async ({
  wizard,
  page,
}) => {
  await wizard.open(answersWith({ extras: { mode: 'multus' }, performance: { kubeProxyReplacement: true } }));
  await expect(page).toHaveTitle('Step 1 of 7: Cluster and release · RKE2 CNI Wizard');
  await expect(page.getByRole('heading', { level: 1, name: 'RKE2 CNI Wizard' })).toBeVisible();
  for (const [i, step] of STEPS.entries()) {
    await wizard.goToStep(step.id);
    await expect(page).toHaveTitle(`Step ${i + 1} of ${STEPS.length}: ${step.label} · RKE2 CNI Wizard`);
    if (i > 0) await expect(wizard.stepHeading).toBeFocused();
    const form = page.locator('form');
    const learnMore = form.getByRole('link', { name: /^Learn more/ });
    expect(await learnMore.count(), step.id).toBeGreaterThan(0);
    for (const link of await learnMore.all()) {
      await expect(link).toHaveAttribute('href', /^https:\/\//);
      await expect(link).toHaveAttribute('target', '_blank');
    }
  }
});

test('the kernel follows the OS preset, and a release newer than the table says so at the field', async ({
  wizard,
  page,
}) => {
  await wizard.open();
  await wizard.goToStep('nodes');
  await wizard.setAnswer('nodes.osPreset', 'rhel-9');
  await expect(wizard.control('nodes.kernel')).toHaveValue('5.14');
  await wizard.setAnswer('nodes.osPreset', 'custom');
  await expect(wizard.control('nodes.kernel')).toHaveValue('5.14');
  await wizard.goToStep('cluster');
  await wizard.setAnswer('cluster.release', 'v1.99.0+rke2r1');
  await expect(
    page.getByRole('status').filter({ hasText: 'is newer than the releases this wizard knows' }),
  ).toBeVisible();
  await expect(wizard.findings('note').and(page.locator('[data-message-id="releaseNewerThanTable"]'))).toBeVisible();
});

test('Hubble cannot be switched on while another CNI is forced, and says why', async ({ wizard }) => {
  await wizard.open(answersWith({ choice: { forcedCni: 'calico' } }));
  await wizard.goToStep('performance');
  const hubble = wizard.control('performance.observability');
  await expect(hubble).toBeDisabled();
  await expect(wizard.page.getByText(/Hubble comes with Cilium only, and calico is chosen/)).toBeVisible();
});

test('the recommendation panel collapses on a narrow screen', async ({ wizard, page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await wizard.open();
  const summary = page.getByText('Recommendation (show or hide)');
  await expect(wizard.headline).toBeVisible();
  await summary.click();
  await expect(wizard.headline).toBeHidden();
  await summary.click();
  await expect(wizard.headline).toBeVisible();
});
