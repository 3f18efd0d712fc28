import type { Answers } from '../answers/types';
import { kernelAtLeast, parseKernel } from '../kernel';
import { buildContext } from '../engine/context';
import { resolveRelease } from '../rke2/releases';
import type { Source } from '../sources';
import type { FeatureId } from './features';
import { matrixFor, type Matrix, type MatrixColumnKey } from './matrix';
import type { SupportLevel } from '../facts/cni-names';

/**
 * Which matrix features the wizard's answers need, so the comparison can show "only what fits my
 * answers" without running the engine. The engine (evaluate) stays the authority for ranking.
 */
export function featuresNeeded(answers: Answers): FeatureId[] {
  const needed: FeatureId[] = [];
  const add = (on: boolean, id: FeatureId) => {
    if (on) needed.push(id);
  };
  add(answers.cluster.windowsNodes, 'windowsNodes');
  add(answers.security.policy !== 'none', 'networkPolicies');
  add(answers.security.policy === 'l7', 'l7Policy');
  add(answers.security.encryption === 'wireguard', 'wireguard');
  add(answers.security.encryption === 'ipsec', 'ipsec');
  add(answers.addressing.ipFamily === 'dual', 'dualStack');
  add(answers.addressing.ipFamily === 'ipv6', 'ipv6Only');
  add(answers.performance.kubeProxyReplacement, 'kubeProxyReplacement');
  add(answers.performance.observability, 'observability');
  add(answers.performance.bgp.enabled, 'bgp');
  add(answers.extras.mode !== 'none', 'multipleInterfaces');
  add(answers.performance.bandwidthManager, 'bandwidthManagement');
  add(answers.cluster.cisProfile, 'cisHardened');
  return needed;
}

export interface FitBlocker {
  /** null: the column itself is not offered (by this release, or by RKE2 at all). */
  feature: FeatureId | null;
  level: SupportLevel;
  note: string;
  source: Source;
}

export interface ColumnFit {
  column: MatrixColumnKey;
  fits: boolean;
  blockers: FitBlocker[];
}

export interface FitOptions {
  /** Oldest node kernel ("5.14"); checked against the minimumKernel row. */
  kernel?: string;
  /** RHEL 8.10 backports let Cilium run on 4.18. */
  rhel8?: boolean;
  /** Drop columns RKE2 does not offer in this release (comparison-only, flannel before its gate). */
  offeredOnly?: boolean;
}

/**
 * A column fits when no needed feature is "no" (and the kernel is new enough). "partial" fits with
 * its note; "not-applicable" is neutral for add-ons, so they are not dropped for features of the primary.
 */
export function fitColumns(matrix: Matrix, needed: readonly FeatureId[], options: FitOptions = {}): ColumnFit[] {
  const kernel = options.kernel ? parseKernel(options.kernel) : null;
  return matrix.columns.map((col) => {
    const blockers: FitBlocker[] = [];
    if (options.offeredOnly && !col.offered && col.notOffered) {
      blockers.push({ feature: null, level: 'no', note: col.notOffered.reason, source: col.notOffered.source });
    }
    for (const f of needed) {
      const cell = matrix.cells[f][col.id];
      // An add-on is neutral on its primary's features; a comparison-only CNI we did not assess does not count as fitting.
      const blocks = cell.level === 'no' || (cell.level === 'not-applicable' && col.kind === 'comparison-only');
      if (blocks) blockers.push({ feature: f, level: cell.level, note: cell.note, source: cell.source });
    }
    const k = matrix.cells.minimumKernel[col.id];
    if (kernel?.ok && k.kernel) {
      const min = options.rhel8 && k.kernel.rhel8 ? k.kernel.rhel8 : k.kernel.minimum;
      if (!kernelAtLeast(kernel.kernel, min)) {
        blockers.push({
          feature: 'minimumKernel',
          level: 'no',
          note: `Kernel ${kernel.kernel.text} is older than ${min}. ${k.note}`,
          source: k.source,
        });
      }
    }
    return { column: col.id, fits: blockers.length === 0, blockers };
  });
}

/** Kernel options from the answers, read as the engine reads them (preset kernel, RHEL 8.10 from uname -r). */
export function answerFitOptions(answers: Answers): FitOptions {
  const { derived } = buildContext(answers);
  return {
    ...(derived.kernel ? { kernel: derived.kernel.text } : {}),
    rhel8: derived.rhel8Backports,
    offeredOnly: true,
  };
}

/** The comparison's "only what fits my answers": the answers' release, needs and kernel. */
export function featureFitsAnswers(
  answers: Answers,
): { matrix: Matrix; needed: FeatureId[]; fits: ColumnFit[] } | null {
  const resolved = resolveRelease(answers.cluster.release);
  if (!resolved.ok) return null;
  const matrix = matrixFor(resolved.release);
  const needed = featuresNeeded(answers);
  const fits = fitColumns(matrix, needed, answerFitOptions(answers));
  return { matrix, needed, fits };
}
