import type { ChartName, PrimaryCni } from '../facts/cni-names';
import type { Encryption, IpFamily } from '../answers/types';
import type { Source } from '../sources';

/**
 * What a known issue is judged against: the cluster as planned (or as read from a user's files).
 * A consumer that only has files fills what it knows and leaves the rest false/null.
 */
export interface KnownIssueSubject {
  /** Primary CNI; null when unknown (then only entries about no particular CNI match). */
  cni: PrimaryCni | null;
  /** Multus first in `cni` (Multus or SR-IOV secondary interfaces). */
  multus: boolean;
  ipFamily: IpFamily;
  windowsNodes: boolean;
  /** A CIS `profile:` is set. */
  cisProfile: boolean;
  /** kube-proxy is replaced (Cilium kube-proxy replacement or the Calico eBPF dataplane). */
  kubeProxyReplacement: boolean;
  /** Encryption the CNI actually applies. */
  encryption: Encryption;
  /** Observability asked for (Hubble with Cilium). */
  observability: boolean;
  /** Cilium routes natively instead of tunnelling (IPv6-only or AWS ENI). */
  nativeRouting: boolean;
}

/**
 * Which releases an entry affects, in one of two forms. Every version named is a row of the release table
 * (src/domain/rke2/releases.ts); a test holds the registry to that.
 */
export type AffectedSpec =
  | {
      kind: 'releases';
      /**
       * First affected release per minor line. A release on a listed line is affected from that patch; a line
       * newer than every listed one from its first release; an older line not at all. Absent: every release
       * before the fix (upstream dates no start).
       */
      since?: readonly string[];
      /** First fixed release per minor line, same rule: lines newer than every listed one are fixed; older lines have no fix. Absent: not fixed. */
      fixedIn?: readonly string[];
      /** Last affected release when upstream names only the release it was seen on and no fix. */
      through?: string;
    }
  | {
      kind: 'chart';
      /** Affected while the release bundles this chart at a version in [from, fixed). */
      chart: ChartName;
      from?: string;
      fixed?: string;
    };

export type KnownIssueKind =
  /** A bug: something that should work does not. */
  | 'bug'
  /** A value or behaviour that changed under existing files (by design, so no fix: adapt the files). */
  | 'change'
  /** Hits when upgrading a cluster that runs an affected release. */
  | 'upgrade';

export interface KnownIssue {
  /** Stable id, kebab-case. */
  id: string;
  /** What the user sees, in their words. */
  title: string;
  kind: KnownIssueKind;
  /** When upstream confirmed it (YYYY-MM). */
  date: string;
  /** Which configuration it concerns, in words (the predicate below says it in code). */
  concerns: string;
  /** True when the entry applies to this configuration. */
  applies: (s: KnownIssueSubject) => boolean;
  affected: AffectedSpec;
  /** Said beside the affected range when upstream leaves part of it open (e.g. no first affected release dated). */
  rangeNote?: string;
  /** What to do about it. */
  workaround: string;
  /** Upstream issue threads, release notes, chart diffs; the first is the main thread. */
  links: readonly Source[];
}

/** One entry judged for one release. */
export interface KnownIssueMatch {
  issue: KnownIssue;
  /** The release judged (canonical text). */
  release: string;
  /** First and last affected release of the table on the release's minor line. */
  affectedOnLine: { first: string; last: string } | null;
  /** First fixed release on the release's own minor line, after it; null when that line has none. */
  fixedIn: string | null;
  /** When the own line has no fix: the first later release (a newer minor) that is not affected; null when none is. */
  fixedOnNewerLine: string | null;
}

/** What crossing from one release to another does, for `upgrade`. */
export interface KnownIssuesAcross {
  from: string;
  to: string;
  /** Affected at `from`, not at `to`. */
  fixed: KnownIssueMatch[];
  /** Not affected at `from`, affected at `to` (judged at `to`). */
  introduced: KnownIssueMatch[];
  /** Affected at both ends (judged at `to`). */
  remaining: KnownIssueMatch[];
  /** Upgrade-kind entries that hit when leaving `from`. */
  upgradeRisks: KnownIssueMatch[];
}
