import type { Answers } from '../answers/types';
import { ANSWER_FIELDS, readPath, type AnswerPath } from '../answers/answers-schema';
import { missingRequired } from '../answers/parse-answers';
import { CHART_NAME, CNI_DISPLAY_NAME, type PrimaryCni } from '../facts/cni-names';
import { parseChartVersion, upstreamVersionText } from '../facts/chart-version';
import { GATES, GATE_IDS, hasGate } from '../facts/gates';
import { RELEASES, resolveRelease, type ReleaseRow } from '../rke2/releases';
import { evaluate, judge } from './evaluate';
import { explain } from './explain';
import type { Decision } from './types';

/**
 * The smallest fix for a conflict (issue 12 §2): when the answers block the decision, or rule out the CNI the
 * user wants, search the release table and the user's choices for the smallest change that makes it work.
 * Every suggestion is verified by evaluate() on the changed answers, so a suggestion always unblocks.
 */

/** What the search aims for: no blocking finding, and (when set) this CNI not ruled out. */
export interface FixGoal {
  /** The CNI the user wants; defaults to the forced choice (none when the engine picks). */
  cni?: PrimaryCni | null;
}

export type FixValue = string | boolean;

export interface FixChange {
  field: AnswerPath;
  /** The question's label, as the wizard shows it. */
  label: string;
  from: FixValue;
  to: FixValue;
  /** The change in the user's words, e.g. 'Set "IP family" to IPv4 only'. */
  text: string;
}

export interface Fix {
  /** Stable key: the changed fields and values. */
  id: string;
  changes: FixChange[];
  /** How much the fix changes (lower is smaller); see FIX_COST. */
  cost: number;
  /** One line: the change, e.g. 'Use RKE2 release v1.30.14+rke2r2'. */
  title: string;
  /** Why it works, when the change alone does not say (the chart a release bundles). */
  detail: string | null;
  /** The outcome once applied. */
  result: { chosen: PrimaryCni | null; recommended: PrimaryCni | null; text: string };
  /** The answers with the fix applied (what evaluate() was run on). */
  answers: Answers;
}

/** At most this many suggestions. */
export const MAX_FIXES = 3;
/** Bounds the work of one search: each evaluation is ~0.1 ms, so the search stays well inside an interaction. */
export const MAX_FIX_EVALUATIONS = 100;

/**
 * Cost of changing one answer: what the user gives up. A patch of the same release line is the smallest change;
 * an option turned off or the IP family next; lowering a requirement more; another Kubernetes minor costs 2 plus
 * its distance; a fact about the cluster (Windows workers, CIS, Rancher) the most.
 */
export const FIX_COST = {
  releaseSameMinor: 1,
  releaseOtherMinorBase: 2,
  clearOptional: 1,
  optionOff: 2,
  ipFamily: 2,
  requirement: 3,
  clusterFact: 4,
} as const;

/** Words for the values a fix can set (the wizard's option wording). */
const VALUE_TEXT: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'addressing.ipFamily': { ipv4: 'IPv4 only', dual: 'Dual-stack (IPv4 and IPv6)', ipv6: 'IPv6 only' },
  'security.policy': { none: 'None', kubernetes: 'Kubernetes NetworkPolicy', l7: 'Layer 7 (HTTP, DNS-aware)' },
  'security.encryption': { none: 'None', wireguard: 'WireGuard', ipsec: 'IPsec' },
  'extras.mode': { none: 'None', multus: 'Multus secondary network', sriov: 'SR-IOV (with Multus)' },
  'cluster.management': { standalone: 'RKE2 on its own (config.yaml)', rancher: 'Provisioned by Rancher' },
};

type ChangeKind = 'optionOff' | 'clusterFact' | 'enum' | 'requirement' | 'clearOptional';

