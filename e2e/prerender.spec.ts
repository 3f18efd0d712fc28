import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { PROFILE_IDS } from '../src/domain/cni/profiles';
import { COMPARISON_ONLY } from '../src/domain/facts/cni-names';

/**
 * Issue 15, section 1: the wizard's first screen, /compare and every /cni/<id> page are HTML with
 * their content in dist/ (scripts/prerender.ts), and the browser hydrates that HTML instead of
 * rendering it again. The fixtures' guard fails a test on any console error, which is where React
 * reports a page that did not match (main.tsx, onRecoverableError).
 */

const PAGES: { path: string; h1: RegExp | string; content: RegExp }[] = [
  { path: '/', h1: /RKE2 CNI Wizard/, content: /Recommended/ },
  { path: '/compare', h1: 'Compare CNIs for RKE2', content: /<table[\s\S]*href="\/cni\/cilium\?release=/ },
  ...PROFILE_IDS.map((id) => ({ path: `/cni/${id}`, h1: /.+/, content: /Known pitfalls/ })),
  ...COMPARISON_ONLY.map((id) => ({ path: `/cni/${id}`, h1: /.+/, content: /Not offered by RKE2/ })),
];

/** Remembers the parsed page's <main> before any script runs, to tell hydration from a fresh render. */
async function rememberServerMain(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive')
        (window as unknown as { __serverMain: Element | null }).__serverMain = document.querySelector('#root main');
    });
  });
}

/** True once React owns the <main> element (hydration attaches its fiber to the existing node). */
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('#root main');
    return !!main && Object.keys(main).some((k) => k.startsWith('__reactFiber'));
  });
}

for (const { path, h1, content } of PAGES) {
  test(`${path} is served with its content and hydrated in place`, async ({ page, request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const html = await response.text();
    const root = /<div id="root" data-route="([^"]+)">([\s\S]*)<\/div>\s*<\/body>/.exec(html);
    expect(root, 'the page holds its rendered markup').not.toBeNull();
    expect(root![2]).toMatch(/<h1\b/);
    expect(root![2]).toMatch(content);
    expect(root![2], 'no spinner on the first paint').not.toMatch(/Loading/);
    expect(html, 'no inline script').not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    await rememberServerMain(page);
    await page.goto(path);
    await waitForHydration(page);
    await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible();
    const kept = await page.evaluate(
      () => document.querySelector('#root main') === (window as unknown as { __serverMain: Element }).__serverMain,
    );
    expect(kept, 'React hydrated the server HTML instead of replacing it').toBe(true);
  });
}
