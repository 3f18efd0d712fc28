import { test, expect } from './fixtures';
import { SCENARIOS, answersWith } from '../src/test/scenarios';
import { generateBundle } from '../src/domain/generators';
import type { Answers } from '../src/domain/answers/types';

/** Issue 12 §5 and §6: Windows outputs in the bundle, and the NetworkAttachmentDefinition readable in the preview. */

const WIDE = { width: 1440, height: 900 };
const NARROW = { width: 390, height: 844 };

function filesOf(answers: Answers) {
  const r = generateBundle(answers);
  if (!r.ok) throw new Error('scenario must produce a bundle');
  return r.files;
}

for (const [label, size] of [
  ['1440x900', WIDE],
  ['390x844', NARROW],
] as const) {
  test.describe(`at ${label}`, () => {
    test.use({ viewport: size });

    test('a Windows cluster gets the Windows agent config, the PowerShell preflight and the Windows steps', async ({
      wizard,
    }) => {
      const answers = SCENARIOS.windowsWorkers.answers;
      const files = filesOf(answers);
      await wizard.open(answers);
      await wizard.goToStep('review');
      for (const path of ['windows-agent/etc/rancher/rke2/config.yaml', 'scripts/preflight.ps1']) {
        await wizard.showFile(path).click();
        await expect(wizard.filePreview).toHaveAttribute('aria-label', `Contents of ${path}`);
        expect(await wizard.filePreview.textContent(), path).toBe(files.find((f) => f.path === path)!.contents);
      }
      await expect(wizard.filePreview).toContainText('Get-WindowsOptionalFeature -Online -FeatureName');
      await expect(wizard.filePreview).toContainText("Test-InboundAllowed 'UDP' 4789 4789");
      await wizard.showFile('README.md').click();
      await expect(wizard.filePreview).toContainText(
        'On every Windows agent, copy `windows-agent/etc/rancher/rke2/config.yaml`',
      );
      await expect(wizard.filePreview).toContainText('Fill in before use:');
      await wizard.showFile('scripts/verify.sh').click();
      await expect(wizard.filePreview).toContainText('kubernetes.io/os: linux');
    });

    test('a Linux-only cluster gets no Windows files', async ({ wizard }) => {
      await wizard.open(SCENARIOS.stockCluster.answers);
      await wizard.goToStep('review');
      await expect(wizard.showFile('scripts/preflight.sh')).toBeVisible();
      await expect(wizard.showFile('scripts/preflight.ps1')).toHaveCount(0);
      await expect(wizard.showFile('windows-agent/etc/rancher/rke2/config.yaml')).toHaveCount(0);
    });

    test('the NetworkAttachmentDefinition config reads as JSON in a block in the preview', async ({ wizard }) => {
      const answers = answersWith({ extras: { mode: 'multus' } });
      const path = 'kubectl-apply/secondary-network.yaml';
      const contents = filesOf(answers).find((f) => f.path === path)!.contents;
      await wizard.open(answers);
      await wizard.goToStep('review');
      await wizard.showFile(path).click();
      expect(await wizard.filePreview.textContent()).toBe(contents);
      await expect(wizard.filePreview).toContainText(/config: \|-?\s+\{\s+"cniVersion": /);
      await expect(wizard.filePreview).not.toContainText('\\"');
    });
  });
}

test.describe('kube-proxy replacement API address', () => {
  for (const [label, size] of [
    ['1440x900', WIDE],
    ['390x844', NARROW],
  ] as const)
    test(`the field help and the bundle agree on localhost (${label})`, async ({ wizard, page }) => {
      await page.setViewportSize(size);
      const answers = answersWith({ choice: { forcedCni: 'cilium' }, performance: { kubeProxyReplacement: true } });
      await wizard.open(answers);
      await wizard.goToStep('performance');
      const field = page.getByRole('textbox', { name: /API server address/ });
      await expect(field).toHaveAccessibleDescription(/Cilium can use localhost/);
      await expect(field).toHaveAccessibleDescription(/Calico eBPF needs a server IP, VIP or load balancer/);
      await wizard.goToStep('review');
      await wizard.showFile('README.md').click();
      await expect(wizard.filePreview).toContainText('Cilium can use localhost (the default when left empty)');
    });
});
