import { memo, useDeferredValue, useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Box, Typography } from '@mui/material';
import { Button } from '../../ui/Button';
import type { Answers, ForcedCniChoice } from '../../domain/answers/types';
import { ANSWER_PATHS, readPath, type AnswerPath } from '../../domain/answers/answers-schema';
import { defaultAnswers } from '../../domain/answers/defaults';
import { CNI_DISPLAY_NAMES, type PrimaryCni } from '../../domain/facts/cni-names';
import type { Candidate, CandidateStatus, Finding, Reason } from '../../domain/engine/types';
import { explain } from '../../domain/engine/explain';
import { evaluateCached, type Evaluation } from '../../lib/evaluate-cached';
import { SourceLink } from '../../ui/SourceLink';
import { TextBadge } from '../../ui/Badge';
import { Notice } from '../../ui/Notice';
import { FixSuggestions } from './FixSuggestions';
import { KnownIssues } from './KnownIssues';

export const CNI_LABEL: Readonly<Record<PrimaryCni, string>> = CNI_DISPLAY_NAMES;

const STATUS_LABEL: Readonly<Record<CandidateStatus, string>> = {
  recommended: 'Recommended',
  suitable: 'Suitable',
  discouraged: 'Discouraged',
  unavailable: 'Not possible',
};
const STATUS_COLOR: Readonly<Record<CandidateStatus, 'success' | 'info' | 'warning' | 'error'>> = {
  recommended: 'success',
  suitable: 'info',
  discouraged: 'warning',
  unavailable: 'error',
};
const EFFECT_LABEL: Readonly<Record<Reason['effect'], string>> = {
  excludes: 'Rules it out',
  discourages: 'Against',
  favours: 'For',
  info: 'Note',
};

export interface RecommendationPanelProps {
  /** Sends the user to the question a blocking conflict is about. */
  onGoToField: (field: string) => void;
  /** Sets choice.forcedCni ("auto" goes back to the recommendation). */
  onChoose: (choice: ForcedCniChoice) => void;
  /** Label of the question behind a field path, for "Change …" buttons. */
  fieldLabel: (field: string) => string;
  /**
   * The answers the panel already showed before it went live (the prerendered page's, DeferredPanel.tsx):
   * "after your last answer" compares with them. Omitted, the first answers it renders.
   */
  since?: Answers;
}

const TABLE_SX = {
  width: '100%',
  borderCollapse: 'collapse',
  fontSize: '0.875rem',
  '& caption': { captionSide: 'top', textAlign: 'left', py: 0.5, fontWeight: 600 },
  '& th, & td': { borderBottom: 1, borderColor: 'divider', p: 1, textAlign: 'left', verticalAlign: 'top' },
  '& thead th': { fontWeight: 600 },
  '& tbody th': { fontWeight: 600, width: '9rem' },
  '& ul': { m: 0, pl: 2 },
  '& li': { mb: 0.5 },
  '& .in-bundle': { display: 'block', fontWeight: 400, fontSize: '0.8rem' },
  '& .status': { display: 'block', mt: 0.5 },
  '& .override': { mt: 0.5 },
} as const;

function IrreversibleBadge() {
  return <TextBadge tone="warning">Cannot be changed later</TextBadge>;
}

const FindingAlert = memo(
  function FindingAlert({
    finding,
    severity,
    onGoToField,
    fieldLabel,
  }: {
    finding: Finding;
    severity: 'error' | 'warning' | 'info';
    onGoToField: (f: string) => void;
    fieldLabel: (f: string) => string;
  }) {
    const title = severity === 'error' ? 'Blocking conflict' : severity === 'warning' ? 'Warning' : 'Note';
    return (
      <Notice
        severity={severity}
        title={
          <>
            {title}
            {finding.irreversible ? <IrreversibleBadge /> : null}
          </>
        }
        role={severity === 'info' ? 'note' : 'alert'}
        data-message-id={finding.messageId}
        data-rule-id={finding.ruleId}
        data-severity={finding.severity}
      >
        {explain(finding)} <SourceLink source={finding.source}>Source</SourceLink>
        {severity === 'error' && finding.fields.length > 0 ? (
          <Box sx={{ mt: 1, display: 'flex', flexWrap: 'wrap', gap: 1 }}>
            {finding.fields.map((f) => (
              <Button key={f} size="small" variant="outlined" color="inherit" onClick={() => onGoToField(f)}>
                Change: {fieldLabel(f)}
              </Button>
            ))}
          </Box>
        ) : null}
      </Notice>
    );
  },
  (a, b) =>
    JSON.stringify(a.finding) === JSON.stringify(b.finding) &&
    a.severity === b.severity &&
    a.onGoToField === b.onGoToField &&
    a.fieldLabel === b.fieldLabel,
);

