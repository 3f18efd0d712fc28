import type { Answers } from '../answers/types';
import type { Decision } from '../engine/types';
import type { PrimaryCni } from '../facts/cni-names';
import { buildContext } from '../engine/context';
import { resolvePlan, type DecisionPlan } from '../engine/plan';

/**
 * What the generators read: the engine's plan (every resolved choice and derived fact) plus the answers
 * for the literal values (CIDRs, names). Generators never compare a kernel or a version themselves.
 */
export interface BundlePlan extends DecisionPlan {
  answers: Answers;
  decision: Decision;
}

export function buildPlan(answers: Answers, decision: Decision, cni: PrimaryCni): BundlePlan {
  // The engine resolved the plan for the CNI it will use; only a caller asking for another CNI gets a fresh one.
  const plan = decision.plan?.cni === cni ? decision.plan : resolvePlan(buildContext(answers), cni, decision.multus);
  return { ...plan, answers, decision };
}

/** Comma-joined IPv4-first CIDR list, as the RKE2 dual-stack docs write it. */
export function cidrList(plan: BundlePlan, kind: 'cluster' | 'service'): string {
  const a = plan.answers.addressing;
  const v4 = kind === 'cluster' ? a.clusterCidrV4 : a.serviceCidrV4;
  const v6 = kind === 'cluster' ? a.clusterCidrV6 : a.serviceCidrV6;
  return [plan.ipv4 ? v4 : null, plan.ipv6 ? v6 : null]
    .filter((x): x is string => !!x)
    .map((s) => s.trim())
    .join(',');
}
