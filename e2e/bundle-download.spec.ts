import { readFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import { test, expect } from './fixtures';
import { SCENARIOS } from '../src/test/scenarios';
import { generateBundle } from '../src/domain/generators';
import type { Answers } from '../src/domain/answers/types';

function expectedBundle(answers: Answers) {
  const result = generateBundle(answers);
  if (!result.ok) throw new Error('scenario must produce a bundle');
  return result;
}

for (const name of ['stockCluster', 'sriovTelco', 'ciliumKubeProxyFree'] as const) {
  test(`the downloaded zip holds exactly what src/domain builds (${name})`, async ({ wizard, page }) => {
    const answers = SCENARIOS[name].answers;
    const expected = expectedBundle(answers);
    await wizard.open(answers);
    await wizard.goToStep('review');
    await expect(wizard.downloadZipButton).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent('download'), wizard.downloadZipButton.click()]);
    expect(download.suggestedFilename()).toBe(`${expected.name}.zip`);
    const entries = unzipSync(new Uint8Array(await readFile(await download.path())));
    const got = Object.fromEntries(Object.entries(entries).map(([path, bytes]) => [path, strFromU8(bytes)]));
    const want = Object.fromEntries(expected.files.map((f) => [`${expected.name}/${f.path}`, f.contents]));
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const [path, contents] of Object.entries(want)) expect(got[path], path).toBe(contents);

    // The preview shows the same bytes, file by file; one file downloads on its own too.
    for (const file of expected.files) {
      await wizard.showFile(file.path).click();
      await expect(wizard.filePreview).toHaveAttribute('aria-label', `Contents of ${file.path}`);
      expect(await wizard.filePreview.textContent(), file.path).toBe(file.contents);
    }
    const last = expected.files[expected.files.length - 1]!;
    const [single] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${last.path}` }).click(),
    ]);
    expect(await readFile(await single.path(), 'utf8')).toBe(last.contents);
  });
}

test('a file can be copied from the preview', async ({ wizard, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const answers = SCENARIOS.stockCluster.answers;
  const expected = expectedBundle(answers);
  await wizard.open(answers);
  await wizard.goToStep('review');
  const first = expected.files[0]!;
  await page.getByRole('button', { name: `Copy ${first.path}` }).click();
  await expect(page.getByText(`Copied ${first.path}.`)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first.contents);
});
