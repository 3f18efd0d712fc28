import { test, expect } from './fixtures';
import { MAX_PARAM_LENGTH } from '../src/lib/url-state';

/**
 * Issue 11, section 5: the embedded server (`npm start`, `vite preview`, which these tests run)
 * sends the same security headers as the README's nginx sample, and serves links up to the app's
 * own 16,384-character `?a=` limit (it answered 431 above about 15.5 K).
 */

test('the preview server sends the security headers, for the page and for its assets', async ({ request }) => {
  const response = await request.get('/');
  expect(response.status()).toBe(200);
  const html = await response.text();
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset, 'the page names a script').toBeDefined();
  for (const path of ['/', '/compare', '/cni/cilium', asset!]) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    const headers = r.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], path).toContain("script-src 'self'");
    expect(headers['content-security-policy'], path).toContain("default-src 'self'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
  }
});

test(`a link with a ${MAX_PARAM_LENGTH}-character ?a= loads its answers`, async ({ page, wizard }) => {
  // base64url of 12,288 bytes of JSON is exactly 16,384 characters.
  const head = '{"cluster":{"size":"large"},"padding":"';
  const json = `${head}${'x'.repeat((MAX_PARAM_LENGTH / 4) * 3 - head.length - 2)}"}`;
  const param = Buffer.from(json).toString('base64url');
  expect(param.length).toBe(MAX_PARAM_LENGTH);
  const response = await page.goto(`/?a=${param}`);
  expect(response?.status()).toBe(200);
  await expect(wizard.stepHeading).toBeVisible();
  // The prerendered defaults until the link's answers are applied, right after hydration.
  await expect.poll(() => wizard.shownValue('cluster.size')).toBe('large');
  // The unknown "padding" key is listed as not kept, the rest is.
  await expect(page.getByTestId('dropped-answers')).toContainText('padding');
});
