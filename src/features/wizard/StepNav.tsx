import { memo, useDeferredValue } from 'react';
import { useWatch } from 'react-hook-form';
import { Box } from '@mui/material';
import { Button } from '../../ui/Button';
import type { Answers } from '../../domain/answers/types';
import { STEPS } from './steps';
import { stepErrors, stepStatus, type StepStatus } from './step-status';

const STATUS_WORDS: Readonly<Record<StepStatus, string>> = {
  current: 'Current step',
  error: 'Has an error',
  done: 'Done',
  todo: 'Not visited yet',
};
const MARK: Readonly<Record<Exclude<StepStatus, 'current' | 'todo'>, string>> = { error: '!', done: '✓' };

/**
 * The step chips: done, current and "has an error" (never colour alone: a mark and a description).
 * Watches the answers itself, so the form does not re-render on each keystroke.
 */
export const StepNav = memo(function StepNav({
  step,
  reached,
  onSelect,
}: {
  step: number;
  reached: number;
  onSelect: (index: number) => void;
}) {
  const values = useDeferredValue(useWatch<Answers>());
  const errors = stepErrors(values);
  return (
    <Box component="nav" aria-label="Wizard steps" sx={{ mb: 2 }}>
      <Box component="ol" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', m: 0, p: 0 }}>
        {STEPS.map((s, i) => {
          const status = stepStatus(i, step, reached, errors);
          const mark = status === 'error' || status === 'done' ? MARK[status] : String(i + 1);
          return (
            <li key={s.id} data-step={s.id} data-status={status}>
              <Button
                size="small"
                variant={i === step ? 'contained' : 'text'}
                onClick={() => onSelect(i)}
                aria-current={i === step ? 'step' : undefined}
                aria-describedby={`step-status-${s.id}`}
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
                    border: status === 'error' ? 2 : 1,
                    alignItems: 'center',
                    justifyContent: 'center',
                    fontSize: '0.75rem',
                    fontWeight: status === 'error' ? 700 : undefined,
                    ...(status === 'error'
                      ? { bgcolor: 'error.main', color: 'error.contrastText', borderColor: 'error.main' }
                      : {}),
                  }}
                >
                  {mark}
                </Box>
                <Box component="span" className={i === step ? undefined : 'step-label-collapsible'}>
                  {s.label}
                </Box>
                <Box component="span" id={`step-status-${s.id}`} hidden>
                  {i === step && status === 'error'
                    ? `${STATUS_WORDS.current}; ${STATUS_WORDS.error}`
                    : STATUS_WORDS[status]}
                </Box>
              </Button>
            </li>
          );
        })}
      </Box>
    </Box>
  );
});
