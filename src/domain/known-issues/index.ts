import type { Answers } from '../answers/types';
import type { DecisionPlan } from '../engine/types';
import { resolveRelease, type ResolvedRelease } from '../rke2/releases';
import { compareVersions } from '../rke2/version';
import { isAffected, matchFor } from './ranges';
import { KNOWN_ISSUES } from './registry';
import type { KnownIssue, KnownIssueKind, KnownIssueMatch, KnownIssueSubject, KnownIssuesAcross } from './types';

export type {
  AffectedSpec,
  KnownIssue,
  KnownIssueKind,
  KnownIssueMatch,
  KnownIssueSubject,
  KnownIssuesAcross,
} from './types';
export { KNOWN_ISSUES } from './registry';
export { affectedReleases, compareChartVersions, isAffected, passesLineGate } from './ranges';

/**
 * The known-issue registry's API: which entries apply to a release and a configuration, and what an upgrade
 * crosses. Pure; never throws (a release that does not parse gives no entries).
 */

/** The subject the decision plan describes (the answers add what the plan does not carry). */
export function subjectFromPlan(plan: DecisionPlan, answers: Answers): KnownIssueSubject {
  return {
    cni: plan.cni,
    multus: plan.multus,
    ipFamily: plan.ipv4 && plan.ipv6 ? 'dual' : plan.ipv6 ? 'ipv6' : 'ipv4',
    windowsNodes: plan.windowsNodes,
    cisProfile: plan.profile !== null,
    kubeProxyReplacement: plan.replacesKubeProxy,
    encryption: plan.encryption,
    observability: answers.performance.observability,
    nativeRouting: plan.ciliumNativeRouting,
  };
}

/** The subject from the answers alone (no decision): the forced CNI if any, the wanted features as asked. */
export function subjectFromAnswers(answers: Answers): KnownIssueSubject {
  const forced = answers.choice.forcedCni;
  const cni = forced === 'auto' ? null : forced;
  return {
    cni,
    multus: answers.extras.mode !== 'none',
    ipFamily: answers.addressing.ipFamily,
    windowsNodes: answers.cluster.windowsNodes,
    cisProfile: answers.cluster.cisProfile,
    kubeProxyReplacement: answers.performance.kubeProxyReplacement,
    encryption: answers.security.encryption,
    observability: answers.performance.observability,
    nativeRouting: cni === 'cilium' && (answers.addressing.ipFamily === 'ipv6' || answers.performance.awsEni),
  };
}

export interface KnownIssuesQuery {
  /** The release, as text ("v1.33.6+rke2r1") or already resolved. */
  release: string | ResolvedRelease;
  /** The plan to judge; with it, `answers` too. */
  plan?: DecisionPlan | null;
  answers?: Answers;
  /** Or a subject built by the caller (e.g. from files). Without plan, answers or subject: every entry of the release. */
  subject?: KnownIssueSubject;
  /** Only these kinds (default: all). A fresh bundle has no old values, so the wizard and README skip 'change'. */
  kinds?: readonly KnownIssueKind[];
}

function resolve(release: string | ResolvedRelease): ResolvedRelease | null {
  if (typeof release !== 'string') return release;
  const r = resolveRelease(release);
  return r.ok ? r.release : null;
}

function subjectOf(q: Omit<KnownIssuesQuery, 'release'>): KnownIssueSubject | null {
  if (q.subject) return q.subject;
  if (q.plan && q.answers) return subjectFromPlan(q.plan, q.answers);
  if (q.answers) return subjectFromAnswers(q.answers);
  return null;
}

function affects(issue: KnownIssue, r: ResolvedRelease): boolean {
  return isAffected(issue.affected, r.requested, r.row);
}

function applies(issue: KnownIssue, subject: KnownIssueSubject | null): boolean {
  return subject === null || issue.applies(subject);
}

/** Entries that affect the release and apply to the configuration, oldest first by date, then by id. */
export function knownIssuesFor(q: KnownIssuesQuery): KnownIssueMatch[] {
  const r = resolve(q.release);
  if (!r) return [];
  const subject = subjectOf(q);
  return KNOWN_ISSUES.filter((i) => (!q.kinds || q.kinds.includes(i.kind)) && applies(i, subject) && affects(i, r))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((i) => matchFor(i, r.requested));
}

/**
 * What an upgrade from `from` to `to` crosses, for the entries that apply: fixed, introduced, still there, and
 * upgrade-kind entries that hit when leaving `from`. Null when either release does not parse.
 */
export function knownIssuesBetween(
  from: string | ResolvedRelease,
  to: string | ResolvedRelease,
  q: Omit<KnownIssuesQuery, 'release' | 'kinds'> = {},
): KnownIssuesAcross | null {
  const a = resolve(from);
  const b = resolve(to);
  if (!a || !b) return null;
  const subject = subjectOf(q);
  const out: KnownIssuesAcross = {
    from: a.requested.text,
    to: b.requested.text,
    fixed: [],
    introduced: [],
    remaining: [],
    upgradeRisks: [],
  };
  const upward = compareVersions(b.requested, a.requested) > 0;
  for (const issue of KNOWN_ISSUES) {
    if (!applies(issue, subject)) continue;
    const atFrom = affects(issue, a);
    const atTo = affects(issue, b);
    if (issue.kind === 'upgrade') {
      if (atFrom && upward) out.upgradeRisks.push(matchFor(issue, a.requested));
      continue;
    }
    if (atFrom && !atTo) out.fixed.push(matchFor(issue, a.requested));
    else if (!atFrom && atTo) out.introduced.push(matchFor(issue, b.requested));
    else if (atFrom && atTo) out.remaining.push(matchFor(issue, b.requested));
  }
  return out;
}

/** "affects v1.31.0+rke2r1 to v1.31.11+rke2r1" for the match's own line (words for the UI, README and CLI). */
export function affectedText(m: KnownIssueMatch): string {
  const note = m.issue.rangeNote ? ` (${m.issue.rangeNote})` : '';
  if (!m.affectedOnLine) return `affects ${m.release}${note}`;
  const { first, last } = m.affectedOnLine;
  return `${first === last ? `affects ${first}` : `affects ${first} to ${last}`}${note}`;
}

/** "fixed in v1.31.12+rke2r1", or where the fix is when the line has none. */
export function fixedText(m: KnownIssueMatch): string {
  if (m.fixedIn) return `fixed in ${m.fixedIn}`;
  if (m.issue.kind === 'change') return 'a lasting change: adapt the values';
  if (m.issue.kind === 'upgrade') return 'no fixed release named upstream';
  if (m.fixedOnNewerLine) return `no fix on this minor line; fixed from ${m.fixedOnNewerLine} (a newer minor)`;
  return 'no fixed release yet';
}
