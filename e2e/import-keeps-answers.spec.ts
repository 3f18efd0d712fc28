import { strToU8, zipSync } from 'fflate';
import { test, expect } from './fixtures';
import { SCENARIOS } from '../src/test/scenarios';
import { answersToYaml } from '../src/domain/answers/answers-text';
import { ANSWERS_STORAGE_KEY } from '../src/lib/answers-storage';

/**
 * Issue 11, section 1: an import never wipes the current answers. A file that cannot be read as
 * answers at all ends in "Import failed" with the answers, the address and the saved answers as they
 * were; an import that changes answers can be undone in one click, and Back returns to the answers
 * before it.
 */

const l7 = SCENARIOS.l7Policy.answers;
const telco = SCENARIOS.sriovTelco.answers;

/** Files that hold no answers at all: each must leave the current answers alone. */
const UNREADABLE: { name: string; bytes: Uint8Array }[] = [
  { name: 'syntax.yaml', bytes: strToU8('cluster: {size: large\n') },
  { name: 'empty.yaml', bytes: new Uint8Array(0) },
  { name: 'alias.yaml', bytes: strToU8('base: &b { size: large }\ncluster: *b\n') },
  { name: 'two-docs.yaml', bytes: strToU8('cluster: {size: large}\n---\ncluster: {size: small}\n') },
  { name: 'nul.yaml', bytes: strToU8('cluster:\n  size: large\u0000\n') },
  { name: 'list.yaml', bytes: strToU8('- cluster\n- nodes\n') },
  { name: 'scalar.yaml', bytes: strToU8('just some text\n') },
  { name: 'list-in-zip.zip', bytes: zipSync({ 'b/answers.yaml': strToU8('[1, 2, 3]\n') }) },
];

test('a file that cannot be read as answers fails the import and changes nothing', async ({ wizard, page }) => {
  await wizard.open(l7);
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), ANSWERS_STORAGE_KEY)).not.toBeNull();
  const url = page.url();
  const saved = await page.evaluate((k) => localStorage.getItem(k), ANSWERS_STORAGE_KEY);
  const historyLength = await page.evaluate(() => history.length);
  const failed = page.getByRole('alert').filter({ hasText: 'Import failed' });
  for (const file of UNREADABLE) {
    await page
      .getByLabel('Import an answers.yaml or a bundle zip')
      .setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) });
    await expect(failed, file.name).toBeVisible();
    await expect(failed, file.name).toContainText(file.name);
    await expect(page.getByTestId('dropped-answers'), file.name).toBeHidden();
    await expect(page.getByText('Answers imported.'), file.name).toBeHidden();
    await failed.getByRole('button', { name: 'Dismiss' }).click();
    await expect(failed).toBeHidden();
  }
  // Wait past the save delay: nothing was written behind the notice either.
  await page.waitForTimeout(500);
  expect(page.url()).toBe(url);
  expect(await page.evaluate((k) => localStorage.getItem(k), ANSWERS_STORAGE_KEY)).toBe(saved);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  await wizard.expectAnswers(l7, ['cluster', 'security']);
});

test('an import can be undone in one click, and Back returns to the answers before it', async ({ wizard, page }) => {
  await wizard.open(l7);
  // The answers in the address (the step the user is on is kept beside them, in its own parameter).
  const answersInUrl = () => new URL(page.url()).searchParams.get('a');
  const before = answersInUrl();
  const importInput = page.getByLabel('Import an answers.yaml or a bundle zip');
  const undo = page.getByRole('button', { name: 'Undo import' });

  await importInput.setInputFiles({
    name: 'answers.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(answersToYaml(telco)),
  });
  await expect(page.getByText('Answers imported.')).toBeVisible();
  await wizard.expectAnswers(telco, ['cluster']);
  expect(answersInUrl()).not.toBe(before);

  // Undo: the answers, the address and the saved answers are those from before the import.
  await undo.click();
  await expect(page.getByRole('status').filter({ hasText: 'Import undone' })).toBeVisible();
  await expect(undo).toBeHidden();
  await wizard.expectAnswers(l7, ['cluster', 'security']);
  expect(answersInUrl()).toBe(before);

  // Import again, then the browser's Back button: the previous answers come back.
  await importInput.setInputFiles({
    name: 'answers.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(answersToYaml(telco)),
  });
  await expect(page.getByText('Answers imported.')).toBeVisible();
  await wizard.expectAnswers(telco, ['cluster']);
  await page.goBack();
  expect(answersInUrl()).toBe(before);
  await wizard.expectAnswers(l7, ['cluster', 'security']);
  await page.goForward();
  await wizard.expectAnswers(telco, ['cluster']);
});

test('the undo lasts until the next change', async ({ wizard, page }) => {
  await wizard.open(l7);
  await page
    .getByLabel('Import an answers.yaml or a bundle zip')
    .setInputFiles({ name: 'answers.yaml', mimeType: 'application/yaml', buffer: Buffer.from(answersToYaml(telco)) });
  const undo = page.getByRole('button', { name: 'Undo import' });
  await expect(undo).toBeVisible();
  await wizard.setAnswer('cluster.size', 'small');
  await expect(undo).toBeHidden();
});

test('an import runs in a worker and can be cancelled, leaving the answers as they were', async ({ wizard, page }) => {
  // Hold the worker's script until the import is cancelled: the import is surely in flight.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let workerRequested = false;
  await page.route(/\/assets\/import-worker-[^/]*\.js$/, async (route) => {
    workerRequested = true;
    await held;
    await route.continue().catch(() => {});
  });
  await wizard.open(l7);
  const before = page.url();
  await page
    .getByLabel('Import an answers.yaml or a bundle zip')
    .setInputFiles({ name: 'answers.yaml', mimeType: 'application/yaml', buffer: Buffer.from(answersToYaml(telco)) });
  await expect(page.getByRole('status').filter({ hasText: 'Reading answers.yaml' })).toBeVisible();
  await expect.poll(() => workerRequested, { message: 'the file is read in a Web Worker' }).toBe(true);
  await page.getByRole('button', { name: 'Cancel import' }).click();
  release();
  await expect(page.getByRole('status').filter({ hasText: 'Import cancelled' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import answers' })).toBeEnabled();
  await expect(page.getByText('Answers imported.')).toBeHidden();
  expect(page.url()).toBe(before);
  await wizard.expectAnswers(l7, ['cluster', 'security']);
});
