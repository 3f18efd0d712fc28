import type { Answers } from '../../domain/answers/types';
import { defaultAnswers } from '../../domain/answers/defaults';
import type { FindingSeverity } from '../../domain/engine/types';
import { PRIMARY_CNIS, type PrimaryCni } from '../../domain/facts/cni-names';
import { answersNeeding, featureFields, featureRow, type FeatureId, type Matrix } from '../../domain/matrix';
import type { Source } from '../../domain/sources';
import type { ComparisonView } from './comparison-model';

/**
 * The engine's evaluate() and explain(), passed in rather than imported: the comparison page loads the
 * engine only once something asks for caveats or there are saved answers (issue 15, /compare's bytes).
 */
export type CaveatEngine = Pick<typeof import('../../domain/engine'), 'evaluate' | 'explain'>;

/**
 * The comparison's answer, stated first: how many of the selected CNIs meet what was asked, which, and the
 * caveats the engine knows for that combination. Caveats are the wizard's own findings and reasons (evaluate()
 * on answers that need those features, once per CNI that meets them), never restated here. Pure: tested in Node.
 */
export interface Caveat {
  /** The CNI it is about (its column label), or null when it holds for the combination whatever the CNI. */
  cni: string | null;
  severity: FindingSeverity;
  text: string;
  source: Source;
}

export interface ComparisonAnswer {
  headline: string;
  /** Labels of the CNIs that meet everything asked, in the table's order. */
  meeting: string[];
  /** Add-ons shown only because the features asked are not theirs to meet (they run beside a primary CNI). */
  besides: string[];
  caveats: Caveat[];
  /** True while features are asked for but the engine that finds their caveats is not loaded yet. */
  caveatsPending: boolean;
}

const FORCING_ARTEFACTS = new Set(['forced-choice', 'no-cni-fits']);
const isPrimary = (id: string): id is PrimaryCni => (PRIMARY_CNIS as readonly string[]).includes(id);
const touches = (fields: readonly string[] | undefined, wanted: readonly string[]) =>
  (fields ?? []).some((f) => wanted.includes(f));

/** "A", "A and B", "A, B and C" */
function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * @param base the answers the features are added to: the wizard's when the view fits them, else RKE2's defaults.
 * @param engine null while it loads: the headline is complete, the caveats come with the engine.
 */
export function comparisonAnswer(
  matrix: Matrix,
  view: ComparisonView,
  base: Answers | null,
  fitsAnswers: boolean,
  engine: CaveatEngine | null,
): ComparisonAnswer {
  const release = matrix.release.requested.text;
  const total = view.shown.length + view.hidden.length;
  const needs: FeatureId[] = view.needed;
  // An add-on is neutral on its primary's features: it is shown, but it does not meet them itself.
  const neutral = (v: ComparisonView['shown'][number]) =>
    v.column.kind === 'addon' && needs.every((f) => matrix.cells[f][v.column.id].level === 'not-applicable');
  const meeting = view.shown.filter((v) => !neutral(v)).map((v) => v.column.label);
  const besides = needs.length ? view.shown.filter(neutral).map((v) => v.column.label) : [];
  const what = [
    needs.length ? needs.map((f) => featureRow(f).label).join(' + ') : null,
    fitsAnswers ? 'your wizard answers' : null,
  ]
    .filter(Boolean)
    .join(', with ');
  const noun = total === 1 ? 'CNI' : 'CNIs';
  let headline: string;
  if (!what) headline = `${total} ${noun} compared at ${release}: check the features you need to see which meet them.`;
  else if (meeting.length === 0) headline = `None of ${total} ${noun} meets ${what} at ${release}.`;
  else
    headline = `${meeting.length} of ${total} ${noun} ${meeting.length === 1 ? 'meets' : 'meet'} ${what} at ${release}: ${listText(meeting)}.`;
  if (besides.length) headline += ` ${listText(besides)} ${besides.length === 1 ? 'runs' : 'run'} beside them.`;

  const caveats: Caveat[] = [];
  const fields = featureFields(needs);
  const caveatsPending = fields.length > 0 && engine === null;
  if (fields.length && engine) {
    const { evaluate, explain } = engine;
    const answers = answersNeeding(needs, base ?? defaultAnswers());
    answers.cluster.release = release;
    const seen = new Set<string>();
    const add = (c: Caveat) => {
      const key = `${c.cni ?? ''}|${c.text}`;
      if (seen.has(key)) return;
      seen.add(key);
      caveats.push(c);
    };
    for (const v of view.shown) {
      const cni = v.column.id;
      if (!isPrimary(cni)) continue;
      const decision = evaluate({ ...answers, choice: { forcedCni: cni } });
      for (const f of [...decision.blocking, ...decision.warnings]) {
        // Findings about the forced choice itself are an artefact of asking per CNI.
        if (!touches(f.fields, fields) || FORCING_ARTEFACTS.has(f.ruleId)) continue;
        const about = f.appliesTo ? v.column.label : null;
        add({ cni: about, severity: f.severity, text: explain(f), source: f.source });
      }
      const candidate = decision.candidates.find((c) => c.cni === cni);
      for (const r of candidate?.reasons ?? []) {
        if ((r.effect === 'excludes' || r.effect === 'discourages') && touches(r.fields, fields))
          add({
            cni: v.column.label,
            severity: r.effect === 'excludes' ? 'blocking' : 'warning',
            text: explain(r),
            source: r.source,
          });
      }
    }
  }
  // Caveats about the whole combination first, then per CNI in the table's order.
  caveats.sort((a, b) => Number(a.cni !== null) - Number(b.cni !== null));
  return { headline, meeting, besides, caveats, caveatsPending };
}
