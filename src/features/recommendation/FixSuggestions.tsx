import { memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { Box, Typography } from '@mui/material';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import type { Answers } from '../../domain/answers/types';
import type { Decision } from '../../domain/engine/types';
import type { Fix, FixChange, suggestFixes } from '../../domain/engine/fixes';

export interface FixSuggestionsProps {
  /** The valid answers the decision was made from. */
  answers: Answers;
  decision: Decision;
}

interface Applied {
  fix: Fix;
  /** What the fix replaced, to undo it. */
  undo: FixChange[];
}

/**
 * The smallest changes that unblock the decision (issue 12 §2): one button each, applied through the wizard form so
 * every answer stays consistent; the panel's verdict then updates like after any other answer.
 */
export const FixSuggestions = memo(function FixSuggestions({ answers, decision }: FixSuggestionsProps) {
  const { setValue } = useFormContext<Answers>();
  const headingId = useId();
  const [applied, setApplied] = useState<Applied | null>(null);
  // The search only runs while something blocks; the evaluation (and so these props) is shared per answer set.
  // Its code loads the first time something blocks: the default answers block nothing, so the wizard's
  // first visit does not fetch it (issue 15, first-visit budget).
  const blocking = decision.blocking.length > 0;
  const [search, setSearch] = useState<{ suggestFixes: typeof suggestFixes } | null>(null);
  useEffect(() => {
    if (blocking && !search) void import('../../domain/engine/fixes').then((m) => setSearch(m));
  }, [blocking, search]);
  const fixes = useMemo(
    () => (blocking && search ? search.suggestFixes(answers, decision) : []),
    [blocking, search, answers, decision],
  );

  const set = useCallback(
    (changes: readonly FixChange[], to: (c: FixChange) => FixChange['to']) => {
      for (const c of changes)
        setValue(c.field as never, to(c) as never, { shouldValidate: true, shouldDirty: true, shouldTouch: true });
    },
    [setValue],
  );
  const apply = useCallback(
    (fix: Fix) => {
      set(fix.changes, (c) => c.to);
      setApplied({ fix, undo: fix.changes });
    },
    [set],
  );
  const undo = useCallback(() => {
    if (!applied) return;
    set(applied.undo, (c) => c.from);
    setApplied(null);
  }, [applied, set]);

  return (
    <>
      {applied ? (
        <Notice severity="success" role="status" onClose={() => setApplied(null)} title="Change applied">
          {applied.fix.title}. Result: {applied.fix.result.text}.{' '}
          <Button size="small" variant="outlined" onClick={undo}>
            Undo this change
          </Button>
        </Notice>
      ) : null}
      {fixes.length > 0 ? (
        <Box component="section" aria-labelledby={headingId} data-testid="fix-suggestions" sx={{ mb: 2 }}>
          <Typography id={headingId} variant="subtitle1" component="h3">
            Smallest changes that make it work
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Each one was checked against the same rules; the smallest change comes first.
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
            {fixes.map((fix) => (
              <FixItem key={fix.id} fix={fix} onApply={apply} />
            ))}
          </Box>
        </Box>
      ) : null}
    </>
  );
});

function FixItem({ fix, onApply }: { fix: Fix; onApply: (fix: Fix) => void }) {
  const resultId = useId();
  return (
    <li data-fix={fix.id}>
      <Button
        size="small"
        variant="outlined"
        aria-describedby={resultId}
        onClick={() => onApply(fix)}
        sx={{ textAlign: 'left', justifyContent: 'flex-start', textTransform: 'none' }}
      >
        {fix.title}
      </Button>
      <Typography id={resultId} variant="body2" sx={{ mt: 0.5 }}>
        Result: {fix.result.text}.{fix.detail ? ` ${fix.detail}` : ''}
      </Typography>
    </li>
  );
}
