import type { Answers } from '../../domain/answers/types';
import type { CandidateStatus, Decision, Reason } from '../../domain/engine/types';

/**
 * The engine's verdict on the saved answers, with its explain(): passed in rather than imported, so the
 * comparison page loads the engine only when there are answers to judge (issue 15, /compare's bytes).
 */
export interface Judged {
  decision: Decision;
  explain: (reason: Reason) => string;
}
import {
  FEATURES,
  LEVEL_LABELS,
  answerFitOptions,
  featureRow,
  featuresNeeded,
  fitColumns,
  type FeatureId,
  type Matrix,
  type MatrixColumn,
  type MatrixColumnKey,
} from '../../domain/matrix';
import type { Source } from '../../domain/sources';
import type { ComparisonState } from './comparison-url';

/**
 * What the comparison table shows for a state: pure, so it is tested in Node and the component
 * only renders it.
 */
export interface Because {
  text: string;
  source: Source;
}

export interface ColumnView {
  column: MatrixColumn;
  /** The engine's status for primary CNIs when wizard answers are known. */
  status: CandidateStatus | null;
  recommended: boolean;
  /** Why the engine rules this CNI out for the answers. */
  excludedBecause: Because[];
  /** Why the current filters hide the column (empty when shown). */
  hiddenBecause: Because[];
}

export interface ComparisonView {
  /** Shown columns, sorted. */
  shown: ColumnView[];
  /** Columns the filters removed, each with its reasons. */
  hidden: ColumnView[];
  /** Features the filters need (from the checkboxes and, with "fit", the answers). */
  needed: FeatureId[];
}

const SUPPORT_FEATURES = FEATURES.filter((f) => f.kind === 'support').map((f) => f.id);

function score(matrix: Matrix, col: MatrixColumnKey, features: readonly FeatureId[]): number {
  return features.reduce((sum, f) => {
    const level = matrix.cells[f][col].level;
    return sum + (level === 'yes' ? 2 : level === 'partial' ? 1 : 0);
  }, 0);
}

export function buildComparisonView(
  matrix: Matrix,
  state: ComparisonState,
  answers: Answers | null,
  judged: Judged | null,
): ComparisonView {
  const decision = judged?.decision ?? null;
  const fitAnswers = state.fit && answers !== null;
  const needed = [...new Set<FeatureId>([...state.features, ...(fitAnswers ? featuresNeeded(answers) : [])])];
  const fits = fitColumns(matrix, needed, fitAnswers ? answerFitOptions(answers) : {});

  const views: ColumnView[] = matrix.columns
    .filter((c) => state.cni.length === 0 || state.cni.includes(c.id))
    .map((column) => {
      const candidate = decision?.candidates.find((c) => c.cni === column.id) ?? null;
      const excludedBecause = (candidate?.reasons ?? [])
        .filter((r) => r.effect === 'excludes')
        .map((r) => ({ text: judged!.explain(r), source: r.source }));
      const fit = fits.find((f) => f.column === column.id)!;
      const hiddenBecause: Because[] = fit.blockers.map((b) => ({
        text:
          b.feature === null
            ? `Not offered: ${b.note}`
            : `${featureRow(b.feature).label}: ${LEVEL_LABELS[b.level]}. ${b.note}`,
        source: b.source,
      }));
      // A CNI this release does not bundle (flannel before its gate) has nothing to compare.
      if (
        column.kind !== 'comparison-only' &&
        !column.offered &&
        column.notOffered &&
        !hiddenBecause.some((h) => h.text.startsWith('Not offered'))
      ) {
        hiddenBecause.unshift({ text: `Not offered: ${column.notOffered.reason}`, source: column.notOffered.source });
      }
      if (fitAnswers && candidate?.status === 'unavailable') {
        for (const e of excludedBecause) if (!hiddenBecause.some((h) => h.text === e.text)) hiddenBecause.push(e);
      }
      return {
        column,
        status: candidate?.status ?? null,
        recommended: decision?.recommended === column.id,
        excludedBecause,
        hiddenBecause,
      };
    });

  const order = matrix.columns.map((c) => c.id);
  const ranked = needed.length ? needed : SUPPORT_FEATURES;
  const sorted = [...views].sort((a, b) => {
    if (state.sort === 'name') return a.column.label.localeCompare(b.column.label);
    if (state.sort === 'support') {
      const d = score(matrix, b.column.id, ranked) - score(matrix, a.column.id, ranked);
      if (d !== 0) return d;
    }
    return order.indexOf(a.column.id) - order.indexOf(b.column.id);
  });

  return {
    shown: sorted.filter((v) => v.hiddenBecause.length === 0),
    hidden: sorted.filter((v) => v.hiddenBecause.length > 0),
    needed,
  };
}
