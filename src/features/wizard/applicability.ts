import type { PrimaryCni } from '../../domain/answers/types';
import type { AnswerPath } from './steps';
// parse-answers directly: the answers index pulls js-yaml into the first load.
import { isFieldRelevant, type PartialAnswers } from '../../domain/answers/parse-answers';

export type Applicability = { kind: 'shown' } | { kind: 'hidden' } | { kind: 'disabled'; reason: string };

const SHOWN: Applicability = { kind: 'shown' };
const HIDDEN: Applicability = { kind: 'hidden' };

type Partialish = PartialAnswers;

/**
 * Which questions apply to the answers so far. Pure, so the resolver can ignore errors of
 * questions the user cannot see, and the steps can hide or explain them.
 * `chosen` is the CNI the bundle will use (recommended or forced), when known.
 */
export function applicability(path: AnswerPath, answers: Partialish, chosen: PrimaryCni | null): Applicability {
  // Relevance is decided once, in the answers field table: a question is hidden exactly when its answer is not used.
  if (!isFieldRelevant(path, answers)) return HIDDEN;
  const perf = answers.performance;
  if (path === 'performance.observability') {
    // Hubble is part of Cilium: asking for it steers the recommendation to Cilium. With another CNI
    // forced it cannot apply; a switch already on stays usable so it can be turned off.
    const forced = answers.choice?.forcedCni;
    if (
      forced === undefined ||
      forced === 'auto' ||
      forced === 'cilium' ||
      chosen === 'cilium' ||
      perf?.observability === true
    )
      return SHOWN;
    return { kind: 'disabled', reason: `Hubble comes with Cilium only, and ${forced} is chosen on the review step.` };
  }
  return SHOWN;
}

/** Options of the IP family question that cannot apply, with the reason. */
export function ipFamilyOptionReason(value: string, answers: Partialish): string | undefined {
  if (answers.cluster?.windowsNodes === true && (value === 'dual' || value === 'ipv6')) {
    return 'RKE2 does not support dual-stack or IPv6 on Windows nodes.';
  }
  return undefined;
}
