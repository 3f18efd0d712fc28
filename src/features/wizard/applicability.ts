import type { Answers, PrimaryCni } from '../../domain/answers/types';
import type { AnswerPath } from './steps';

export type Applicability = { kind: 'shown' } | { kind: 'hidden' } | { kind: 'disabled'; reason: string };

const SHOWN: Applicability = { kind: 'shown' };
const HIDDEN: Applicability = { kind: 'hidden' };

type Partialish = { [K in keyof Answers]?: Partial<Answers[K]> };

/**
 * Which questions apply to the answers so far. Pure, so the resolver can ignore errors of
 * questions the user cannot see, and the steps can hide or explain them.
 * `chosen` is the CNI the bundle will use (recommended or forced), when known.
 */
export function applicability(path: AnswerPath, answers: Partialish, chosen: PrimaryCni | null): Applicability {
  const family = answers.addressing?.ipFamily;
  const extras = answers.extras?.mode;
  const perf = answers.performance;
  if (path === 'addressing.clusterCidrV4' || path === 'addressing.serviceCidrV4')
    return family === 'ipv6' ? HIDDEN : SHOWN;
  if (path === 'addressing.clusterCidrV6' || path === 'addressing.serviceCidrV6')
    return family === 'ipv4' ? HIDDEN : SHOWN;
  // Mirrors the relevance of answers-schema.ts: SR-IOV networks are NetworkAttachmentDefinitions too.
  if (path === 'extras.secondary.type' || path === 'extras.secondary.master')
    return extras === 'multus' ? SHOWN : HIDDEN;
  if (
    [
      'extras.secondary.subnet',
      'extras.secondary.rangeStart',
      'extras.secondary.rangeEnd',
      'extras.secondary.gateway',
    ].includes(path)
  ) {
    const ipam = answers.extras?.secondary?.ipam;
    return extras !== undefined && extras !== 'none' && (ipam === 'host-local' || ipam === 'whereabouts')
      ? SHOWN
      : HIDDEN;
  }
  if (path.startsWith('extras.secondary.')) return extras !== undefined && extras !== 'none' ? SHOWN : HIDDEN;
  if (path.startsWith('extras.sriov.')) return extras === 'sriov' ? SHOWN : HIDDEN;
  if (path === 'performance.apiServerHost' || path === 'performance.apiServerPort')
    return perf?.kubeProxyReplacement === true ? SHOWN : HIDDEN;
  if (path.startsWith('performance.bgp.') && path !== 'performance.bgp.enabled')
    return perf?.bgp?.enabled === true ? SHOWN : HIDDEN;
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
