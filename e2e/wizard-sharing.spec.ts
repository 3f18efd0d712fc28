import { test, expect } from './fixtures';
import { SCENARIOS, answersWith } from '../src/test/scenarios';
import { answersToYaml } from '../src/domain/answers/answers-text';
import { generateBundle } from '../src/domain/generators';
import { zipBundle } from '../src/lib/zip';
import { defaultAnswers } from '../src/domain/answers/defaults';
import { encodeAnswersParam } from '../src/lib/url-state';
import { ANSWERS_STORAGE_KEY } from '../src/lib/answers-storage';

const telco = SCENARIOS.sriovTelco.answers;

test('a copied link opened in a fresh browser shows the same answers', async ({ wizard, page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await wizard.open();
  await wizard.answerAll(telco);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?a=[A-Za-z0-9_-]+&step=review$/);

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    const errors: string[] = [];
    other.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await other.goto(link);
    const { WizardPage } = await import('./pages/wizard-page');
    const second = new WizardPage(other);
    await second.expectAnswers(telco);
    await expect(second.headline).toHaveAttribute('data-recommended', 'canal');
    expect(errors).toEqual([]);
  } finally {
    await fresh.close();
  }
});

test('a reload keeps the answers (URL and localStorage)', async ({ wizard, page }) => {
  const answers = answersWith({
    cluster: { size: 'large' },
    security: { policy: 'l7' },
    nodes: { interface: 'ens192', underlayMtu: 9000 },
  });
  await wizard.open();
  await wizard.answerAll(answers);
  await expect
    .poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', ANSWERS_STORAGE_KEY))
    .toContain('"ens192"');
  await page.reload();
  await wizard.expectAnswers(answers);
  // Without the link, the saved answers come back too.
  await page.goto('/');
  await wizard.expectAnswers(answers, ['cluster', 'nodes', 'security']);
});

test("importing a bundle's answers.yaml restores the answers", async ({ wizard, page }) => {
  await wizard.open();
  await page
    .getByLabel('Import an answers.yaml or a bundle zip')
    .setInputFiles({ name: 'answers.yaml', mimeType: 'application/yaml', buffer: Buffer.from(answersToYaml(telco)) });
  await expect(page.getByText('Answers imported.')).toBeVisible();
  await wizard.expectAnswers(telco);
});

test('importing a whole bundle zip restores its answers', async ({ wizard, page }) => {
  const answers = SCENARIOS.bgpPeering.answers;
  const bundle = generateBundle(answers);
  if (!bundle.ok) throw new Error('bgpPeering must produce a bundle');
  await wizard.open();
  await page.getByLabel('Import an answers.yaml or a bundle zip').setInputFiles({
    name: `${bundle.name}.zip`,
    mimeType: 'application/zip',
    buffer: Buffer.from(zipBundle(bundle.files, bundle.name)),
  });
  await expect(page.getByText('Answers imported.')).toBeVisible();
  await wizard.expectAnswers(answers, ['performance']);
  await expect(wizard.headline).toHaveAttribute('data-recommended', 'calico');
});

test('an import with invalid parts keeps the valid ones and lists what it dropped', async ({ wizard, page }) => {
  await wizard.open();
  const yaml = 'cluster:\n  size: large\naddressing:\n  clusterCidrV4: 10.42.0.0/33\nnodes:\n  underlayMtu: 100\n';
  await page
    .getByLabel('Import an answers.yaml or a bundle zip')
    .setInputFiles({ name: 'answers.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml) });
  const dropped = page.getByTestId('dropped-answers');
  await expect(dropped).toBeVisible();
  await expect(dropped.locator('li[data-field="addressing.clusterCidrV4"]')).toBeVisible();
  await expect(dropped.locator('li[data-field="nodes.underlayMtu"]')).toBeVisible();
  expect(await wizard.shownValue('cluster.size')).toBe('large');
  await wizard.goToStep('addressing');
  expect(await wizard.shownValue('addressing.clusterCidrV4')).toBe('10.42.0.0/16');
});

test('an import that is not answers says so and changes nothing', async ({ wizard, page }) => {
  await wizard.open();
  await page.getByLabel('Import an answers.yaml or a bundle zip').setInputFiles({
    name: 'notes.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from('PK\u0003\u0004 this is not a zip'),
  });
  await expect(page.getByRole('alert').filter({ hasText: /not a readable zip|holds no answers\.yaml/ })).toBeVisible();
  await page
    .getByLabel('Import an answers.yaml or a bundle zip')
    .setInputFiles({ name: 'answers.yaml', mimeType: 'application/yaml', buffer: Buffer.from('a: [unclosed') });
  await expect(
    page
      .getByTestId('dropped-answers')
      .or(page.getByRole('alert').filter({ hasText: /YAML|yaml/ }))
      .first(),
  ).toBeVisible();
  await expect(wizard.stepHeading).toBeVisible();
});

test('a link with invalid parts keeps the valid ones, marks what it dropped, never a blank page', async ({
  wizard,
  page,
}) => {
  const patch = { cluster: { size: 'large' }, addressing: { serviceCidrV4: 'not-a-cidr' }, nosuch: { field: 1 } };
  await page.goto(`/?a=${encodeAnswersParam(patch, defaultAnswers())}`);
  const dropped = page.getByTestId('dropped-answers');
  await expect(dropped).toBeVisible();
  await expect(dropped.locator('li[data-field="addressing.serviceCidrV4"]')).toBeVisible();
  expect(await wizard.shownValue('cluster.size')).toBe('large');

  for (const garbage of ['%%%', 'AAAA', '_w', 'x'.repeat(12000)]) {
    await page.goto(`/?a=${garbage}`);
    await expect(wizard.stepHeading).toBeVisible();
    await expect(page.getByTestId('dropped-answers')).toBeVisible();
  }
});

test('"Start over" asks first, then resets to RKE2\'s defaults', async ({ wizard, page }) => {
  await wizard.open(SCENARIOS.l7Policy.answers);
  await page.getByRole('button', { name: 'Start over' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start over?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(wizard.headline).toHaveAttribute('data-recommended', 'cilium');
  await page.getByRole('button', { name: 'Start over' }).click();
  await dialog.getByRole('button', { name: 'Yes, start over' }).click();
  await expect(wizard.headline).toHaveAttribute('data-recommended', 'canal');
  await wizard.expectAnswers(defaultAnswers(), ['cluster', 'security']);
  expect(new URL(page.url()).searchParams.get('a')).not.toBe(
    encodeAnswersParam(SCENARIOS.l7Policy.answers, defaultAnswers()),
  );
});
