import type { Answers } from '../answers/types';
import { kernelAtLeast, parseKernel } from '../kernel';
import { buildContext } from '../engine/context';
import { resolveRelease } from '../rke2/releases';
import type { Source } from '../sources';
import type { FeatureId } from './features';
import { matrixFor, type Matrix, type MatrixColumnKey } from './matrix';
import type { SupportLevel } from '../facts/cni-names';

/**
 * How each needable matrix feature shows in the wizard's answers, both ways: `featuresNeeded` reads it, and
 * `answersNeeding` writes it so the comparison can ask the engine about a set of features. `fields` are the
 * answer fields the feature sets (findings about them are findings about the feature).
 */
interface FeatureAnswer {
  id: FeatureId;
  fields: readonly string[];
  isOn(a: Answers): boolean;
  turnOn(a: Answers): void;
}

const FEATURE_ANSWERS: readonly FeatureAnswer[] = [
  {
    id: 'windowsNodes',
    fields: ['cluster.windowsNodes'],
    isOn: (a) => a.cluster.windowsNodes,
    turnOn: (a) => void (a.cluster.windowsNodes = true),
  },
  {
    id: 'networkPolicies',
    fields: ['security.policy'],
    isOn: (a) => a.security.policy !== 'none',
    turnOn: (a) => void (a.security.policy === 'none' && (a.security.policy = 'kubernetes')),
  },
  {
    id: 'l7Policy',
    fields: ['security.policy'],
    isOn: (a) => a.security.policy === 'l7',
    turnOn: (a) => void (a.security.policy = 'l7'),
  },
  {
    id: 'wireguard',
    fields: ['security.encryption'],
    isOn: (a) => a.security.encryption === 'wireguard',
    turnOn: (a) => void (a.security.encryption = 'wireguard'),
  },
  {
    id: 'ipsec',
    fields: ['security.encryption'],
    isOn: (a) => a.security.encryption === 'ipsec',
    turnOn: (a) => void (a.security.encryption = 'ipsec'),
  },
  {
    id: 'dualStack',
    fields: ['addressing.ipFamily'],
    isOn: (a) => a.addressing.ipFamily === 'dual',
    turnOn: (a) => void (a.addressing.ipFamily = 'dual'),
  },
  {
    id: 'ipv6Only',
    fields: ['addressing.ipFamily'],
    isOn: (a) => a.addressing.ipFamily === 'ipv6',
    turnOn: (a) => void (a.addressing.ipFamily = 'ipv6'),
  },
  {
    id: 'kubeProxyReplacement',
    fields: ['performance.kubeProxyReplacement'],
    isOn: (a) => a.performance.kubeProxyReplacement,
    turnOn: (a) => void (a.performance.kubeProxyReplacement = true),
  },
  {
    id: 'observability',
    fields: ['performance.observability'],
    isOn: (a) => a.performance.observability,
    turnOn: (a) => void (a.performance.observability = true),
  },
  {
    id: 'bgp',
    fields: ['performance.bgp.enabled'],
    isOn: (a) => a.performance.bgp.enabled,
    turnOn: (a) => void (a.performance.bgp.enabled = true),
  },
  {
    id: 'multipleInterfaces',
    fields: ['extras.mode'],
    isOn: (a) => a.extras.mode !== 'none',
    turnOn: (a) => void (a.extras.mode === 'none' && (a.extras.mode = 'multus')),
  },
  {
    id: 'bandwidthManagement',
    fields: ['performance.bandwidthManager'],
    isOn: (a) => a.performance.bandwidthManager,
    turnOn: (a) => void (a.performance.bandwidthManager = true),
  },
  {
    id: 'cisHardened',
    fields: ['cluster.cisProfile'],
    isOn: (a) => a.cluster.cisProfile,
    turnOn: (a) => void (a.cluster.cisProfile = true),
  },
];

/**
 * Which matrix features the wizard's answers need, so the comparison can show "only what fits my
 * answers" without running the engine. The engine (evaluate) stays the authority for ranking.
 */
export function featuresNeeded(answers: Answers): FeatureId[] {
  return FEATURE_ANSWERS.filter((f) => f.isOn(answers)).map((f) => f.id);
}

/** Answers that need these features: a copy of `base` with each one turned on (features without an answer are skipped). */
export function answersNeeding(features: readonly FeatureId[], base: Answers): Answers {
  const answers = JSON.parse(JSON.stringify(base)) as Answers;
  for (const f of FEATURE_ANSWERS) if (features.includes(f.id)) f.turnOn(answers);
  return answers;
}

/** The answer fields these features set. */
export function featureFields(features: readonly FeatureId[]): string[] {
  return [...new Set(FEATURE_ANSWERS.filter((f) => features.includes(f.id)).flatMap((f) => f.fields))];
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
