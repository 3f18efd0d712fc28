import type { Source } from '../sources';
import type { PrimaryCni } from '../facts/cni-names';
import type { Answers } from '../answers/types';
import type { ResolvedRelease } from '../rke2/releases';
import type { KernelVersion } from '../kernel';
import type { ChartName } from '../facts/cni-names';
import type { ProfileValue } from '../facts/profile';
import type { Encapsulation, MtuPlan } from '../net/mtu';

export type MessageData = Readonly<Record<string, string | number | boolean>>;

/** How a reason moves a candidate. */
export type ReasonEffect =
  | 'excludes' // the candidate cannot work: status unavailable
  | 'discourages' // works, with a real drawback: status discouraged unless nothing better
  | 'favours' // a positive fit
  | 'info'; // context only

export interface Reason {
  ruleId: string;
  messageId: string;
  data: MessageData;
  effect: ReasonEffect;
  /** Weight used for ranking; positive favours, negative penalises. */
  weight: number;
  source: Source;
  /** Answer fields that caused this reason (what to change to lift an exclusion). */
  fields?: string[];
}

export type FindingSeverity = 'blocking' | 'warning' | 'note';

/** A finding about the whole plan, not a single candidate. */
export interface Finding {
  ruleId: string;
  messageId: string;
  data: MessageData;
  severity: FindingSeverity;
  source: Source;
  /** Answer fields the finding is about; a blocking finding names what to change. */
  fields: string[];
  /** True for choices that cannot be changed after the first server starts. */
  irreversible?: boolean;
  /** Set when the finding only holds for these CNIs (it was kept because the chosen CNI is one of them). */
  appliesTo?: PrimaryCni[];
}

export type CandidateStatus = 'recommended' | 'suitable' | 'discouraged' | 'unavailable';

export interface Candidate {
  cni: PrimaryCni;
  status: CandidateStatus;
  /** 1 = best. Unavailable candidates rank after all others. */
  rank: number;
  score: number;
  reasons: Reason[];
}

export interface Decision {
  release: ResolvedRelease;
  candidates: Candidate[];
  /** The engine's pick; null when a blocking finding stands or nothing can work. */
  recommended: PrimaryCni | null;
  /** What the bundle will use: the forced choice if the user overrode, else the recommendation. */
  chosen: PrimaryCni | null;
  /** Whether the user overrode the recommendation. */
  overridden: boolean;
  /**
   * The CNI that CNI-specific findings were judged against: the forced choice, else the best available
   * candidate even while a blocking finding stands (so the UI can show what would be picked). Null when nothing fits.
   */
  provisional: PrimaryCni | null;
  /** Multus is added first in the `cni` list (Multus or SR-IOV asked for). */
  multus: boolean;
  blocking: Finding[];
  warnings: Finding[];
  notes: Finding[];
  /**
   * The resolved choices for the provisional CNI (what the bundle uses when nothing blocks): generators,
   * scripts, README text and the doctor read it instead of deriving again. Null when nothing fits.
   */
  plan: DecisionPlan | null;
}

/** Values derived once from the answers so rules do not re-parse them. */
export interface DerivedFacts {
  /** Oldest node kernel; null when the answer does not parse (a blocking finding says so). */
  kernel: KernelVersion | null;
  /** The OS preset backports eBPF features (RHEL 8.10): Cilium accepts its 4.18 kernel. */
  rhel8Backports: boolean;
  /** Cilium version the release bundles ("1.19.601" is Cilium 1.19.6); null when not bundled. */
  cilium: { major: number; minor: number; patch: number; chart: string } | null;
  /** Set when cluster.release did not parse: the newest known release is used meanwhile. */
  releaseError: string | null;
}

/** What a rule sees. Derived values are computed once in evaluate(). */
export interface RuleContext {
  answers: Answers;
  release: ResolvedRelease;
  derived: DerivedFacts;
}

/** What a rule sees after ranking (for findings about the outcome itself, e.g. nothing fits, forced choice). */
export interface RankedView {
  candidates: readonly Candidate[];
  /** The forced CNI, or null when the user left the choice to the engine. */
  forced: PrimaryCni | null;
  /** The engine's own best available candidate (never `none`), ignoring the forced choice. */
  best: PrimaryCni | null;
  /** explain() of a reason, for findings that quote the reasons they summarise. */
  explain(reason: Reason): string;
}

