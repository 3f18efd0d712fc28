import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

/** The node architecture answer reaches the bundle's air-gap files, at desktop and phone sizes. */
for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`arm64 nodes get arm64 tarballs (${viewport.width}x${viewport.height})`, async ({ wizard, page }) => {
    await page.setViewportSize(viewport);
    await wizard.open();
    await wizard.goToStep('nodes');
    const arch = page.getByRole('radiogroup', { name: /Node CPU architecture/ });
    await expect(arch.getByRole('radio', { name: 'amd64 (x86-64)', exact: true })).toBeChecked();
    await wizard.setAnswer('nodes.architecture', 'arm64');
    await expect(arch.getByRole('radio', { name: 'arm64 (aarch64)', exact: true })).toBeChecked();
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await wizard.goToStep('review');
    await wizard.showFile('airgap/tarballs.txt').click();
    await expect(wizard.filePreview).toContainText('rke2-images-core.linux-arm64.tar.zst');
    await expect(wizard.filePreview).not.toContainText('linux-amd64');
    await wizard.showFile('README.md').click();
    await expect(wizard.filePreview).toContainText('## Air gap');
  });
}
