import { test, expect } from './fixtures';

test('Windows plus dual-stack ends in a blocking conflict that says what to change, and no download', async ({
  wizard,
  page,
}) => {
  await wizard.open();
  // Dual-stack first: once Windows nodes are on, the wizard no longer offers it.
  await wizard.goToStep('addressing');
  await wizard.setAnswer('addressing.ipFamily', 'dual');
  // The IPv6 ranges are the user's to type (examples are placeholders only).
  await wizard.setAnswer('addressing.clusterCidrV6', 'fd00:42::/56');
  await wizard.setAnswer('addressing.serviceCidrV6', 'fd00:43::/112');
  await wizard.goToStep('cluster');
  await wizard.setAnswer('cluster.windowsNodes', true);

  const conflict = wizard.panel.getByRole('alert').and(page.locator('[data-message-id="windowsDualStack"]'));
  await expect(conflict).toBeVisible();
  await expect(wizard.headline).toHaveAttribute('data-recommended', '');
  await expect(wizard.headline).toHaveText(/No CNI can be recommended/);

  // The review step shows the conflict instead of a download.
  await wizard.goToStep('review');
  await expect(page.getByTestId('bundle-blocked')).toBeVisible();
  await expect(page.getByTestId('bundle-blocked').locator('[data-message-id="windowsDualStack"]')).toBeVisible();
  await expect(wizard.downloadZipButton).toHaveCount(0);

  // "Change: IP family" goes to the question, where dual-stack is now disabled with the reason.
  await conflict.getByRole('button', { name: 'Change: IP family' }).click();
  await wizard.expectStep('addressing');
  const family = wizard.control('addressing.ipFamily');
  await expect(family.getByRole('radio').first()).toBeFocused();
  await expect(family.getByRole('radio', { name: /Dual-stack/ })).toBeDisabled();
  await expect(family).toHaveAccessibleDescription(/does not support dual-stack or IPv6 on Windows nodes/);
  await wizard.setAnswer('addressing.ipFamily', 'ipv4');
  await expect(conflict).toHaveCount(0);
  await expect(wizard.headline).toHaveAttribute('data-recommended', 'calico');
  await wizard.goToStep('review');
  await expect(wizard.downloadZipButton).toBeVisible();
});

test('overriding the recommendation shows the consequences and can be undone', async ({ wizard, page }) => {
  await wizard.open();
  await expect(wizard.headline).toHaveAttribute('data-chosen', 'canal');
  await wizard.candidateRow('flannel').isVisible();
  await wizard.panel.getByRole('button', { name: 'Use Calico anyway' }).click();
  await expect(wizard.headline).toHaveAttribute('data-chosen', 'calico');
  await expect(wizard.headline).toHaveText(/You chose Calico/);
  await expect(wizard.panel.getByText('The recommendation is Canal.')).toBeVisible();
  await expect(wizard.findings('note').and(page.locator('[data-message-id="forcedOverride"]'))).toBeVisible();
  // The override is an answer like any other: the review step shows it.
  await wizard.goToStep('review');
  await expect(wizard.control('choice.forcedCni')).toHaveValue('calico');
  await wizard.panel.getByRole('button', { name: 'Back to the recommendation' }).click();
  await expect(wizard.headline).toHaveAttribute('data-chosen', 'canal');
  await expect(wizard.control('choice.forcedCni')).toHaveValue('auto');
});
