import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { test as unguarded, type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SCENARIOS } from '../src/test/scenarios';
import { answersToYaml } from '../src/domain/answers/answers-text';

/**
 * The Content-Security-Policy of index.html, enforced on the production build (vite preview serves
 * dist/). Every `securitypolicyviolation` event is recorded by a listener that runs before any page
 * script, and every console message that mentions the policy; the fixtures' guard also fails on
 * any console error or off-machine request.
 */

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

async function recordViolations(page: Page): Promise<string[]> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  const consoleCsp: string[] = [];
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy|CSP/i.test(msg.text())) consoleCsp.push(`${msg.type()}: ${msg.text()}`);
  });
  return consoleCsp;
}

async function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!.toLowerCase(), values];
      }),
  );
}

test('index.html carries a strict policy: scripts from this origin only, no eval, no plugins, no base or form targets', async ({
  page,
}) => {
  await page.goto('/');
  const metas = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(metas).toHaveCount(1);
  const policy = directives((await metas.getAttribute('content')) ?? '');
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  for (const [name, values] of policy) {
    expect(values, name).not.toContain("'unsafe-eval'");
    expect(values, name).not.toContain("'wasm-unsafe-eval'");
    if (name.startsWith('script-src') || name === 'default-src') expect(values, name).not.toContain("'unsafe-inline'");
  }
  // The policy must come before any script, and the built page has no inline script at all.
  const order = await page.evaluate(() => {
    const head = [...document.head.children];
    const meta = head.findIndex((el) => el.getAttribute('http-equiv') === 'Content-Security-Policy');
    const firstScript = head.findIndex((el) => el.tagName === 'SCRIPT');
    const inline = [...document.querySelectorAll('script')].filter((s) => !s.src).length;
    return { meta, firstScript, inline };
  });
  expect(order.meta).toBeGreaterThanOrEqual(0);
  expect(order.meta).toBeLessThan(order.firstScript);
  expect(order.inline).toBe(0);
});

// Unguarded: the browser logs the two refusals this test provokes as console errors.
unguarded('the policy is enforced: an inline script, an inline handler and eval are refused', async ({ page }) => {
  await recordViolations(page);
  // A same-origin script (allowed) that tries eval: DevTools' own evaluate is exempt from the
  // policy, so the attempt must come from a real page script.
  await page.route('**/__csp-probe.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: 'try { eval("1"); window.__evalRan = true; } catch { window.__evalRan = false; } window.__probeDone = true;',
    }),
  );
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /RKE2 CNI Wizard/ })).toBeVisible();
  await page.evaluate(() => {
    const probe = document.createElement('script');
    probe.src = '/__csp-probe.js';
    document.body.appendChild(probe);
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(inline);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__handlerRan = true;');
    document.body.appendChild(button);
    button.click();
  });
  await page.waitForFunction(() => (window as unknown as { __probeDone?: boolean }).__probeDone === true);
  const ran = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { evalRan: w.__evalRan, inlineRan: w.__inlineRan === true, handlerRan: w.__handlerRan === true };
  });
  expect(ran).toEqual({ evalRan: false, inlineRan: false, handlerRan: false });
  await expect
    // The meta tag and the preview server's header (issue 11) are two policies: each reports its own violation.
    .poll(async () => [...new Set((await violations(page)).map((v) => v.directive))].sort())
    .toEqual(['script-src', 'script-src-attr', 'script-src-elem']);
});

test('the whole journey runs under the policy with zero violations: wizard, zip download, compare, a CNI page, import', async ({
  wizard,
  page,
}) => {
  test.setTimeout(120_000);
  const consoleCsp = await recordViolations(page);
  const answers = SCENARIOS.sriovTelco.answers;

  await wizard.open();
  await wizard.answerAll(answers);
  await wizard.expectStep('review');
  await expect(wizard.downloadZipButton).toBeVisible();

  // The zip leaves through an <a href="blob:..." download> click: a navigation, not a fetch.
  const [download] = await Promise.all([page.waitForEvent('download'), wizard.downloadZipButton.click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const entries = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(entries).some((name) => name.endsWith('/answers.yaml'))).toBe(true);
  expect(Object.keys(entries).some((name) => name.endsWith('/config.yaml'))).toBe(true);

  expect(await violations(page), 'wizard and download').toEqual([]);

  // In-app navigation (no reload): the recorded violations carry on across the routes.
  await page.getByRole('banner').getByRole('link', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare CNIs for RKE2' })).toBeVisible();
  await page.getByRole('table').first().getByRole('link', { name: 'Cilium', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cilium' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Known pitfalls' })).toBeVisible();

  expect(await violations(page), 'compare and CNI page').toEqual([]);

  await page.goto('/');
  await expect(wizard.stepHeading).toBeVisible();
  await wizard.waitUntilLive();
  await page.getByLabel('Import an answers.yaml or a bundle zip').setInputFiles({
    name: 'answers.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(answersToYaml(SCENARIOS.ciliumKubeProxyFree.answers)),
  });
  await expect(page.getByText('Answers imported.')).toBeVisible();
  await wizard.goToStep('review');
  await expect(wizard.downloadZipButton).toBeVisible();

  expect(await violations(page), 'import').toEqual([]);
  expect(consoleCsp).toEqual([]);
});