export interface ReasonOutput<Id extends string = string> {
  cni: PrimaryCni;
  messageId: Id;
  data?: MessageData;
  effect: ReasonEffect;
  /** Defaults by effect: excludes -1000, discourages -30, favours +20, info 0. */
  weight?: number;
  /** Defaults to the rule's source. */
  source?: Source;
  /** Answer fields behind this reason. */
  fields?: string[];
}

export interface FindingOutput<Id extends string = string> {
  messageId: Id;
  data?: MessageData;
  severity: FindingSeverity;
  fields?: string[];
  irreversible?: boolean;
  source?: Source;
  /** Keep the finding only when the chosen (or provisional) CNI is one of these. */
  when?: readonly PrimaryCni[];
}

export interface RuleOutput<Id extends string = string> {
  reasons?: ReasonOutput<Id>[];
  findings?: FindingOutput<Id>[];
}

/**
 * A rule is data: an id, message templates keyed by message id ({{name}} placeholders),
 * a default source, and a pure check. Modelled on typescript-eslint rule meta.messages.
 */
export interface Rule<Id extends string = string> {
  id: string;
  description: string;
  messages: Readonly<Record<Id, string>>;
  source: Source;
  check(ctx: RuleContext): RuleOutput<NoInfer<Id>>;
  /** Optional second pass over the ranking, for findings about the outcome (nothing fits, forced choice). */
  review?(ctx: RuleContext, ranked: RankedView): FindingOutput<NoInfer<Id>>[];
}

/**
 * Declares a rule with message ids typed by its own `messages`: a reason or finding naming an id the rule
 * does not define fails to compile.
 */
/** Outputs typed by a rule's message table: `ReasonOf<typeof MESSAGES>`. */
export type ReasonOf<M> = ReasonOutput<Extract<keyof M, string>>;
export type FindingOf<M> = FindingOutput<Extract<keyof M, string>>;

export function defineRule<Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

/** A kernel floor the nodes must meet, as the decision judged it; preflight.sh checks exactly these. */
export interface KernelCheck {
  /** Kernel version compared with `uname -r` (distribution suffix ignored). */
  kernel: string;
  compare: 'atLeast' | 'above';
  /** FAIL: the decision relies on it; WARN: the decision accepted an older kernel with a warning. */
  severity: 'FAIL' | 'WARN';
  what: string;
  fix: string;
  source: Source;
  /** The rule whose judgement this check repeats on the node. */
  setBy: string;
}

/**
 * What the engine resolved for the CNI it picked (or was told to use): every output reads this instead of
 * deriving again. `setBy` names the rule behind each resolved choice.
 */
export interface DecisionPlan {
  cni: PrimaryCni;
  release: ResolvedRelease;
  /** Chart versions the release bundles (null: not bundled). */
  charts: Readonly<Record<ChartName, string | null>>;
  /** Oldest node kernel as the engine read it (typed, or the OS preset's). */
  kernel: KernelVersion | null;
  /** RHEL 8.10 kernel with eBPF backports: Cilium accepts 4.18. */
  rhel8Backports: boolean;
  cilium: DerivedFacts['cilium'];
  multus: boolean;
  extras: Answers['extras']['mode'];
  rancher: boolean;
  singleNode: boolean;
  ipv4: boolean;
  ipv6: boolean;
  windowsNodes: boolean;
  /** Cilium kube-proxy replacement (kubeProxyReplacement: true). */
  ciliumKpr: boolean;
  /** Calico eBPF dataplane (replaces kube-proxy; from the calicoEbpf gate). */
  calicoEbpf: boolean;
  /** disable-kube-proxy: true in config.yaml. */
  replacesKubeProxy: boolean;
  /** Encryption the chosen CNI actually applies ('none' when it cannot). */
  encryption: Answers['security']['encryption'];
  bgp: boolean;
  /** Cilium native routing (IPv6-only or AWS ENI) instead of a VXLAN tunnel. */
  ciliumNativeRouting: boolean;
  encapsulation: Encapsulation;
  mtu: MtuPlan;
  /** Calico: re-enable hardware checksum offload (kernel above the bug). */
  checksumOffload: boolean;
  /** Cilium + Multus on a release whose chart still defaults cni.exclusive: true. */
  ciliumExclusiveFalse: boolean;
  /** profile: value for config.yaml and Rancher, or null without the CIS profile. */
  profile: ProfileValue | null;
  kernelChecks: KernelCheck[];
  /** Which rule set each resolved choice. */
  setBy: Readonly<Record<PlanChoice, string>>;
}

export type PlanChoice =
  'encryption' | 'replacesKubeProxy' | 'checksumOffload' | 'ciliumExclusiveFalse' | 'profile' | 'mtu' | 'encapsulation';
