import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { Box, Typography } from '@mui/material';
import { Button } from '../../ui/Button';
import type { Answers } from '../../domain/answers/types';
import { STEPS, type AnswerPath } from './steps';
import { StepFields } from './StepFields';
import { applicability } from './applicability';
import { StepNav } from './StepNav';
import { firstErrorBefore, stepErrors } from './step-status';
import { questionFor } from './questions';
import { Notice } from '../../ui/Notice';

export const APP_TITLE = 'RKE2 CNI Wizard';

export function stepTitle(index: number): string {
  const step = STEPS[index]!;
  return `Step ${index + 1} of ${STEPS.length}: ${step.label}`;
}

export interface WizardFormProps {
  step: number;
  onStepChange: (step: number) => void;
  /** Extra content of the review step (the bundle view). */
  review?: ReactNode;
  /** A field to focus once its step is shown (from the panel's "change this" buttons). */
  focusField?: string | null;
  onFocused?: () => void;
  /** Opens the step of a field and focuses it. */
  onGoToField?: (field: string) => void;
}

/** The stepped form. Validation runs per step on Next; the heading takes focus on each step. */
export function WizardForm({ step, onStepChange, review, focusField, onFocused, onGoToField }: WizardFormProps) {
  const { trigger, getValues, setFocus, getFieldState } = useFormContext<Answers>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const current = STEPS[step]!;
  const shownStep = useRef(step);
  // The furthest step reached: steps before it without errors show as done.
  const [reached, setReached] = useState(step);
  if (step > reached) setReached(step);
  const [blocked, setBlocked] = useState<{ index: number; target: number; fields: AnswerPath[] } | null>(null);
  const focusFieldRef = useRef(focusField);
  useEffect(() => {
    focusFieldRef.current = focusField;
  }, [focusField]);

  useEffect(() => {
    document.title = `${stepTitle(step)} · ${APP_TITLE}`;
    // Focus the heading only when the step really changed, and not when a field is about to take focus.
    if (shownStep.current === step) return;
    shownStep.current = step;
    if (!focusFieldRef.current) headingRef.current?.focus();
  }, [step]);

  useEffect(() => {
    if (!focusField) return;
    // Wait a frame so the step's inputs are mounted and registered.
    const id = requestAnimationFrame(() => {
      try {
        setFocus(focusField as AnswerPath);
      } catch {
        /* not a field of the form */
      }
      // A question that is hidden right now cannot take focus: land on the step heading instead.
      if (!headingRef.current?.closest('form')?.contains(document.activeElement)) headingRef.current?.focus();
      onFocused?.();
    });
    return () => cancelAnimationFrame(id);
  }, [focusField, setFocus, onFocused, step]);

  /** Validates the step's applicable fields; on failure focuses the first invalid one. */
  async function validateStep(index: number): Promise<boolean> {
    const values = getValues();
    const fields = STEPS[index]!.fields.filter((f) => applicability(f, values, null).kind === 'shown');
    const valid = await trigger(fields);
    if (!valid) {
      const first = fields.find((f) => getFieldState(f).error);
      if (first) setFocus(first);
    }
    return valid;
  }

  /**
   * Moves to a step. Forward, every step on the way must be valid: Next shows the errors of this step
   * at their fields; a step chip also says where the error is instead of jumping silently.
   */
  async function goTo(target: number, fromChip = false) {
    if (target === step) return;
    setBlocked(null);
    if (target > step) {
      const errors = stepErrors(getValues());
      const stop = firstErrorBefore(step, target, errors);
      if (stop === step) await validateStep(step);
      if (stop >= 0) {
        if (fromChip) setBlocked({ index: stop, target, fields: errors[stop]! });
        else if (stop !== step) onStepChange(stop);
        return;
      }
      // The parser agrees; let the form check the step too (it shows messages at the fields).
      if (!(await validateStep(step))) return;
    }
    onStepChange(target);
  }

  return (
    <Box
      component="form"
      noValidate
      aria-labelledby="step-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void goTo(Math.min(step + 1, STEPS.length - 1));
      }}
    >
      <StepNav step={step} reached={reached} onSelect={(i) => void goTo(i, true)} />
      {blocked ? (
        <Notice
          severity="error"
          role="alert"
          title={`Step ${blocked.index + 1}, “${STEPS[blocked.index]!.label}”, has an error`}
          onClose={() => setBlocked(null)}
          data-testid="step-blocked"
        >
          Fix {blocked.fields.map((f) => questionFor(f).label).join(', ')} before going on to step {blocked.target + 1},
          “{STEPS[blocked.target]!.label}”.{' '}
          {blocked.fields.map((f) => (
            <Button
              key={f}
              size="small"
              variant="outlined"
              color="inherit"
              onClick={() => {
                setBlocked(null);
                if (onGoToField) onGoToField(f);
                else onStepChange(blocked.index);
              }}
            >
              Go to {questionFor(f).label}
            </Button>
          ))}
        </Notice>
      ) : null}
      <Typography
        id="step-heading"
        variant="h5"
        component="h2"
        tabIndex={-1}
        ref={headingRef}
        sx={{ outline: 'none', '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' } }}
      >
        {stepTitle(step)}
      </Typography>
      <StepFields stepId={current.id} />
      {current.id === 'review' ? review : null}
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 3, gap: 2 }}>
        <Button variant="outlined" disabled={step === 0} onClick={() => void goTo(step - 1)}>
          Back
        </Button>
        {step < STEPS.length - 1 ? (
          <Button variant="contained" type="submit">
            Next
          </Button>
        ) : null}
      </Box>
    </Box>
  );
}
