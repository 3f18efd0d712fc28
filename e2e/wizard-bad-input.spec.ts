import { test, expect } from './fixtures';
import { BAD_INPUT_CATALOGUE, badInputAnswers } from '../src/test/bad-input-catalogue';
import { parseAnswers } from '../src/domain/answers/parse-answers';
import { defaultAnswers } from '../src/domain/answers/defaults';
import type { Answers } from '../src/domain/answers/types';
import { mergeOntoDefaults } from '../src/lib/url-state';
import { STEPS } from '../src/features/wizard/steps';
import { labelOf } from './pages/wizard-page';

/** The setup answers of an entry (without the bad value), as a valid answer set. */
function setupAnswers(setup: Record<string, string | boolean> | undefined): Answers {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(setup ?? {})) {
    const keys = path.split('.');
    let node = root;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
  }
  const parsed = parseAnswers(mergeOntoDefaults(defaultAnswers(), root));
  if (!parsed.ok) throw new Error('catalogue setup must be valid');
  return parsed.answers;
}

/** The message parseAnswers gives for the entry: the form must show exactly this at the field. */
function expectedMessage(entry: (typeof BAD_INPUT_CATALOGUE)[number]): string {
  const parsed = parseAnswers(mergeOntoDefaults(defaultAnswers(), badInputAnswers(entry)));
  if (parsed.ok) throw new Error(`${entry.field}=${entry.value} should be rejected`);
  const error = parsed.errors.find((e) => e.field === entry.field);
  if (!error) throw new Error(`no error at ${entry.field}`);
  expect(error.messageId).toBe(entry.messageId);
  return error.message;
}

for (const entry of BAD_INPUT_CATALOGUE) {
  const typed = entry.kind === 'text' || entry.kind === 'integer';
  test(`bad input (${typed ? 'typed' : 'in a link'}): ${entry.why} → ${entry.messageId}`, async ({ wizard, page }) => {
    const message = expectedMessage(entry);
    const step = STEPS.find((s) => (s.fields as readonly string[]).includes(entry.field))!;
    if (!typed) {
      // Choices cannot be mistyped in the form; a link can carry anything.
      const { encodeAnswersParam } = await import('../src/lib/url-state');
      await page.goto(
        `/?a=${encodeAnswersParam(mergeOntoDefaults(defaultAnswers(), badInputAnswers(entry)), defaultAnswers())}`,
      );
      const dropped = page.getByTestId('dropped-answers');
      await expect(dropped.locator(`li[data-field="${entry.field}"]`)).toContainText(message);
      await expect(wizard.stepHeading).toBeVisible();
      return;
    }
    // The form asks these only when they apply: the API endpoint with kube-proxy replacement, BGP
    // details once BGP is on (which needs a peer to be valid before the bad value is typed).
    const setup: Record<string, string | boolean> = { ...entry.setup };
    if (entry.field.startsWith('performance.apiServer')) setup['performance.kubeProxyReplacement'] = true;
    if (setup['performance.bgp.enabled'] === true) setup['performance.bgp.peerAddress'] = '192.0.2.1';
    await wizard.open(setupAnswers(setup));
    await wizard.goToStep(step.id);
    const control = wizard.control(entry.field);
    await control.fill(entry.value);
    await wizard.expectFieldError(entry.field, message);
    // Next is blocked and focus moves to the first invalid question.
    await wizard.nextButton.click();
    await wizard.expectStep(step.id);
    const firstInvalid = page.locator('[aria-invalid="true"]').first();
    await expect(firstInvalid).toBeFocused();
    // The panel keeps working on the last valid answers; nothing crashed.
    await expect(wizard.headline).toBeVisible();
    expect(labelOf(entry.field).length).toBeGreaterThan(0);
  });
}
