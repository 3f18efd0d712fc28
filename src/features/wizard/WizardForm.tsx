import { useEffect, useRef, type ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { Box, Typography } from '@mui/material';
import { Button } from '../../ui/Button';
import type { Answers } from '../../domain/answers/types';
import { STEPS, type AnswerPath } from './steps';
import { StepFields } from './StepFields';
import { applicability } from './applicability';

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
}

/** The stepped form. Validation runs per step on Next; the heading takes focus on each step. */
export function WizardForm({ step, onStepChange, review, focusField, onFocused }: WizardFormProps) {
  const { trigger, getValues, setFocus, getFieldState } = useFormContext<Answers>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const current = STEPS[step]!;
  const shownStep = useRef(step);
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

  async function goTo(target: number) {
    if (target === step) return;
    if (target > step) {
      // Moving forward: every step on the way must be valid.
      for (let i = step; i < target; i += 1) {
        if (!(await validateStep(i))) {
          if (i !== step) onStepChange(i);
          return;
        }
      }
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
      {/* An ordered list of step buttons: the current one is marked with aria-current. */}
      <Box component="nav" aria-label="Wizard steps" sx={{ mb: 2 }}>
        <Box component="ol" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', m: 0, p: 0 }}>
          {STEPS.map((s, i) => (
            <li key={s.id}>
              <Button
                size="small"
                variant={i === step ? 'contained' : 'text'}
                onClick={() => void goTo(i)}
                aria-current={i === step ? 'step' : undefined}
                sx={{ minWidth: 0, textTransform: 'none' }}
              >
                <Box
                  component="span"
                  aria-hidden="true"
                  sx={{
                    mr: 0.75,
                    display: 'inline-flex',
                    width: 22,
                    height: 22,
                    borderRadius: '50%',
                    border: 1,
                    alignItems: 'center',
                    justifyContent: 'center',
                    fontSize: '0.75rem',
                  }}
                >
                  {i + 1}
                </Box>
                <Box component="span" className={i === step ? undefined : 'step-label-collapsible'}>
                  {s.label}
                </Box>
              </Button>
            </li>
          ))}
        </Box>
      </Box>
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
