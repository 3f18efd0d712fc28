import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { defaultAnswers } from '../src/domain/answers/defaults';
import { CNI_PROFILES, COMPARISON_ONLY_PROFILES } from '../src/domain/cni/profiles';

/** The comparison view (issue 5): found by role and label, as a user would. */

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const table = (page: Page) => page.getByRole('table', { name: /Feature support by CNI/ });
/**
 * Column names in the header row, in order (each is a link to the CNI page), read in one go. A linked
 * view is prerendered with every column and narrows once it hydrates (issue 15): poll it.
 */
async function columnNames(page: Page): Promise<string[]> {
  await expect(table(page)).toBeVisible();
  return table(page)
    .getByRole('row')
    .first()
    .getByRole('columnheader')
    .evaluateAll((headers) => headers.slice(1).map((h) => (h.querySelector('a') as HTMLElement).innerText.trim()));
}
/** Opens a page and waits for its h1: the comparison is lazy-loaded and the machine may be busy. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
}
const needs = (page: Page) => page.getByRole('group', { name: 'Only the features I need' });

/** Minimal RFC 4180 reader for the exported file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  return rows;
}

async function cellLines(cell: Locator): Promise<string[]> {
  return (await cell.innerText())
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

test.describe('CNI comparison', () => {
  test('filtering by a need hides the CNIs that cannot do it, with the reason', async ({ page }) => {
    await open(page, '/compare?release=v1.33.6%2Brke2r1');
    await expect(page.getByRole('heading', { level: 1, name: 'Compare CNIs for RKE2' })).toBeVisible();
    await expect
      .poll(() => columnNames(page))
      .toEqual(expect.arrayContaining(['Canal', 'Calico', 'Cilium', 'Flannel']));

    await needs(page).getByRole('checkbox', { name: 'Windows nodes' }).check();

    await expect(table(page).getByRole('link', { name: 'Cilium', exact: true })).toHaveCount(0);
    await expect(table(page).getByRole('link', { name: 'Canal', exact: true })).toHaveCount(0);
    await expect.poll(() => columnNames(page)).toEqual(['Calico', 'Flannel']);
    const hidden = page.getByRole('region', { name: 'Hidden by your filters' });
    await expect(hidden).toContainText('Cilium');
    await expect(hidden).toContainText('Windows nodes: No. Cilium does not run on Windows');
    await expect(hidden).toContainText('Canal');
    await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText('Showing 2 of 8');

    // A second need narrows further: Flannel enforces no NetworkPolicy.
    await needs(page).getByRole('checkbox', { name: 'Kubernetes NetworkPolicy' }).check();
    await expect(table(page).getByRole('link', { name: 'Flannel', exact: true })).toHaveCount(0);
    await expect(hidden).toContainText('Kubernetes NetworkPolicy: No. Policies are accepted but not enforced');
  });

  test('changing the release brings Flannel in at v1.26.14', async ({ page }) => {
    await open(page, '/compare?release=v1.26.13%2Brke2r1');
    await expect(table(page)).toHaveAccessibleName(/v1\.26\.13\+rke2r1/);
    await expect(table(page).getByRole('link', { name: 'Flannel', exact: true })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Hidden by your filters' })).toContainText(
      'rke2-flannel is bundled only from v1.26.14',
    );

    await page.getByLabel('RKE2 release', { exact: true }).selectOption('v1.26.14+rke2r1');

    await expect(table(page)).toHaveAccessibleName(/v1\.26\.14\+rke2r1/);
    await expect(table(page).getByRole('link', { name: 'Flannel', exact: true })).toBeVisible();
    await expect(table(page).getByRole('columnheader').filter({ hasText: 'rke2-flannel v0.24.201' })).toBeVisible();
    await expect(page).toHaveURL(/release=v1\.26\.14%2Brke2r1/);
  });

  test('a CNI page opens from the table', async ({ page }) => {
    await open(page, '/compare?release=v1.33.6%2Brke2r1');
    await table(page).getByRole('link', { name: 'Cilium', exact: true }).click();

    await expect(page).toHaveURL(/\/cni\/cilium\?release=v1\.33\.6%2Brke2r1/);
    await expect(page.getByRole('heading', { level: 1, name: 'Cilium' })).toBeVisible();
    await expect(page.getByRole('img', { name: /eBPF dataplane/ })).toBeVisible();
    const ports = page.getByRole('table', { name: 'Cilium ports to open between nodes' });
    await expect(ports.getByRole('row').filter({ hasText: 'Cilium VXLAN' })).toContainText('UDP');
    await expect(page.getByRole('heading', { name: 'Known pitfalls' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Chart version in each RKE2 release' })).toContainText(
      'bundles rke2-cilium 1.1',
    );
    await expect(page.getByLabel('/etc/rancher/rke2/config.yaml')).toContainText(/cni:\s+- cilium/);
  });

  test('a shared comparison link restores the view', async ({ page, context }) => {
    await open(
      page,
      '/compare?cni=calico,cilium&release=v1.33.6+rke2r1&features=wireguard&sort=name&collapsed=security',
    );

    await expect(page.getByLabel('RKE2 release', { exact: true })).toHaveValue('v1.33.6+rke2r1');
    await expect.poll(() => columnNames(page)).toEqual(['Calico', 'Cilium']);
    await expect(needs(page).getByRole('checkbox', { name: 'WireGuard' })).toBeChecked();
    await expect(page.getByLabel('Sort CNIs by')).toHaveValue('name');
    await expect(table(page).getByRole('button', { name: /Policy and encryption/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await expect(table(page).getByRole('rowheader', { name: /IPsec/ })).toHaveCount(0);

    // Change the view, then open its address in a fresh tab: the same view comes back.
    await page.getByRole('group', { name: 'CNIs to compare' }).getByRole('checkbox', { name: 'Canal' }).check();
    await table(page)
      .getByRole('button', { name: /Policy and encryption/ })
      .click();
    await expect(page).toHaveURL(/cni=canal,calico,cilium/);
    const shared = page.url();
    const other = await context.newPage();
    await open(other, shared);
    await expect.poll(() => columnNames(other)).toEqual(['Calico', 'Canal', 'Cilium']);
    await expect(table(other).getByRole('rowheader', { name: /IPsec/ })).toBeVisible();
    await expect(other.getByLabel('RKE2 release', { exact: true })).toHaveValue('v1.33.6+rke2r1');
  });

  test('the CSV export matches the table', async ({ page }) => {
    await open(page, '/compare?cni=canal,calico,cilium,flannel&release=v1.33.8%2Brke2r1');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('rke2-cni-comparison-v1.33.8-rke2r1.csv');
    const rows = parseCsv(await readFile((await file.path())!, 'utf8'));

    await expect.poll(() => columnNames(page)).toEqual(['Canal', 'Calico', 'Cilium', 'Flannel']);
    const names = await columnNames(page);
    expect(rows[0]).toEqual(['Group', 'Feature', ...names.flatMap((n) => [n, `${n} source`])]);

    const bodyRows = table(page)
      .getByRole('row')
      .filter({ has: page.getByRole('cell') });
    const featureRows = rows.slice(1);
    expect(featureRows).toHaveLength(await bodyRows.count());
    for (let r = 0; r < featureRows.length; r++) {
      const csv = featureRows[r]!;
      const row = bodyRows.nth(r);
      expect((await row.getByRole('rowheader').innerText()).startsWith(csv[1]!)).toBe(true);
      const cells = row.getByRole('cell');
      for (let c = 0; c < names.length; c++) {
        const lines = await cellLines(cells.nth(c));
        const text = csv[2 + c * 2]!;
        // "Head — note (since)" in the file; head, note and since on their own lines in the table.
        expect(
          text.startsWith(`${lines[0]} — ${lines[1]}`),
          `${csv[1]} / ${names[c]}: ${text} vs ${lines.join(' | ')}`,
        ).toBe(true);
        expect(await cells.nth(c).getByRole('link').first().getAttribute('href')).toBe(csv[3 + c * 2]);
      }
    }
    // The release-dependent cell says so in both.
    expect(featureRows.find((r) => r[1] === 'eBPF dataplane')![4]).toMatch(/^Yes — .*\(from v1\.33\.8\)$/);
  });

  test('"only what fits my answers" uses the wizard\'s saved answers and the engine', async ({ page }) => {
    const answers = defaultAnswers();
    answers.cluster.release = 'v1.33.6+rke2r1';
    answers.cluster.windowsNodes = true;
    await page.addInitScript(
      (saved) => window.localStorage.setItem('rke2-cni-wizard.answers', saved),
      JSON.stringify(answers),
    );
    await open(page, '/compare');

    await expect(page.getByLabel('RKE2 release', { exact: true })).toHaveValue('v1.33.6+rke2r1');
    const calico = table(page)
      .getByRole('columnheader')
      .filter({ has: page.getByRole('link', { name: 'Calico', exact: true }) });
    await expect(calico).toContainText('Recommended for your answers');
    await expect(
      table(page).getByRole('columnheader').filter({ hasText: 'Excluded for your answers' }).first(),
    ).toBeVisible();

    await page.getByRole('checkbox', { name: 'Only what fits my answers' }).check();
    await expect.poll(() => columnNames(page)).toEqual(['Calico']);
    const hidden = page.getByRole('region', { name: 'Hidden by your filters' });
    await expect(hidden).toContainText('Windows nodes: No');
    await expect(hidden).toContainText('Not offered: Offered by Rancher for RKE1 only');
    await expect(page).toHaveURL(/fit=1/);
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(axe.violations).toEqual([]);
  });

  test('every CNI has a page, including bring-your-own, add-ons and comparison-only', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const p of [...Object.values(CNI_PROFILES), ...Object.values(COMPARISON_ONLY_PROFILES)]) {
      await open(page, `/cni/${p.id}?release=v1.26.13%2Brke2r1`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.name);
    }
    // Before its gate Flannel says it is not offered, and has no install snippet.
    await open(page, '/cni/flannel?release=v1.26.13%2Brke2r1');
    await expect(page.getByRole('alert').filter({ hasText: 'Not offered by RKE2 v1.26.13+rke2r1' })).toBeVisible();
    await expect(page.getByText('This release cannot install Flannel.')).toBeVisible();
    await page.getByLabel('RKE2 release', { exact: true }).selectOption('v1.26.14+rke2r1');
    await expect(page.getByLabel('/etc/rancher/rke2/config.yaml')).toContainText(/cni:\s+- flannel/);
    expect(errors).toEqual([]);
  });

  // Two tests, not one: axe over the whole table is the slow part, and each scan gets its own timeout.
  test('the comparison has no axe violations', async ({ page }) => {
    await open(page, '/compare?release=v1.33.6%2Brke2r1');
    await expect(table(page)).toBeVisible();
    const compare = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(compare.violations).toEqual([]);
  });

  test('a CNI page has no axe violations', async ({ page }) => {
    await open(page, '/cni/calico?release=v1.33.6%2Brke2r1');
    await expect(page.getByRole('heading', { level: 1, name: 'Calico' })).toBeVisible();
    const cni = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(cni.violations).toEqual([]);
  });

  test('at 375 px each CNI is a card and the page never scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open(page, '/compare?release=v1.33.6%2Brke2r1');
    await expect(page.getByRole('article', { name: 'Cilium' })).toBeVisible();
    await expect(table(page)).toBeHidden();
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(375);
  });
});