function ReasonItem({ reason }: { reason: Reason }) {
  return (
    <li data-message-id={reason.messageId} data-rule-id={reason.ruleId} data-effect={reason.effect}>
      <strong>{EFFECT_LABEL[reason.effect]}:</strong> {explain(reason)}{' '}
      <SourceLink source={reason.source}>Source</SourceLink>
    </li>
  );
}

interface CandidateRowProps {
  candidate: Candidate;
  rowKey: string;
  chosen: PrimaryCni | null;
  recommended: PrimaryCni | null;
  onChoose: (c: ForcedCniChoice) => void;
}

/** Re-rendered only when its own content changes (rowKey), not on every answer change. */
const CandidateRow = memo(
  function CandidateRow({ candidate, chosen, recommended, onChoose }: CandidateRowProps) {
    const name = CNI_LABEL[candidate.cni];
    const canForce = candidate.cni !== chosen && candidate.status !== 'unavailable';
    return (
      <tr data-cni={candidate.cni} data-status={candidate.status}>
        <th scope="row">
          {name}
          {candidate.cni === chosen ? <span className="in-bundle">(in the bundle)</span> : null}
          <span className="status">
            <TextBadge tone={STATUS_COLOR[candidate.status]}>{STATUS_LABEL[candidate.status]}</TextBadge>
          </span>
        </th>
        <td>
          {candidate.reasons.length > 0 ? (
            <ul>
              {candidate.reasons.map((r, i) => (
                <ReasonItem key={`${r.ruleId}-${r.messageId}-${i}`} reason={r} />
              ))}
            </ul>
          ) : (
            <Typography variant="body2">No specific reason.</Typography>
          )}
          {canForce ? (
            <Button
              size="small"
              className="override"
              onClick={() => onChoose(candidate.cni === recommended ? 'auto' : candidate.cni)}
            >
              {candidate.cni === recommended ? `Use ${name} (the recommendation)` : `Use ${name} anyway`}
            </Button>
          ) : null}
        </td>
      </tr>
    );
  },
  (a, b) =>
    a.rowKey === b.rowKey && a.chosen === b.chosen && a.recommended === b.recommended && a.onChoose === b.onChoose,
);

/** The answer fields whose values differ between two answer sets, in question order. */
function changedFields(before: Answers, after: Answers): AnswerPath[] {
  return ANSWER_PATHS.filter((p) => JSON.stringify(readPath(before, p)) !== JSON.stringify(readPath(after, p)));
}

const DEFAULT_ANSWERS = defaultAnswers();

interface LastChange {
  fields: readonly AnswerPath[];
  from: PrimaryCni | null;
  to: PrimaryCni | null;
}

/** What the last answer changed: the fields it moved and the pick before and after. */
function useLastChange(evaluation: Evaluation, since: Answers | undefined): LastChange | null {
  const chosen = evaluation.decision.chosen;
  const [track, setTrack] = useState<{
    key: string;
    answers: Answers;
    chosen: PrimaryCni | null;
    change: LastChange | null;
  }>(() => {
    const first = since ? evaluateCached(since) : evaluation;
    return { key: first.key, answers: first.answers, chosen: first.decision.chosen, change: null };
  });
  if (track.key !== evaluation.key) {
    const fields = changedFields(track.answers, evaluation.answers);
    // Typing an answer that is not valid yet changes nothing evaluated: the last change still stands.
    const change = fields.length > 0 ? { fields, from: track.chosen, to: chosen } : track.change;
    setTrack({ key: evaluation.key, answers: evaluation.answers, chosen, change });
  }
  return track.change;
}

function pickName(cni: PrimaryCni | null): string {
  return cni ? CNI_LABEL[cni] : 'no CNI';
}