/** The answers a fix may change, and how. Node facts (kernel, OS) and the wanted CNI itself are never changed. */
const CHANGEABLE: ReadonlyArray<{ field: AnswerPath; kind: ChangeKind; cost: number }> = [
  { field: 'nodes.interface', kind: 'clearOptional', cost: FIX_COST.clearOptional },
  { field: 'performance.kubeProxyReplacement', kind: 'optionOff', cost: FIX_COST.optionOff },
  { field: 'performance.observability', kind: 'optionOff', cost: FIX_COST.optionOff },
  { field: 'performance.bandwidthManager', kind: 'optionOff', cost: FIX_COST.optionOff },
  { field: 'performance.awsEni', kind: 'optionOff', cost: FIX_COST.optionOff },
  { field: 'performance.bgp.enabled', kind: 'optionOff', cost: FIX_COST.optionOff },
  { field: 'addressing.ipFamily', kind: 'enum', cost: FIX_COST.ipFamily },
  { field: 'security.encryption', kind: 'requirement', cost: FIX_COST.requirement },
  { field: 'security.policy', kind: 'requirement', cost: FIX_COST.requirement },
  { field: 'extras.mode', kind: 'requirement', cost: FIX_COST.requirement },
  { field: 'cluster.windowsNodes', kind: 'clusterFact', cost: FIX_COST.clusterFact },
  { field: 'cluster.cisProfile', kind: 'clusterFact', cost: FIX_COST.clusterFact },
  { field: 'cluster.management', kind: 'enum', cost: FIX_COST.clusterFact },
];

const RELEASE_FIELD: AnswerPath = 'cluster.release';

function labelOf(field: AnswerPath): string {
  return ANSWER_FIELDS[field].label;
}

/** One candidate change of one answer (a release, or one other field). */
interface Single {
  field: AnswerPath;
  to: FixValue;
  cost: number;
  /** Fixes in the same slot compete: only the cheapest that works is offered (one per field, one per release line). */
  slot: string;
  /** Order among equal costs: lower first. */
  order: number;
  detail: string | null;
  /** Releases: the release signature (releases that judge alike fail alike). */
  signature?: string;
}

function changeText(field: AnswerPath, to: FixValue): string {
  const label = labelOf(field);
  if (field === RELEASE_FIELD) return `Use RKE2 release ${String(to)}`;
  if (typeof to === 'boolean') return to ? `Turn on "${label}"` : `Turn off "${label}"`;
  if (to === '') return `Leave "${label}" empty`;
  return `Set "${label}" to ${VALUE_TEXT[field]?.[to] ?? to}`;
}

