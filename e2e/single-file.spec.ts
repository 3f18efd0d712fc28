import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { test as base, expect, type Page } from '@playwright/test';
import { WizardPage } from './pages/wizard-page';
import { SCENARIOS } from '../src/test/scenarios';
import { generateBundle } from '../src/domain/generators';

/**
 * The one-file build (`npm run build:single`, issue 15 §2) opened the way an air-gapped site would:
 * from disk, with every request that is not the file itself refused. Each test fails on a console
 * error, a page error, a Content-Security-Policy violation, or any request other than file:, data:
 * and blob:.
 */
const FILE = resolve('dist-single/rke2-cni-wizard.html');
const URL_OF_FILE = pathToFileURL(FILE).href;

declare global {
  interface Window {
    __singleFileCsp?: string[];
  }
}

const test = base.extend<{ airGap: void; wizard: WizardPage }>({
  airGap: [
    async ({ page, context }, use) => {
      if (!existsSync(FILE)) throw new Error(`${FILE} is missing: run npm run build:single first`);
      const problems: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        problems.push(`network request: ${url}`);
        return route.abort('internetdisconnected');
      });
      await context.setOffline(true);
      await page.addInitScript(() => {
        window.__singleFileCsp = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__singleFileCsp!.push(`${e.effectiveDirective}: ${e.blockedURI} ${e.sample}`),
        );
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${String(err)}`));
      page.on('request', (req) => {
        if (!/^(file|data|blob):/.test(req.url())) problems.push(`request: ${req.url()}`);
      });
      await use();
      if (!page.isClosed()) problems.push(...(await page.evaluate(() => window.__singleFileCsp ?? [])));
      expect(problems, 'console errors, CSP violations and requests off the file').toEqual([]);
    },
    { auto: true },
  ],
  wizard: async ({ page }, use) => {
    await use(new WizardPage(page));
  },
});

async function openFile(page: Page, hash = '') {
  await page.goto(URL_OF_FILE + hash);
}

test('the file allows only its own inline scripts, by hash: no unsafe-inline script, no eval, no network', () => {
  const html = readFileSync(FILE, 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs] of scripts) expect(attrs).not.toMatch(/\bsrc=/);
  const hashes = scripts.map(([, , body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
  expect([...directives.get('script-src')!].sort()).toEqual(hashes.sort());
  expect(policy).not.toMatch(/unsafe-eval|strict-dynamic|\*/);
  expect(directives.get('default-src')).toEqual(["'none'"]);
  expect(directives.get('connect-src')).toEqual(["'none'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  // No file next to it is needed: nothing refers to another file.
  expect(html).not.toMatch(/<link[^>]+href="(?!data:)/);
});

test('from file:// with the network blocked: the wizard to the review and the zip download', async ({
  page,
  wizard,
}) => {
  const answers = SCENARIOS.ciliumKubeProxyFree.answers;
  const expected = generateBundle(answers);
  if (!expected.ok) throw new Error('ciliumKubeProxyFree must produce a bundle');
  await openFile(page);
  await expect(wizard.stepHeading).toBeVisible();
  await wizard.answerAll(answers);
  await wizard.expectStep('review');
  await expect(wizard.headline).toHaveAttribute('data-recommended', 'cilium');
  await expect(wizard.downloadZipButton).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), wizard.downloadZipButton.click()]);
  expect(download.suggestedFilename()).toBe(`${expected.name}.zip`);
  const entries = unzipSync(new Uint8Array(await readFile(await download.path())));
  const got = Object.fromEntries(Object.entries(entries).map(([path, bytes]) => [path, strFromU8(bytes)]));
  const want = Object.fromEntries(expected.files.map((f) => [`${expected.name}/${f.path}`, f.contents]));
  expect(got).toEqual(want);

  // The answers are kept in the file URL's query: a reload shows the same recommendation.
  await page.reload();
  await expect(wizard.headline).toHaveAttribute('data-recommended', 'cilium');
});

test('from file:// the comparison and a CNI page open by hash routes; Back and reload work', async ({ page }) => {
  await openFile(page);
  await page.getByRole('banner').getByRole('link', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare CNIs for RKE2' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/compare');
  await page.getByRole('table').first().getByRole('link', { name: 'Cilium', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cilium' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/cni/cilium');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Cilium' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare CNIs for RKE2' })).toBeVisible();

  // A route typed into the hash works too, and an unknown one says so.
  await openFile(page, '#/cni/calico');
  await expect(page.getByRole('heading', { level: 1, name: 'Calico' })).toBeVisible();
  await openFile(page, '#/nowhere');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the wizard' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of \d+:/ })).toBeVisible();
});
