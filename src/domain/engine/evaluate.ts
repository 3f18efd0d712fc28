import type { Answers } from '../answers/types';
import { defaultAnswers } from '../answers/defaults';
import { PRIMARY_CNIS, type PrimaryCni } from '../facts/cni-names';
import { buildContext } from './context';
import { engineRule, explain } from './explain';
import { RULES } from './rules';
import { resolvePlan } from './plan';
import type {
  Candidate,
  CandidateStatus,
  Decision,
  Finding,
  FindingOutput,
  Reason,
  ReasonEffect,
  Rule,
  RuleContext,
} from './types';

const DEFAULT_WEIGHT: Readonly<Record<ReasonEffect, number>> = {
  excludes: -1000,
  discourages: -30,
  favours: 20,
  info: 0,
};

/** Tie-break when scores are equal: RKE2's default first, then by breadth of what RKE2 documents. */
export const PREFERENCE: readonly PrimaryCni[] = ['canal', 'calico', 'cilium', 'flannel', 'none'];

interface PendingFinding extends Finding {
  when?: readonly PrimaryCni[];
}

function toFinding(rule: Rule, f: FindingOutput): PendingFinding {
  return {
    ruleId: rule.id,
    messageId: f.messageId,
    data: f.data ?? {},
    severity: f.severity,
    source: f.source ?? rule.source,
    fields: f.fields ?? [],
    ...(f.irreversible ? { irreversible: true } : {}),
    ...(f.when ? { when: f.when } : {}),
  };
}

function failure(rule: Rule, error: unknown): PendingFinding {
  return toFinding(engineRule, {
    messageId: 'ruleFailed',
    severity: 'blocking',
    data: { ruleId: rule.id, error: error instanceof Error ? error.message : String(error) },
  });
}

function isPrimary(value: unknown): value is PrimaryCni {
  return (PRIMARY_CNIS as readonly unknown[]).includes(value);
}

function rankCandidates(reasonsByCni: Map<PrimaryCni, Reason[]>): Candidate[] {
  const scored = PRIMARY_CNIS.map((cni) => {
    const reasons = reasonsByCni.get(cni) ?? [];
    const status: CandidateStatus = reasons.some((r) => r.effect === 'excludes')
      ? 'unavailable'
      : reasons.some((r) => r.effect === 'discourages')
        ? 'discouraged'
        : 'suitable';
    return { cni, status, rank: 0, score: reasons.reduce((sum, r) => sum + r.weight, 0), reasons };
  });
  scored.sort(
    (a, b) =>
      Number(a.status === 'unavailable') - Number(b.status === 'unavailable') ||
      b.score - a.score ||
      PREFERENCE.indexOf(a.cni) - PREFERENCE.indexOf(b.cni),
  );
  return scored.map((c, i) => ({ ...c, rank: i + 1 }));
}

function run(ctx: RuleContext, withPlan = true): Decision {
  const reasonsByCni = new Map<PrimaryCni, Reason[]>();
  const pending: PendingFinding[] = [];
  for (const rule of RULES) {
    try {
      const out = rule.check(ctx);
      for (const r of out.reasons ?? []) {
        const reason: Reason = {
          ruleId: rule.id,
          messageId: r.messageId,
          data: r.data ?? {},
          effect: r.effect,
          weight: r.weight ?? DEFAULT_WEIGHT[r.effect],
          source: r.source ?? rule.source,
          ...(r.fields ? { fields: r.fields } : {}),
        };
        reasonsByCni.set(r.cni, [...(reasonsByCni.get(r.cni) ?? []), reason]);
      }
      for (const f of out.findings ?? []) pending.push(toFinding(rule, f));
    } catch (error) {
      pending.push(failure(rule, error));
    }
  }

  const ranked = rankCandidates(reasonsByCni);
  // `none` is never picked automatically: it is only for a forced bring-your-own choice.
  const best = ranked.find((c) => c.status !== 'unavailable' && c.cni !== 'none')?.cni ?? null;
  const forcedAnswer = ctx.answers.choice?.forcedCni;
  const forced = forcedAnswer !== 'auto' && isPrimary(forcedAnswer) ? forcedAnswer : null;
  const provisional = forced ?? best;

  for (const rule of RULES) {
    if (!rule.review) continue;
    try {
      for (const f of rule.review(ctx, { candidates: ranked, forced, best, explain })) pending.push(toFinding(rule, f));
    } catch (error) {
      pending.push(failure(rule, error));
    }
  }

  // CNI-specific findings count only for the CNI that will be used.
  const findings: Finding[] = pending
    .filter((f) => f.when === undefined || (provisional !== null && f.when.includes(provisional)))
    .map(({ when, ...f }) => (when ? { ...f, appliesTo: [...when] } : f));
  const blocking = findings.filter((f) => f.severity === 'blocking');
  const multus = ctx.answers.extras?.mode === 'sriov' || ctx.answers.extras?.mode === 'multus';
  const recommended = blocking.length === 0 ? best : null;
  const candidates = ranked.map((c) => (c.cni === recommended ? { ...c, status: 'recommended' as const } : c));

  return {
    release: ctx.release,
    candidates,
    recommended,
    chosen: forced ?? recommended,
    overridden: forced !== null,
    provisional,
    multus,
    blocking,
    warnings: findings.filter((f) => f.severity === 'warning'),
    notes: findings.filter((f) => f.severity === 'note'),
    plan: provisional === null || !withPlan ? null : resolvePlan(ctx, provisional, multus),
  };
}

/**
 * Ranks every primary CNI for the answers and collects findings. Pure and deterministic; never throws:
 * a rule that fails becomes a blocking finding, and input that is not answers at all is judged as the defaults
 * with that failure reported.
 */
export function evaluate(answers: Answers): Decision {
  try {
    return run(buildContext(answers));
  } catch (error) {
    const fallback = run(buildContext(defaultAnswers()));
    const blocking = [...fallback.blocking, failure({ ...engineRule, id: 'evaluate' }, error)];
    const candidates = fallback.candidates.map((c) =>
      c.status === 'recommended' ? { ...c, status: 'suitable' as const } : c,
    );
    return { ...fallback, candidates, recommended: null, chosen: null, blocking };
  }
}

/**
 * evaluate() without resolving the plan (plan is null): the verdict only, for searches that judge many variants of
 * the answers (fixes.ts). Falls back to evaluate() when the answers make it throw.
 */
export function judge(answers: Answers): Decision {
  try {
    return run(buildContext(answers), false);
  } catch {
    return evaluate(answers);
  }
}