/** The answers with the changes applied; copies only the sections on the changed paths (the rest is shared, never written). */
function applyChanges(answers: Answers, changes: readonly Single[]): Answers {
  const next = { ...answers } as Record<string, unknown>;
  for (const c of changes) {
    const keys = c.field.split('.');
    let node = next;
    for (const key of keys.slice(0, -1)) {
      node[key] = { ...(node[key] as Record<string, unknown>) };
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = c.to;
  }
  return next as unknown as Answers;
}

const signatures = new Map<string, string>();
/**
 * What makes two releases judge alike: the bundled charts and the version gates they pass (rules read a release
 * only through these). Used to skip evaluating a release like one that already failed; a release that is offered
 * is always evaluated itself.
 */
function releaseSignature(row: ReleaseRow): string {
  let sig = signatures.get(row.version.text);
  if (sig === undefined) {
    const release = { requested: row.version };
    sig = JSON.stringify([row.charts, GATE_IDS.filter((g) => hasGate(release, g))]);
    if (signatures.size < 4096) signatures.set(row.version.text, sig);
  }
  return sig;
}

function chartWords(row: ReleaseRow, cni: PrimaryCni | null): string | null {
  if (cni === null || cni === 'none') return null;
  const chart = row.charts[CHART_NAME[cni]];
  if (chart === null) return null;
  const v = parseChartVersion(chart);
  return cni === 'cilium' && v ? `Cilium ${upstreamVersionText(v)}` : `${CHART_NAME[cni]} ${chart}`;
}

/** What the other release changes for the CNI: the chart it bundles, else the feature gates it passes. */
function releaseDetail(answers: Answers, to: string, cni: PrimaryCni | null): string | null {
  const from = resolveRelease(answers.cluster.release);
  const row = RELEASES.find((r) => r.version.text === to);
  if (!from.ok || !row) return null;
  const was = chartWords(from.release.row, cni);
  const now = chartWords(row, cni);
  const parts: string[] = [];
  if (now !== null && now !== was)
    parts.push(`${to} bundles ${now}${was ? ` (${from.release.requested.text}: ${was})` : ''}.`);
  const gained = GATE_IDS.filter((g) => hasGate({ requested: row.version }, g) && !hasGate(from.release, g));
  // A gained feature says why the release works when the chart does not; a long list would only be noise.
  if (parts.length === 0 && gained.length > 0 && gained.length <= 2)
    parts.push(`New in ${to}: ${gained.map((g) => GATES[g].label).join('; ')}.`);
  return parts.length ? parts.join(' ') : null;
}

/** Release candidates: newest first within each line; the user's own line first, then by distance (newer first on ties). */
function releaseSingles(current: string): Single[] {
  const resolved = resolveRelease(current);
  if (!resolved.ok) return [];
  const own = resolved.release.requested;
  const out: Single[] = [];
  // Releases of the user's own line that judge like the current one change nothing.
  const seen = new Set<string>([`release:${own.minor}|${releaseSignature({ ...resolved.release.row, version: own })}`]);
  const rows = [...RELEASES].reverse();
  for (const row of rows) {
    const v = row.version;
    if (v.text === own.text || v.text === resolved.release.row.version.text) continue;
    const distance = Math.abs(v.minor - own.minor);
    const slot = `release:${v.minor}`;
    // Releases that judge alike as one already tried (the newest of them) add nothing.
    const sig = `${slot}|${releaseSignature(row)}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    out.push({
      field: RELEASE_FIELD,
      to: v.text,
      signature: releaseSignature(row),
      cost: distance === 0 ? FIX_COST.releaseSameMinor : FIX_COST.releaseOtherMinorBase + distance,
      slot,
      // Newer lines before older ones at the same distance; newest patch first within a line.
      order: (v.minor < own.minor ? 0.5 : 0) + out.length / 10_000,
      detail: null,
    });
  }
  return out;
}

function fieldSingles(answers: Answers): Single[] {
  const out: Single[] = [];
  CHANGEABLE.forEach(({ field, kind, cost }, index) => {
    const current = readPath(answers, field);
    if (kind === 'optionOff' || kind === 'clusterFact') {
      if (current === true) out.push({ field, to: false, cost, slot: field, order: index, detail: null });
      return;
    }
    if (kind === 'clearOptional') {
      if (typeof current === 'string' && current.trim() !== '')
        out.push({ field, to: '', cost, slot: field, order: index, detail: null });
      return;
    }
    const spec = ANSWER_FIELDS[field];
    if (spec.kind !== 'enum') return;
    // Enum values are listed from the least to the most demanding.
    const values = spec.values as readonly string[];
    const at = values.indexOf(String(current));
    values.forEach((value, i) => {
      if (value === current) return;
      // A requirement is only ever lowered: asking for more is not a smaller change.
      if (kind === 'requirement' && at >= 0 && i > at) return;
      // The nearest value first (Layer 7 → Kubernetes NetworkPolicy before None).
      const steps = at < 0 ? 1 : Math.abs(i - at);
      out.push({ field, to: value, cost: cost + (steps - 1), slot: field, order: index + steps / 100, detail: null });
    });
  });
  return out;
}

function fieldsOf(decision: Decision, target: PrimaryCni | null): Set<string> {
  const fields = new Set<string>();
  for (const f of decision.blocking) f.fields.forEach((x) => fields.add(x));
  if (target !== null) {
    const candidate = decision.candidates.find((c) => c.cni === target);
    candidate?.reasons.filter((r) => r.effect === 'excludes').forEach((r) => r.fields?.forEach((x) => fields.add(x)));
  }
  return fields;
}

/** How far the decision is from the goal: 0 when it is met. */
function problemSize(decision: Decision, target: PrimaryCni | null): number {
  const excluded =
    target === null
      ? 0
      : (decision.candidates.find((c) => c.cni === target)?.reasons.filter((r) => r.effect === 'excludes').length ?? 0);
  return decision.blocking.length + excluded;
}

function targetOf(answers: Answers, goal: FixGoal | undefined): PrimaryCni | null {
  if (goal?.cni !== undefined) return goal.cni;
  const forced = answers.choice?.forcedCni;
  return forced && forced !== 'auto' ? forced : null;
}

/** True when the decision meets the goal: nothing blocks, and the wanted CNI (if any) is not ruled out. */
export function fixGoalMet(decision: Decision, target: PrimaryCni | null): boolean {
  return problemSize(decision, target) === 0;
}

function resultOf(decision: Decision, target: PrimaryCni | null): Fix['result'] {
  const text =
    target !== null
      ? `${CNI_DISPLAY_NAME[target]} ${decision.chosen === target ? 'works' : 'becomes possible'}`
      : decision.chosen
        ? `Use ${CNI_DISPLAY_NAME[decision.chosen]}`
        : 'Nothing blocks';
  return { chosen: decision.chosen, recommended: decision.recommended, text };
}

/**
 * Why the fix works, in the rule's own words: for the CNI that now works, the reason that replaced what ruled it
 * out (e.g. "Kernel 5.4 meets Cilium 1.17.6's minimum of 5.4."). Falls back to what the release bundles.
 */
function whyItWorks(before: Decision, after: Decision, cni: PrimaryCni | null): string | null {
  if (cni === null) return null;
  const was = before.candidates.find((c) => c.cni === cni)?.reasons.filter((r) => r.effect === 'excludes') ?? [];
  const now = after.candidates.find((c) => c.cni === cni)?.reasons ?? [];
  const replaced = now.find((r) => r.effect !== 'excludes' && was.some((w) => w.ruleId === r.ruleId));
  return replaced ? explain(replaced) : null;
}

function toFix(
  answers: Answers,
  singles: Single[],
  next: Answers,
  decision: Decision,
  target: PrimaryCni | null,
  before: Decision,
): Fix {
  const sorted = [...singles].sort((a, b) => a.field.localeCompare(b.field));
  const changes: FixChange[] = sorted.map((s) => ({
    field: s.field,
    label: labelOf(s.field),
    from: readPath(answers, s.field) as FixValue,
    to: s.to,
    text: changeText(s.field, s.to),
  }));
  const release = singles.find((s) => s.field === RELEASE_FIELD);
  let detail: string | null = null;
  if (release)
    detail =
      whyItWorks(before, decision, target ?? decision.chosen) ??
      releaseDetail(answers, String(release.to), target ?? decision.chosen);
  return {
    id: changes.map((c) => `${c.field}=${String(c.to)}`).join('&'),
    changes,
    cost: singles.reduce((sum, s) => sum + s.cost, 0),
    title: changes.map((c) => c.text).join(' and '),
    detail,
    result: resultOf(decision, target),
    answers: next,
  };
}

/** A search's outcome, with how many variants of the answers it judged (bounded by MAX_FIX_EVALUATIONS). */
export interface FixSearch {
  fixes: Fix[];
  evaluations: number;
}

/**
 * The smallest changes that make the answers work: at most MAX_FIXES, fewest changed answers first, then the
 * lowest FIX_COST. Single changes are tried first (cheapest first, one per answer and per release line); pairs of
 * changes that each helped are tried only when fewer than MAX_FIXES single changes work. Candidates are judged
 * without the plan; each one offered is confirmed by evaluate(). Pure and deterministic; no fixes when nothing blocks.
 */
export function searchFixes(answers: Answers, decision: Decision = evaluate(answers), goal?: FixGoal): FixSearch {
  const target = targetOf(answers, goal);
  if (fixGoalMet(decision, target)) return { fixes: [], evaluations: 0 };
  const relevant = fieldsOf(decision, target);
  const before = problemSize(decision, target);

  const singles = [
    ...fieldSingles(answers),
    ...(relevant.has(RELEASE_FIELD) ? releaseSingles(answers.cluster.release) : []),
  ];
  singles.sort((a, b) => a.cost - b.cost || a.order - b.order);

  let evaluations = 0;
  const found: Fix[] = [];
  /** Judges the changed answers; a Fix when they meet the goal (confirmed by the full evaluate()). */
  // A change that makes an empty answer required (IPv4 → dual-stack without IPv6 CIDRs, SR-IOV → Multus
  // without a host interface) would need a value the user never typed: never offered.
  const missingBefore = new Set(missingRequired(answers));
  const attempt = (changes: Single[]): { fix: Fix | null; helps: boolean } => {
    const next = applyChanges(answers, changes);
    if (missingRequired(next).some((p) => !missingBefore.has(p))) return { fix: null, helps: false };
    evaluations++;
    const verdict = judge(next);
    if (fixGoalMet(verdict, target)) {
      const full = evaluate(next);
      if (fixGoalMet(full, target)) return { fix: toFix(answers, changes, next, full, target, decision), helps: true };
    }
    return { fix: null, helps: problemSize(verdict, target) < before };
  };

  const solvedSlots = new Set<string>();
  const helpful: Single[] = [];
  // Release signatures already judged not to meet the goal, with whether they helped.
  const failed = new Map<string, boolean>();
  for (const single of singles) {
    if (found.length >= MAX_FIXES || evaluations >= MAX_FIX_EVALUATIONS) break;
    if (solvedSlots.has(single.slot)) continue;
    const known = single.signature === undefined ? undefined : failed.get(single.signature);
    if (known !== undefined) {
      if (known) helpful.push(single);
      continue;
    }
    const { fix, helps } = attempt([single]);
    if (fix) {
      solvedSlots.add(single.slot);
      found.push(fix);
    } else {
      if (helps) helpful.push(single);
      if (single.signature !== undefined) failed.set(single.signature, helps);
    }
  }

  if (found.length < MAX_FIXES && evaluations < MAX_FIX_EVALUATIONS) {
    // A pair is only worth offering when no single change to either answer works on its own.
    const solvedFields = new Set(found.flatMap((f) => f.changes.map((c) => c.field)));
    const usable = helpful.filter((s) => !solvedFields.has(s.field));
    const pairs: [Single, Single][] = [];
    for (let i = 0; i < usable.length; i++)
      for (let j = i + 1; j < usable.length; j++)
        if (usable[i]!.field !== usable[j]!.field) pairs.push([usable[i]!, usable[j]!]);
    pairs.sort(
      ([a1, a2], [b1, b2]) => a1.cost + a2.cost - (b1.cost + b2.cost) || a1.order + a2.order - (b1.order + b2.order),
    );
    const solvedPairSlots = new Set<string>();
    for (const pair of pairs) {
      if (found.length >= MAX_FIXES || evaluations >= MAX_FIX_EVALUATIONS) break;
      const slot = `${pair[0].slot}+${pair[1].slot}`;
      if (solvedPairSlots.has(slot)) continue;
      const { fix } = attempt(pair);
      if (fix) {
        solvedPairSlots.add(slot);
        found.push(fix);
      }
    }
  }

  found.sort((a, b) => a.changes.length - b.changes.length || a.cost - b.cost);
  return { fixes: found, evaluations };
}

/** searchFixes(), the fixes only. */
export function suggestFixes(answers: Answers, decision?: Decision, goal?: FixGoal): Fix[] {
  return searchFixes(answers, decision, goal).fixes;
}
