import { zipSync, strToU8 } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ANSWERS_STORAGE_KEY } from '../src/lib/answers-storage';
import { SCENARIOS } from '../src/test/scenarios';
import { overlappingZip, sharedStreamZip } from '../src/test/zips/raw-zip';

/**
 * Hostile input through the real UI, on the production build: links, saved answers and imported
 * files. The page never goes blank, says what it dropped or why the import failed, runs no
 * injected markup, and (the fixtures' guard) logs no console error or uncaught exception.
 */

const b64url = (text: string | Uint8Array) => Buffer.from(text).toString('base64url');
const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function laughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    lines.push(
      `${name}: &${name} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  }
  return lines.join('\n');
}

async function expectAliveAndNoInjection(page: Page) {
  await expect(page.getByRole('heading', { level: 2, name: /^Step \d+ of \d+:/ })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
});

const HOSTILE_LINKS: Record<string, string> = {
  notBase64: '%3Cscript%3E',
  notJson: b64url('{cluster: yes'),
  notUtf8: b64url(new Uint8Array([0xff, 0xfe, 0xc0, 0xaf])),
  array: b64url('[1,2,3]'),
  wrongTypes: b64url(JSON.stringify({ cluster: [1], nodes: 'x', addressing: { clusterCidrV4: { a: 1 } } })),
  markupInValues: b64url(
    JSON.stringify({ cluster: { size: XSS, release: XSS }, nodes: { interface: XSS }, [XSS]: XSS }),
  ),
  proto: b64url('{"__proto__":{"polluted":1},"cluster":{"size":"galaxy"}}'),
  deep: b64url('{"cluster":'.repeat(500) + '{}' + '}'.repeat(500)),
  tooLong: 'A'.repeat(20_000),
};

for (const [name, param] of Object.entries(HOSTILE_LINKS)) {
  test(`a hostile link (${name}) shows the wizard and what was dropped`, async ({ page }) => {
    await page.goto(`/?a=${param}`);
    await expectAliveAndNoInjection(page);
    await expect(page.getByTestId('dropped-answers')).toBeVisible();
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  });
}

const HOSTILE_SAVED: Record<string, string> = {
  notJson: '{cluster: yes',
  nullValue: 'null',
  array: '[]',
  wrongTypes: JSON.stringify({ cluster: 'x', nodes: [1], security: { policy: 42 } }),
  markupInValues: JSON.stringify({ cluster: { size: XSS }, nodes: { interface: XSS } }),
  deep: '['.repeat(5_000) + ']'.repeat(5_000),
  tooLarge: JSON.stringify({ cluster: { release: 'v'.repeat(70_000) } }),
};

for (const [name, value] of Object.entries(HOSTILE_SAVED)) {
  test(`hostile saved answers (${name}) show the wizard and say they were ignored`, async ({ page }) => {
    await page.goto('/');
    // Once the app is live it has saved its own answers; only then plant the hostile ones over them.
    await expect(page.locator('html[data-live]')).toBeAttached();
    await page.evaluate(([key, v]) => localStorage.setItem(key!, v!), [ANSWERS_STORAGE_KEY, value]);
    // Not a reload: the app has written the answers into the address bar, and a link wins over storage.
    await page.goto('/');
    await expectAliveAndNoInjection(page);
    await expect(page.getByTestId('dropped-answers')).toBeVisible();
  });
}

const HOSTILE_FILES: { name: string; bytes: Uint8Array }[] = [
  { name: 'laughs.yaml', bytes: strToU8(laughs()) },
  { name: 'deep.yaml', bytes: strToU8('['.repeat(50_000)) },
  { name: 'tags.yaml', bytes: strToU8('cluster: !!js/function "function () { window.__pwned = 1 }"\n') },
  { name: 'markup.yaml', bytes: strToU8(`cluster:\n  size: '${XSS}'\n'${XSS}': 1\n`) },
  { name: 'latin1.yaml', bytes: new Uint8Array([0x63, 0x6c, 0x75, 0x73, 0x74, 0x65, 0x72, 0x3a, 0x20, 0xe9, 0x0a]) },
  { name: 'binary.yaml', bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]) },
  {
    name: 'truncated.zip',
    bytes: zipSync({ 'b/answers.yaml': strToU8('cluster:\n  size: large\n'.repeat(50)) }).slice(0, 60),
  },
  { name: 'bomb.zip', bytes: zipSync({ 'b/answers.yaml': new Uint8Array(16 * 1024 * 1024).fill(0x20) }) },
  { name: 'huge.yaml', bytes: new Uint8Array(6 * 1024 * 1024).fill(0x61) },
  // Issue 11's red-team shapes: 1,000 entries sharing one 8 MiB stream (froze the tab for 55 s), overlapping entries.
  { name: 'shared-stream.zip', bytes: sharedStreamZip(1000, 8 * 1024 * 1024) },
  { name: 'overlapping.zip', bytes: overlappingZip() },
];

test('hostile files through "Import answers": a clear message each time, the wizard stays', async ({
  page,
  wizard,
}) => {
  await wizard.open(SCENARIOS.l7Policy.answers);
  const input = page.getByLabel('Import an answers.yaml or a bundle zip');
  const failed = page.getByRole('alert').filter({ hasText: 'Import failed' });
  const dropped = page.getByTestId('dropped-answers');
  for (const file of HOSTILE_FILES) {
    const before = page.url();
    await input.setInputFiles({
      name: file.name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(file.bytes),
    });
    await expect(failed.or(dropped).first(), file.name).toBeVisible();
    await expectAliveAndNoInjection(page);
    // A failed import leaves the answers as they were (issue 11): the address still holds them.
    if (await failed.isVisible()) {
      await page.waitForTimeout(300);
      expect(page.url(), file.name).toBe(before);
      expect(await wizard.shownValue('cluster.release'), file.name).toBe(SCENARIOS.l7Policy.answers.cluster.release);
    }
    // Close what this file showed, so the next file's message is its own.
    for (const alert of [failed, dropped]) {
      if (await alert.isVisible()) await alert.getByRole('button', { name: 'Dismiss' }).click();
      await expect(alert).toBeHidden();
    }
  }
});
