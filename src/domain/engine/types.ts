import type { Source } from '../sources';
import type { PrimaryCni } from '../cni/vocabulary';
import type { Answers } from '../answers/types';
import type { ResolvedRelease } from '../rke2/releases';

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
  /** Multus is added first in the `cni` list (Multus or SR-IOV asked for). */
  multus: boolean;
  blocking: Finding[];
  warnings: Finding[];
  notes: Finding[];
}

/** What a rule sees. Derived values are computed once in evaluate(). */
export interface RuleContext {
  answers: Answers;
  release: ResolvedRelease;
}

export interface ReasonOutput {
  cni: PrimaryCni;
  messageId: string;
  data?: MessageData;
  effect: ReasonEffect;
  /** Defaults by effect: excludes -1000, discourages -30, favours +20, info 0. */
  weight?: number;
  /** Defaults to the rule's source. */
  source?: Source;
}

export interface FindingOutput {
  messageId: string;
  data?: MessageData;
  severity: FindingSeverity;
  fields?: string[];
  irreversible?: boolean;
  source?: Source;
}

export interface RuleOutput {
  reasons?: ReasonOutput[];
  findings?: FindingOutput[];
}

/**
 * A rule is data: an id, message templates keyed by message id ({{name}} placeholders),
 * a default source, and a pure check. Modelled on typescript-eslint rule meta.messages.
 */
export interface Rule {
  id: string;
  description: string;
  messages: Readonly<Record<string, string>>;
  source: Source;
  check(ctx: RuleContext): RuleOutput;
}
