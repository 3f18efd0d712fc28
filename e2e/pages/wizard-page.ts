import { expect, type Locator, type Page } from '@playwright/test';
import { ANSWER_FIELDS, readPath, type AnswerPath } from '../../src/domain/answers/answers-schema';
import { defaultAnswers } from '../../src/domain/answers/defaults';
import type { Answers } from '../../src/domain/answers/types';
import { QUESTIONS, questionFor } from '../../src/features/wizard/questions';
import { STEPS, type StepId } from '../../src/features/wizard/steps';
import { applicability } from '../../src/features/wizard/applicability';
import { encodeAnswersParam } from '../../src/lib/url-state';

export type ControlKind = 'text' | 'radio' | 'select' | 'switch';

const SELECTS = new Set<AnswerPath>(['nodes.osPreset', 'choice.forcedCni']);

/** How the wizard asks a question, from the answers schema (the same data the form is built from). */
export function controlKind(path: AnswerPath): ControlKind {
  const kind = ANSWER_FIELDS[path].kind;
  if (kind === 'boolean') return 'switch';
  if (kind === 'enum') return SELECTS.has(path) ? 'select' : 'radio';
  return 'text';
}

export function labelOf(path: AnswerPath): string {
  if (!QUESTIONS[path]) throw new Error(`no question for ${path}`);
  return questionFor(path).label;
}

function optionLabel(path: AnswerPath, value: string): string {
  const option = QUESTIONS[path]?.options?.find((o) => o.value === value);
  if (!option) throw new Error(`no option ${value} for ${path}`);
  return option.label;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The wizard, driven the way a user does it: by role and label. */
export class WizardPage {
  constructor(readonly page: Page) {}

  /** Opens the wizard, optionally with answers in the link (as a shared link would). */
  async open(answers?: Answers) {
    const url = answers ? `/?a=${encodeAnswersParam(answers, defaultAnswers())}` : '/';
    await this.page.goto(url);
    await expect(this.stepHeading).toBeVisible();
    await this.waitUntilLive();
  }

  /**
   * The prerendered wizard is on screen before React hydrates it (issue 15), showing the defaults until
   * then: a value read or a step clicked before the page is live would see or act on that HTML.
   */
  async waitUntilLive() {
    await expect(this.page.locator('html[data-live]')).toBeAttached();
  }

  get stepHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /^Step \d+ of \d+:/ });
  }

  get steps(): Locator {
    return this.page.getByRole('navigation', { name: 'Wizard steps' });
  }

  stepButton(id: StepId): Locator {
    const step = STEPS.find((s) => s.id === id)!;
    return this.steps.getByRole('button', { name: step.label, exact: true });
  }

  get nextButton(): Locator {
    return this.page.getByRole('button', { name: 'Next', exact: true });
  }

  get backButton(): Locator {
    return this.page.getByRole('button', { name: 'Back', exact: true });
  }

  async expectStep(id: StepId) {
    const index = STEPS.findIndex((s) => s.id === id);
    await expect(this.stepHeading).toHaveText(`Step ${index + 1} of ${STEPS.length}: ${STEPS[index]!.label}`);
  }

  async goToStep(id: StepId) {
    await this.waitUntilLive();
    await this.stepButton(id).click();
    await this.expectStep(id);
  }

  async next(to: StepId) {
    await this.nextButton.click();
    await this.expectStep(to);
  }

  /** The control of a question: a text box, a radio group, a select or a switch. */
  control(path: AnswerPath): Locator {
    const label = labelOf(path);
    switch (controlKind(path)) {
      case 'radio':
        return this.page.getByRole('radiogroup', { name: label, exact: true });
      case 'switch':
        return this.page
          .getByRole('switch', { name: label, exact: true })
          .or(this.page.getByRole('checkbox', { name: label, exact: true }));
      case 'select':
        return this.page.getByRole('combobox', { name: label, exact: true });
      // The release box suggests releases (a datalist), which makes it a combobox.
      case 'text':
        return this.page.getByRole(path === 'cluster.release' ? 'combobox' : 'textbox', { name: label, exact: true });
    }
  }

  async setAnswer(path: AnswerPath, value: unknown) {
    const control = this.control(path);
    switch (controlKind(path)) {
      case 'radio':
        await control.getByRole('radio', { name: optionLabel(path, String(value)), exact: true }).check();
        break;
      case 'switch':
        await control.setChecked(value === true);
        break;
      case 'select':
        await control.selectOption(String(value));
        break;
      case 'text':
        await control.fill(String(value));
        break;
    }
  }

  /** The value shown by a question, as text (what a user reads back). */
  async shownValue(path: AnswerPath): Promise<string> {
    await this.waitUntilLive();
    const control = this.control(path);
    switch (controlKind(path)) {
      case 'radio': {
        const options = QUESTIONS[path]!.options!;
        for (const o of options) {
          if (await control.getByRole('radio', { name: o.label, exact: true }).isChecked()) return o.value;
        }
        return '';
      }
      case 'switch':
        return String(await control.isChecked());
      case 'select':
      case 'text':
        return control.inputValue();
    }
  }

  /** Answers every step through the form (only what differs from RKE2's defaults), pressing Next each time. */
  async answerAll(answers: Answers) {
    const defaults = defaultAnswers();
    for (const [index, step] of STEPS.entries()) {
      await this.expectStep(step.id);
      for (const path of step.fields as readonly AnswerPath[]) {
        if (applicability(path, answers, null).kind === 'hidden') continue;
        const target = readPath(answers, path);
        // The kernel follows the OS preset in the form, so compare it with what is shown.
        const current = path === 'nodes.kernel' ? await this.shownValue(path) : readPath(defaults, path);
        if (String(target) === String(current)) continue;
        await this.setAnswer(path, target);
      }
      if (index < STEPS.length - 1) await this.next(STEPS[index + 1]!.id);
    }
  }

  /** Every answer of a step shows the expected value. */
  async expectAnswers(answers: Answers, stepIds: StepId[] = STEPS.map((s) => s.id)) {
    for (const id of stepIds) {
      await this.goToStep(id);
      const step = STEPS.find((s) => s.id === id)!;
      for (const path of step.fields as readonly AnswerPath[]) {
        if (applicability(path, answers, null).kind === 'hidden') continue;
        // Polled: a prerendered page shows the link's or saved answers in the render after hydration.
        await expect.poll(() => this.shownValue(path), { message: path }).toBe(String(readPath(answers, path)));
      }
    }
  }

  /** The error message shown at a question. */
  async expectFieldError(path: AnswerPath, message: string) {
    const control = this.control(path);
    await expect(control).toHaveAttribute('aria-invalid', 'true');
    await expect(control).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  }

  // Recommendation panel
  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Recommendation', exact: true });
  }

  get headline(): Locator {
    return this.panel.locator('[data-recommended]');
  }

  candidateRow(cni: string): Locator {
    return this.panel.getByRole('row').and(this.panel.locator(`[data-cni="${cni}"]`));
  }

  findings(severity: 'blocking' | 'warning' | 'note'): Locator {
    return this.panel.locator(`[data-severity="${severity}"]`);
  }

  // Bundle view (review step)
  get bundle(): Locator {
    return this.page.getByRole('region', { name: /^Bundle/ });
  }

  get downloadZipButton(): Locator {
    return this.page.getByRole('button', { name: 'Download the bundle (.zip)' });
  }

  get filePreview(): Locator {
    return this.page.getByTestId('file-preview');
  }

  showFile(path: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Files in the bundle' })
      .getByRole('button', { name: `Show ${path}`, exact: true });
  }
}
