import type { BundleInputFile } from './index';
import { getPath, isMapping } from './issues';
import { clusterFacts, isAnswersFile, parseManifests, valuesSites } from './manifest-sites';
import { parseAnswersText } from '../answers';
import { evaluate } from '../engine/evaluate';
import {
  affectedText,
  fixedText,
  knownIssuesBetween,
  knownIssuesFor,
  subjectFromAnswers,
  subjectFromPlan,
  type KnownIssueMatch,
} from '../known-issues';
import type { KnownIssueSubject } from '../known-issues/types';
import { chartVersion, type ResolvedRelease } from '../rke2/releases';
import { mergedValues } from './chart-defaults';
import { ciliumEffectiveValues } from './chart-values';
import { CHART_NAME, PRIMARY_CNIS, type PrimaryCni } from '../facts/cni-names';

/**
 * A known issue of a release that applies to the files (the known-issues registry fills these; the
 * report only carries them so the CLI and the page can show "affected / fixed in" and the link).
 */
export interface KnownIssueRef {
  id: string;
  title: string;
  url: string;
  /** "affects v1.33.0+rke2r1 to v1.33.6+rke2r1" on the release's own minor line. */
  affected: string;
  /** "fixed in …", or where the fix is when the line has none. */
  fixed: string;
  fixedIn?: string;
  workaround: string;
}

/**
 * Which configuration the files describe, for the known-issue registry: our answers.yaml when it is among
 * them (judged at the release being checked), else what config.yaml and the CNI chart values say.
 */
export function subjectOfFiles(files: readonly BundleInputFile[], release: ResolvedRelease): KnownIssueSubject {
  const answersFile = files.find(isAnswersFile);
  if (answersFile) {
    const parsed = parseAnswersText(answersFile.contents);
    if (parsed.ok) {
      const answers = { ...parsed.answers, cluster: { ...parsed.answers.cluster, release: release.requested.text } };
      const plan = evaluate(answers).plan;
      return plan ? subjectFromPlan(plan, answers) : subjectFromAnswers(answers);
    }
  }
  // Only the files that can say something here are parsed again (config.yaml and Cilium's values): the doctor
  // already spent its work budget on the rest.
  const manifests = parseManifests(
    files.filter(
      (f) =>
        typeof f.path === 'string' &&
        typeof f.contents === 'string' &&
        (/(^|\/)config\.yaml(\.d\/[^/]+\.ya?ml)?$/.test(f.path) || f.contents.includes(CHART_NAME.cilium)),
    ),
  );
  const cluster = clusterFacts(manifests);
  const cni = (cluster.cni ?? []).map((c) => c.trim());
  const primary = (cni.find((c) => (PRIMARY_CNIS as readonly string[]).includes(c)) as PrimaryCni | undefined) ?? null;
  const cidr = cluster.clusterCidr ?? '';
  const v6 = cidr.includes(':');
  const v4 = cidr === '' || cidr.includes('.');
  const profile = manifests.some((m) => {
    const doc = m.docs[0];
    return /(^|\/)config\.yaml$/.test(m.path) && isMapping(doc) && typeof doc.profile === 'string';
  });
  // What the bundled rke2-cilium renders with: its own defaults (that exact version) with the files' values over them.
  const ciliumChart = chartVersion(release, CHART_NAME.cilium);
  const ciliumUser = valuesSites(manifests).find((s) => s.chart === CHART_NAME.cilium)?.values ?? {};
  const cilium = ciliumEffectiveValues(mergedValues(CHART_NAME.cilium, ciliumChart, ciliumUser), { ciliumChart }) ?? {};
  const kpr = getPath(cilium, 'kubeProxyReplacement');
  const encryption = getPath(cilium, 'encryption.enabled') === true ? getPath(cilium, 'encryption.type') : null;
  return {
    cni: primary,
    multus: cni.includes('multus'),
    ipFamily: v4 && v6 ? 'dual' : v6 ? 'ipv6' : 'ipv4',
    windowsNodes: false,
    cisProfile: profile,
    kubeProxyReplacement: kpr === true || kpr === 'true' || kpr === 'strict',
    encryption: encryption === 'wireguard' || encryption === 'ipsec' ? encryption : 'none',
    observability: getPath(cilium, 'hubble.enabled') === true,
    nativeRouting: getPath(cilium, 'routingMode') === 'native',
  };
}

function toRef(m: KnownIssueMatch): KnownIssueRef {
  return {
    id: m.issue.id,
    title: m.issue.title,
    url: m.issue.links[0]?.url ?? '',
    affected: affectedText(m),
    fixed: fixedText(m),
    ...(m.fixedIn ? { fixedIn: m.fixedIn } : {}),
    workaround: m.issue.workaround,
  };
}

/** The bugs and upgrade risks of one release that apply to the files. */
export function knownIssuesOfFiles(files: readonly BundleInputFile[], release: ResolvedRelease): KnownIssueRef[] {
  const subject = subjectOfFiles(files, release);
  return knownIssuesFor({ release, subject, kinds: ['bug', 'upgrade'] }).map(toRef);
}

/** What an upgrade crosses for the files: risks of leaving `from`, and bugs present at `to`. */
export function knownIssuesAcrossFiles(
  files: readonly BundleInputFile[],
  from: ResolvedRelease,
  to: ResolvedRelease,
): KnownIssueRef[] {
  const across = knownIssuesBetween(from, to, { subject: subjectOfFiles(files, to) });
  if (!across) return [];
  return [...across.upgradeRisks, ...across.introduced, ...across.remaining].map(toRef);
}
