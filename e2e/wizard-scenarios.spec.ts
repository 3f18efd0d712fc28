import { test, expect } from './fixtures';
import { SCENARIOS, SCENARIO_NAMES, type Scenario } from '../src/test/scenarios';
import { evaluate } from '../src/domain/engine';

/**
 * One journey per named scenario: answer every step through the form, then check the panel
 * against the scenario's expectations (message ids, statuses) on the review step.
 */
for (const name of SCENARIO_NAMES) {
  const scenario: Scenario = SCENARIOS[name];
  // Invalid answers cannot be entered (the field refuses them: see the bad-input spec), and
  // Windows + dual-stack cannot be chosen in step order (see wizard-conflict.spec.ts).
  const skip = scenario.invalidInput === true || name === 'windowsDualStackConflict';
  test(`scenario ${name}: ${scenario.description}`, async ({ wizard }) => {
    test.skip(skip, 'entered differently: see the bad-input and conflict specs');
    const { expect: want } = scenario;
    await wizard.open();
    await wizard.answerAll(scenario.answers);
    await wizard.expectStep('review');

    const decision = evaluate(scenario.answers);
    if (want.recommended !== undefined)
      await expect(wizard.headline).toHaveAttribute('data-recommended', want.recommended ?? '');
    if (want.chosen !== undefined) await expect(wizard.headline).toHaveAttribute('data-chosen', want.chosen ?? '');
    for (const cni of want.unavailable ?? []) {
      await expect(wizard.candidateRow(cni)).toHaveAttribute('data-status', 'unavailable');
    }
    for (const [cni, ids] of Object.entries(want.reasons ?? {})) {
      for (const id of ids)
        await expect(wizard.candidateRow(cni).locator(`li[data-message-id="${id}"]`).first()).toBeVisible();
    }
    const severities = [
      ['blocking', want.blockingMessageIds],
      ['warning', want.warningMessageIds],
      ['note', want.noteMessageIds],
    ] as const;
    for (const [severity, ids] of severities) {
      if (ids === undefined) continue;
      if (ids.length === 0) await expect(wizard.findings(severity)).toHaveCount(0);
      for (const id of ids)
        await expect(
          wizard
            .findings(severity)
            .and(wizard.page.locator(`[data-message-id="${id}"]`))
            .first(),
        ).toBeVisible();
    }
    // Warnings and conflicts are announced.
    for (const f of [...decision.blocking, ...decision.warnings]) {
      await expect(
        wizard.panel
          .getByRole('alert')
          .and(wizard.page.locator(`[data-message-id="${f.messageId}"]`))
          .first(),
      ).toBeVisible();
    }
    if (want.multus) await expect(wizard.panel.getByText(/Multus is added first/)).toBeVisible();
    // Every reason links to its source.
    const reasonLinks = wizard.panel.locator('li[data-message-id] a[href^="https://"]');
    expect(await reasonLinks.count()).toBeGreaterThan(0);
  });
}