/** Findings that say the same thing (the same rule and message, or the same words) are shown once. */
function mergeIdentical(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const text = explain(f);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/** The verdict in one line, for the panel and for the narrow screens' sticky summary. */
function verdictText(decision: Evaluation['decision']): string {
  const chosen = decision.chosen;
  if (!chosen) return 'No CNI can be recommended yet';
  return decision.overridden ? `You chose ${CNI_LABEL[chosen]}` : `Use ${CNI_LABEL[chosen]}`;
}

/**
 * The live recommendation. It reads the answers with useWatch, so only this panel re-renders on a
 * change, and the evaluation is shared (and computed once) through evaluateCached.
 * Marks: "answers-changed" is set by the form on each change; "panel-updated" after this commits.
 */
export const RecommendationPanel = memo(function RecommendationPanel(props: RecommendationPanelProps) {
  const values = useWatch<Answers>();
  const deferred = useDeferredValue(values);
  // The urgent re-render (old deferred values) returns the same cached evaluation, so PanelContent skips it.
  return <PanelContent {...props} evaluation={evaluateCached(deferred)} />;
});

/**
 * Narrow screens: a bar that stays at the bottom of the screen with the verdict, and opens the panel
 * (which sits below the questions there). Hidden from md up, where the panel is beside the form.
 */
export const RecommendationSummary = memo(function RecommendationSummary({
  onOpen,
  panelInView = false,
}: {
  onOpen: () => void;
  /** The panel itself is on screen: the bar would only repeat it and cover what lies under it. */
  panelInView?: boolean;
}) {
  const values = useWatch<Answers>();
  const deferred = useDeferredValue(values);
  const { decision, errors } = evaluateCached(deferred);
  return (
    <Box
      component="section"
      aria-label="Recommendation summary"
      sx={{
        display: { xs: 'flex', md: 'none' },
        // Hidden but kept in the flow, so nothing moves when it comes back.
        visibility: panelInView ? 'hidden' : 'visible',
        position: 'sticky',
        bottom: 0,
        zIndex: 2,
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 1,
        mx: -2,
        px: 2,
        py: 1,
        borderTop: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        boxShadow: 3,
      }}
    >
      <Box sx={{ minWidth: 0 }}>
        <Typography component="p" sx={{ fontWeight: 600 }} data-chosen={decision.chosen ?? ''}>
          {verdictText(decision)}
        </Typography>
        {errors.length > 0 ? (
          <Typography component="p" variant="body2">
            {errors.length === 1 ? 'One answer is not valid yet' : `${errors.length} answers are not valid yet`}
          </Typography>
        ) : null}
      </Box>
      <Button size="small" variant="outlined" onClick={onOpen}>
        Open the recommendation
      </Button>
    </Box>
  );
});

const PanelContent = memo(function PanelContent({
  onGoToField,
  onChoose,
  fieldLabel,
  evaluation,
  since,
}: RecommendationPanelProps & { evaluation: Evaluation }) {
  const { key, decision, errors } = evaluation;
  const lastChange = useLastChange(evaluation, since);

  useEffect(() => {
    performance.mark('panel-updated');
  }, [key]);

  const chosen = decision.chosen;
  const consequences =
    decision.overridden && chosen
      ? (decision.candidates
          .find((c) => c.cni === chosen)
          ?.reasons.filter((r) => r.effect === 'excludes' || r.effect === 'discourages') ?? [])
      : [];
  const untouched = errors.length === 0 && changedFields(DEFAULT_ANSWERS, evaluation.answers).length === 0;
  // One entry per question, in the order the parser found them; whole-input errors have no question.
  const invalid = errors.filter((e, i) => e.field !== '' && errors.findIndex((o) => o.field === e.field) === i);
  const warnings = mergeIdentical(decision.warnings);
  const notes = mergeIdentical(decision.notes);

  return (
    <Box component="section" aria-labelledby="recommendation-heading" data-testid="recommendation-panel">
      <Typography
        id="recommendation-heading"
        variant="h5"
        component="h2"
        gutterBottom
        tabIndex={-1}
        sx={{ outline: 'none' }}
      >
        Recommendation
      </Typography>
      <Box aria-live="polite" sx={{ mb: 2 }}>
        <Typography variant="h6" component="p" data-recommended={decision.recommended ?? ''} data-chosen={chosen ?? ''}>
          {verdictText(decision)}
          {chosen ? <IrreversibleBadge /> : null}
        </Typography>
        {untouched ? (
          <Typography variant="body2" data-testid="defaults-basis">
            Based on RKE2&apos;s defaults so far: nothing is answered yet. Each answer refines the pick.
          </Typography>
        ) : null}
        {lastChange ? (
          <Typography variant="body2" data-testid="last-change">
            After your last answer ({lastChange.fields.map((f) => fieldLabel(f)).join(', ')}):{' '}
            {lastChange.from === lastChange.to
              ? `still ${pickName(lastChange.to)}.`
              : `changed from ${pickName(lastChange.from)} to ${pickName(lastChange.to)}.`}
          </Typography>
        ) : null}
        {decision.overridden && decision.recommended ? (
          <Typography variant="body2">
            The recommendation is {CNI_LABEL[decision.recommended]}.{' '}
            <Button size="small" onClick={() => onChoose('auto')}>
              Back to the recommendation
            </Button>
          </Typography>
        ) : null}
      </Box>
      {invalid.length > 0 ? (
        <Box component="section" aria-labelledby="invalid-answers-heading" sx={{ mb: 2 }} data-testid="invalid-answers">
          <Typography id="invalid-answers-heading" variant="body2" component="h3" sx={{ fontWeight: 600 }}>
            {invalid.length === 1 ? 'One answer is not valid yet' : `${invalid.length} answers are not valid yet`}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {invalid.map((e) => (
              <li key={e.field}>
                <Button
                  size="small"
                  onClick={() => onGoToField(e.field)}
                  sx={{ textTransform: 'none', p: 0, minWidth: 0 }}
                >
                  {fieldLabel(e.field)}
                </Button>
              </li>
            ))}
          </Box>
          <Typography variant="body2">
            The recommendation uses your last valid answer for {invalid.length === 1 ? 'it' : 'them'} meanwhile.
          </Typography>
        </Box>
      ) : null}

      {decision.blocking.map((f, i) => (
        <FindingAlert
          key={`b-${f.ruleId}-${f.messageId}-${i}`}
          finding={f}
          severity="error"
          onGoToField={onGoToField}
          fieldLabel={fieldLabel}
        />
      ))}
      <FixSuggestions answers={evaluation.answers} decision={decision} />

      {consequences.length > 0 && chosen ? (
        <Box component="section" aria-labelledby="consequences-heading" sx={{ mb: 2 }}>
          <Typography id="consequences-heading" variant="subtitle1" component="h3">
            What using {CNI_LABEL[chosen]} means
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {consequences.map((r, i) => (
              <ReasonItem key={`c-${r.ruleId}-${r.messageId}-${i}`} reason={r} />
            ))}
          </Box>
        </Box>
      ) : null}

      <KnownIssues decision={decision} answers={evaluation.answers} />
      <Box component="section" aria-labelledby="others-heading" sx={{ mt: 2 }}>
        <Typography id="others-heading" variant="subtitle1" component="h3">
          Why not the others
        </Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <Box component="table" sx={TABLE_SX}>
            <caption>Every candidate, with its status and the reasons for it</caption>
            <thead>
              <tr>
                <th scope="col">CNI and status</th>
                <th scope="col">Reasons</th>
              </tr>
            </thead>
            <tbody>
              {decision.candidates.map((c) => (
                <CandidateRow
                  key={c.cni}
                  candidate={c}
                  rowKey={JSON.stringify(c)}
                  chosen={chosen}
                  recommended={decision.recommended}
                  onChoose={onChoose}
                />
              ))}
            </tbody>
          </Box>
        </Box>
      </Box>

      {warnings.length + notes.length > 0 || decision.multus ? (
        <Box component="section" aria-labelledby="notes-heading" sx={{ mt: 2 }}>
          <Typography id="notes-heading" variant="subtitle1" component="h3">
            Notes
          </Typography>
          {warnings.map((f, i) => (
            <FindingAlert
              key={`w-${f.ruleId}-${f.messageId}-${i}`}
              finding={f}
              severity="warning"
              onGoToField={onGoToField}
              fieldLabel={fieldLabel}
            />
          ))}
          {notes.map((f, i) => (
            <FindingAlert
              key={`n-${f.ruleId}-${f.messageId}-${i}`}
              finding={f}
              severity="info"
              onGoToField={onGoToField}
              fieldLabel={fieldLabel}
            />
          ))}
          {decision.multus ? (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Multus is added first in the <code>cni</code> list for the extra interfaces.
            </Typography>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
});
