import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const M = 'var/lib/rancher/rke2/server/manifests';

/** A user's own files (rancher/rke2#4910 style): tunnel and strict, which Cilium 1.15 rejects. */
const HCC = `apiVersion: helm.cattle.io/v1
kind: HelmChartConfig
metadata:
  name: rke2-cilium
  namespace: kube-system
spec:
  valuesContent: |-
    tunnel: disabled
    kubeProxyReplacement: strict
    k8sServiceHost: 10.0.0.10
    k8sServicePort: 6443
`;
const CONFIG = 'cni: cilium\ndisable-kube-proxy: true\ncluster-cidr: 10.44.0.0/16\n';
const ZIP = zipSync({
  'my-cluster/etc/rancher/rke2/config.yaml': strToU8(CONFIG),
  [`my-cluster/${M}/rke2-cilium-config.yaml`]: strToU8(HCC),
});

async function dropZip(page: Page) {
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'my-cluster.zip', { type: 'application/zip' }));
    return dt;
  }, Array.from(ZIP));
  await page.getByTestId('check-drop-zone').dispatchEvent('drop', { dataTransfer });
}

/**
 * A real folder drop: the files are written to a temporary folder and Chromium is told (DevTools protocol
 * Input.dispatchDragEvent) that the user dragged that folder onto the drop zone, as a file manager would.
 */
async function dropFolder(page: Page, files: Record<string, string>) {
  const base = await mkdtemp(join(tmpdir(), 'check-drop-'));
  const folder = join(base, 'my-cluster');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(folder, path, '..'), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  const box = (await page.getByTestId('check-drop-zone').boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [folder], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const)
    await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  await cdp.detach();
  return () => rm(base, { recursive: true, force: true });
}

async function axe(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    name,
  ).toEqual([]);
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('a dropped zip is checked, findings show by file, and the rewritten files download', async ({ page }) => {
      await page.goto('/check');
      await expect(page.getByRole('heading', { level: 1, name: 'Check my files' })).toBeVisible({ timeout: 20_000 });
      await page.getByLabel('RKE2 release of the cluster').selectOption('v1.28.6+rke2r1');
      await dropZip(page);

      // Against v1.28.6 (Cilium 1.14) the files are fine.
      await expect(page.getByText(/Checked the dropped files: 2 YAML\/JSON file/)).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'Release v1.28.6+rke2r1 (as asked)' })).toBeVisible();
      await expect(page.getByText('0 errors, 0 warnings.')).toBeVisible();

      // Judged against v1.29.2 (Cilium 1.15), the same files fail, at their file and key.
      await page.getByLabel('RKE2 release of the cluster').selectOption('v1.29.2+rke2r1');
      const hccFindings = page.getByRole('region', { name: `Findings in ${M}/rke2-cilium-config.yaml` });
      await expect(hccFindings.getByText('spec.valuesContent.tunnel', { exact: true })).toBeVisible();
      await expect(hccFindings.getByText('spec.valuesContent.kubeProxyReplacement', { exact: true })).toBeVisible();

      // The upgrade check: v1.28.6 → v1.28.7 hides a Cilium minor jump and rewrites both keys.
      await page.getByLabel('RKE2 release of the cluster').selectOption('v1.28.6+rke2r1');
      await page.getByLabel('Upgrade to (optional)').selectOption('v1.28.7+rke2r1');
      await expect(page.getByText(/rke2-cilium.*1\.14\.400 → 1\.15\.100/)).toBeVisible();
      await expect(page.getByText(/minor version jump inside a patch upgrade/).first()).toBeVisible();
      const upgradeFindings = page.getByRole('region', { name: `Findings in ${M}/rke2-cilium-config.yaml` });
      await expect(upgradeFindings.getByText('spec.valuesContent.tunnel', { exact: true })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Unified diff of the rewritten files' })).toContainText(
        '+    routingMode: native',
      );

      const [zip] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the rewritten files (.zip)' }).click(),
      ]);
      expect(zip.suggestedFilename()).toBe('rewritten-files.zip');
      const entries = unzipSync(new Uint8Array(await readFile(await zip.path())));
      const hcc = strFromU8(entries[`rewritten/${M}/rke2-cilium-config.yaml`]!);
      expect(hcc).toContain('routingMode: native');
      expect(hcc).toContain('ipv4NativeRoutingCIDR: 10.44.0.0/16');
      expect(hcc).toContain('kubeProxyReplacement: true');
      expect(strFromU8(entries['rewritten/etc/rancher/rke2/config.yaml']!)).toBe(CONFIG);

      const [diff] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the diff' }).click(),
      ]);
      expect(diff.suggestedFilename()).toBe('upgrade.diff');
      expect(await readFile(await diff.path(), 'utf8')).toContain(`+++ b/${M}/rke2-cilium-config.yaml`);

      await axe(page, `check page with an upgrade report at ${viewport.width}px`);
    });
  });
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`a dropped folder is walked, and findings show at each file at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/check');
    await expect(page.getByRole('heading', { level: 1, name: 'Check my files' })).toBeVisible({ timeout: 20_000 });
    await page.getByLabel('RKE2 release of the cluster').selectOption('v1.29.2+rke2r1');
    const cleanup = await dropFolder(page, {
      'etc/rancher/rke2/config.yaml': CONFIG,
      [`${M}/rke2-cilium-config.yaml`]: HCC,
      'notes/README.md': '# my notes\n',
    });
    try {
      await expect(page.getByText(/Checked the dropped folder: 2 YAML\/JSON file/)).toBeVisible();
      // Paths are relative to the dropped folder, so findings show at their file and key.
      const hccFindings = page.getByRole('region', { name: `Findings in ${M}/rke2-cilium-config.yaml` });
      await expect(hccFindings.getByText('spec.valuesContent.tunnel', { exact: true })).toBeVisible();
      await axe(page, `check page after a folder drop at ${viewport.width}px`);
    } finally {
      await cleanup();
    }
  });
}

test('dropped text that is not a file or folder gets a clear message', async ({ page }) => {
  await page.goto('/check');
  await expect(page.getByRole('heading', { level: 1, name: 'Check my files' })).toBeVisible({ timeout: 20_000 });
  const box = (await page.getByTestId('check-drop-zone').boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [{ mimeType: 'text/plain', data: 'cni: calico' }], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const)
    await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  await cdp.detach();
  await expect(page.getByRole('alert')).toContainText('Nothing dropped could be read: the dragged text');
  await axe(page, 'check page after a text drop');
});

test('pasted YAML is checked, and bad input gets a clear message', async ({ page }) => {
  await page.goto('/check');
  await axe(page, 'empty check page');
  await page.getByLabel('Or paste YAML').fill('disable-kube-proxy: true\ncni: calico\ndisable-kube-proxy: false\n');
  await page.getByLabel('Pasted file name').fill('config.yaml');
  await page.getByRole('button', { name: 'Check the pasted YAML' }).click();
  await expect(page.getByRole('region', { name: 'Findings in config.yaml' })).toContainText('written twice');

  await page.getByLabel('Pasted file name').fill('notes.txt');
  await page.getByRole('button', { name: 'Check the pasted YAML' }).click();
  await expect(page.getByRole('alert')).toContainText('No YAML or JSON file');
});

test('the wizard and each CNI page link to the check', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Already have files? Check them' }).click();
  await expect(page).toHaveURL(/\/check$/);
  await page.goto('/cni/cilium');
  await page.getByRole('link', { name: 'Check your files against this release' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check my files' })).toBeVisible({ timeout: 20_000 });
});
