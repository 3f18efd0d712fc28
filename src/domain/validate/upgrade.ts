import { dump } from 'js-yaml';
import { validateBundle, type BundleInputFile } from './index';
import type { ValidationIssue } from './types';
import { releaseFor, type KnownIssueRef, type ReleaseUsed } from './check';
import { getPath } from './issues';
import { rewriteValues, type RewriteNote } from './rewrite';
import { unifiedDiff } from './unified-diff';
import { knownIssuesAcrossFiles } from './known-issues-of-files';
import { clusterFacts, normalisePath, parseManifests, valuesSites, type ParsedManifest } from './manifest-sites';
import { DUMP_OPTIONS } from '../generators/yaml';
import { formatMessage } from '../engine/format-message';
import type { MessageData } from '../engine/types';
import { CHART_ERAS, ciliumEraFor } from '../facts/chart-eras';
import { chartDefaults, defaultAt } from './chart-defaults';
import { DEFAULT_KEYS } from './chart-default-keys';
import { parseChartVersion } from '../facts/chart-version';
import { CHART_NAME, type ChartName } from '../facts/cni-names';
import { GATES } from '../facts/gates';
import { compareVersions, describeGate } from '../rke2/version';
import { defaultAnswers } from '../answers/defaults';
import { SOURCES, type Source } from '../sources';

/** What an upgrade does to one key: the target chart rejects it, ignores it, or its default changed. */
export type UpgradeFindingKind = 'rejects' | 'ignores' | 'default-changed' | 'other';

export interface UpgradeFinding {
  file: string;
  keyPath: string;
  kind: UpgradeFindingKind;
  messageId: string;
  message: string;
  severity: 'error' | 'warning';
  source?: Source;
  /** True when the mechanical rewrite (`--write`) settles it. */
  rewritten: boolean;
}

export interface ChartChange {
  chart: ChartName;
  from: string | null;
  to: string | null;
  /** The chart's upstream minor (or major) version changes. */
  minorJump: boolean;
  /** A minor jump inside an RKE2 patch upgrade: nobody expects it. */
  hiddenInPatch: boolean;
}

export interface RewrittenFile {
  path: string;
  before: string;
  after: string;
  diff: string;
  changes: (RewriteNote & { file: string; fullKeyPath: string })[];
}

export interface UnrewrittenItem {
  file: string;
  keyPath: string;
  reason: string;
  source?: Source;
}

export interface UpgradeReport {
  from: ReleaseUsed;
  to: ReleaseUsed;
  /** 'patch' within one minor line, 'minor' to the next. */
  step: 'patch' | 'minor';
  charts: ChartChange[];
  findings: UpgradeFinding[];
  rewrites: RewrittenFile[];
  /** Every rewritten file's diff, concatenated. */
  diff: string;
  unrewritten: UnrewrittenItem[];
  /** The doctor's findings for the files as they are, against the source release. */
  before: ValidationIssue[];
  /** The doctor's findings for the rewritten files, against the target release. */
  after: ValidationIssue[];
  /** Known issues of the target release that apply; attached by the known-issues registry. */
  knownIssues?: readonly KnownIssueRef[];
}

export type UpgradeRefusal = 'bad-release' | 'downgrade' | 'same-release' | 'skipped-minor';
export type UpgradeResult =
  { ok: true; report: UpgradeReport } | { ok: false; refusal: UpgradeRefusal; message: string; source?: Source };

const UPGRADE_MESSAGES = {
  'upgrade.exclusiveDefault': {
    severity: 'warning',
    template:
      'rke2-cilium {{to}} changes its default cni.exclusive from {{old}} to {{new}} (rke2-cilium {{from}} had {{old}}; {{gates}}): Cilium stops renaming other CNI configs in /etc/cni/net.d. Nothing to do with Multus; if you relied on Cilium owning /etc/cni/net.d alone, set cni.exclusive: true.',
    source: SOURCES.multusCiliumIssue,
  },
  'upgrade.exclusiveRedundant': {
    severity: 'warning',
    template:
      'cni.exclusive: {{value}} becomes the rke2-cilium default in {{to}} ({{gates}}); the key is now redundant and can go.',
    source: SOURCES.multusCiliumIssue,
  },
  'upgrade.portmapDefault': {
    severity: 'warning',
    template:
      'rke2-cilium {{to}} defaults cni.chainingMode to {{new}} (rke2-cilium {{from}}: {{old}}; hostPort then works without kube-proxy replacement). With kubeProxyReplacement: true, the RKE2 docs set cni.chainingMode: "none".',
    source: CHART_ERAS.ciliumPortmapDefault.source,
  },
  'upgrade.portmapRedundant': {
    severity: 'warning',
    template: 'cni.chainingMode: {{value}} becomes the rke2-cilium default in {{to}}; the key is now redundant.',
    source: CHART_ERAS.ciliumPortmapDefault.source,
  },
  'upgrade.flannelPortDefault': {
    severity: 'warning',
    template:
      'rke2-flannel {{to}} changes its default flannel.backendPort from {{old}} to {{new}} (rke2-flannel {{from}}: {{old}}, where flannel picks its own port, UDP 8472 for VXLAN). Open UDP {{new}} between all nodes before upgrading, or set flannel.backendPort to keep the old port.',
    source: SOURCES.flannelValues,
  },
  'upgrade.defaultRedundant': {
    severity: 'warning',
    template:
      '{{key}}: {{value}} becomes the default of {{chart}} {{to}} ({{from}}: {{old}}); the key is now redundant.',
    source: SOURCES.helmAddons,
  },
  'upgrade.firstFoundRedundant': {
    severity: 'warning',
    template:
      'From rke2-calico {{to}} the chart template sets firstFound only when you give no method, so "firstFound: false" (the workaround for a second method) is no longer needed.',
    source: CHART_ERAS.calicoAutodetectFromTemplate.source,
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; template: string; source: Source }>;
type UpgradeMessageId = keyof typeof UPGRADE_MESSAGES;

/** Doctor findings that mean "the chart no longer reads this key". */
const IGNORES = new Set([
  'cilium.wrapperKey',
  'cilium.flatOnOldChart',
  'cilium.userspaceFallbackRemoved',
  'values.unknownKey',
  'schema.unknownKey',
  'flannel.ifaceKey',
]);
/** Doctor findings that mean "the chart fails to render or the component refuses it". */
const REJECTS = new Set([
  'cilium.kprInvalid',
  'cilium.legacyTunnel',
  'cilium.legacyEncryptionKey',
  'schema.type',
  'schema.enum',
  'schema.required',
  'schema.pattern',
  'schema.range',
  'schema.invalid',
  'calico.autodetectTwoMethods',
]);

const issueKey = (i: { file: string; keyPath: string; messageId: string }) => `${i.file}|${i.keyPath}|${i.messageId}`;

function docPrefix(m: ParsedManifest, docIndex: number): string {
  return m.docs.length > 1 ? `[${docIndex}].` : '';
}

function joinKey(prefix: string, path: string, rel: string): string {
  return `${prefix}${path}${rel ? `.${rel}` : ''}`;
}

function chartMinor(v: string | null): string | null {
  const p = parseChartVersion(v);
  return p ? `${p.major}.${p.minor}` : null;
}

function message(
  id: UpgradeMessageId,
  data: MessageData,
): { message: string; severity: 'error' | 'warning'; source: Source } {
  const m = UPGRADE_MESSAGES[id];
  return { message: formatMessage(m.template, data), severity: m.severity, source: m.source };
}

function refuse(from: ReleaseUsed, to: ReleaseUsed): UpgradeResult | null {
  const a = from.resolved.requested;
  const b = to.resolved.requested;
  const cmp = compareVersions(a, b);
  if (cmp === 0)
    return {
      ok: false,
      refusal: 'same-release',
      message: `--from and --to are the same release (${a.text}); there is no upgrade to check. Use "validate --release ${a.text}" to check the files against it.`,
    };
  if (cmp > 0)
    return {
      ok: false,
      refusal: 'downgrade',
      message: `${a.text} → ${b.text} is a downgrade. RKE2 does not support downgrades in place; restore from an etcd snapshot taken on ${b.text} instead.`,
      source: SOURCES.upgradeOneMinor,
    };
  if (b.minor - a.minor > 1)
    return {
      ok: false,
      refusal: 'skipped-minor',
      message: `${a.text} → ${b.text} skips ${b.minor - a.minor - 1} minor version(s). RKE2 upgrades one minor at a time (Kubernetes version skew policy): upgrade to the newest v1.${a.minor + 1}.x first, then check that step.`,
      source: SOURCES.upgradeOneMinor,
    };
  return null;
}

function dumpDocs(docs: unknown[]): string {
  if (docs.length === 1) return dump(docs[0], DUMP_OPTIONS);
  return docs.map((d) => `---\n${dump(d, DUMP_OPTIONS)}`).join('');
}

function setAt(doc: Record<string, unknown>, path: string, value: unknown): void {
  // path is "spec.valuesContent", "spec.values" or "spec.rkeConfig.chartValues.<chart>" (chart names hold no dots).
  const parts = path.split('.');
  let node: Record<string, unknown> = doc;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

/**
 * The defaults whose change between two chart versions the upgrade reports. `changed` when the files leave the key
 * to the chart (only for keys whose default changes behaviour); `redundant` when the files set it to the new default.
 * The values come from the generated chart defaults, never from here.
 */
interface DefaultChange {
  chart: ChartName;
  /** The `cni` entry that selects the chart. */
  cni: string;
  path: string;
  changed?: UpgradeMessageId;
  redundant?: UpgradeMessageId;
  /** Only report `changed` when this holds for the old and new defaults. */
  when?: (old: unknown, now: unknown) => boolean;
  gates?: string;
}
const DEFAULT_CHANGES: readonly DefaultChange[] = [
  {
    chart: CHART_NAME.cilium,
    cni: 'cilium',
    path: 'cni.exclusive',
    changed: 'upgrade.exclusiveDefault',
    redundant: 'upgrade.exclusiveRedundant',
    gates: describeGate(GATES.ciliumMultusNoExclusive),
  },
  {
    chart: CHART_NAME.cilium,
    cni: 'cilium',
    path: 'cni.chainingMode',
    changed: 'upgrade.portmapDefault',
    redundant: 'upgrade.portmapRedundant',
    when: (_old, now) => now === 'portmap',
  },
  {
    chart: CHART_NAME.flannel,
    cni: 'flannel',
    path: 'flannel.backendPort',
    changed: 'upgrade.flannelPortDefault',
    // 0 lets flannel pick its port: only a move away from flannel's choice changes the wire.
    when: (old, now) => !old && !!now,
  },
  ...(['rke2-cilium', 'rke2-canal', 'rke2-flannel', 'rke2-multus'] as const).flatMap((chart) =>
    DEFAULT_KEYS[chart]
      .filter((path) => !['cni.exclusive', 'cni.chainingMode', 'flannel.backendPort'].includes(path))
      .map((path) => ({ chart, cni: chart.slice('rke2-'.length), path })),
  ),
];

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
function shown(v: unknown): string {
  return v === undefined ? '(unset)' : JSON.stringify(v);
}

/**
 * What upgrading from one RKE2 release to another does to the files: the keys the target charts reject
 * or ignore, defaults that change underneath them, every bundled CNI chart version change (minor jumps
 * inside a patch upgrade flagged), and the files rewritten where that is mechanical, with a unified diff.
 * Refuses downgrades and skipped minors. Pure; never throws on any input.
 */
export function upgradeFiles(files: readonly BundleInputFile[], options: { from: string; to: string }): UpgradeResult {
  const from = releaseFor(files, options.from);
  if (!from.ok) return { ok: false, refusal: 'bad-release', message: `--from: ${from.message}` };
  const to = releaseFor(files, options.to);
  if (!to.ok) return { ok: false, refusal: 'bad-release', message: `--to: ${to.message}` };
  const refused = refuse(from.release, to.release);
  if (refused) return refused;
  const fromR = from.release;
  const toR = to.release;
  const step = fromR.resolved.requested.minor === toR.resolved.requested.minor ? 'patch' : 'minor';

  const charts: ChartChange[] = [];
  for (const chart of Object.values(CHART_NAME)) {
    const a = fromR.charts[chart];
    const b = toR.charts[chart];
    if (a === b) continue;
    const minorJump = !!a && !!b && chartMinor(a) !== chartMinor(b);
    charts.push({ chart, from: a, to: b, minorJump, hiddenInPatch: minorJump && step === 'patch' });
  }

  const safeFiles = Array.isArray(files) ? files : [];
  const before = validateBundle(safeFiles, { release: fromR.resolved });
  const atTarget = validateBundle(safeFiles, { release: toR.resolved });
  const beforeKeys = new Set(before.map(issueKey));

  const manifests = parseManifests(safeFiles);
  const byPath = new Map(manifests.map((m) => [m.path, m]));
  const sites = valuesSites(manifests);
  const cluster = clusterFacts(manifests);
  const v4 = cluster.clusterCidr?.split(',').find((c) => c.includes('.'));
  const clusterCidrV4 = v4?.trim() ?? defaultAnswers().addressing.clusterCidrV4;

  // Rewrites, per site; documents are edited in place on copies of the parsed files.
  const unrewritten: UnrewrittenItem[] = [];
  const changesByFile = new Map<string, RewrittenFile['changes']>();
  for (const site of sites) {
    const m = byPath.get(site.file)!;
    const result = rewriteValues(site.chart, site.values, {
      chartVersion: toR.charts[site.chart as ChartName] ?? null,
      clusterCidrV4,
      clusterCidrKnown: !!v4,
    });
    const prefix = docPrefix(m, site.docIndex);
    for (const n of result.notRewritten)
      unrewritten.push({
        file: site.file,
        keyPath: joinKey(prefix, site.path, n.keyPath),
        reason: n.reason,
        source: n.source,
      });
    if (!result.applied.length) continue;
    const doc = m.docs[site.docIndex] as Record<string, unknown>;
    setAt(doc, site.path, site.path === 'spec.valuesContent' ? dump(result.values, DUMP_OPTIONS) : result.values);
    const list = changesByFile.get(site.file) ?? [];
    for (const a of result.applied) {
      const fullKeyPath = joinKey(prefix, site.path, a.keyPath);
      list.push({ ...a, file: site.file, fullKeyPath });
    }
    changesByFile.set(site.file, list);
  }
  const rewrites: RewrittenFile[] = [];
  for (const [path, changes] of changesByFile) {
    const m = byPath.get(path)!;
    const after = dumpDocs(m.docs);
    rewrites.push({ path, before: m.text, after, diff: unifiedDiff(path, m.text, after), changes });
  }
  rewrites.sort((a, b) => (a.path < b.path ? -1 : 1));
  const afterFiles = safeFiles.map((f) => {
    const r = rewrites.find((x) => x.path === normalisePath(String(f.path)));
    return r ? { path: f.path, contents: r.after } : f;
  });
  const after = rewrites.length ? validateBundle(afterFiles, { release: toR.resolved }) : atTarget;

  // Findings: what the target release says that the source release did not.
  const findings: UpgradeFinding[] = [];
  // Rewritten: a rewrite happened and the finding is gone from the rewritten files (a fixed HCC can also
  // settle a finding in config.yaml, e.g. disable-kube-proxy once kubeProxyReplacement is true).
  const afterKeys = new Set(after.map(issueKey));
  const isRewritten = (issue: ValidationIssue) => rewrites.length > 0 && !afterKeys.has(issueKey(issue));
  for (const issue of atTarget) {
    if (beforeKeys.has(issueKey(issue))) continue;
    const kind: UpgradeFindingKind = IGNORES.has(issue.messageId)
      ? 'ignores'
      : REJECTS.has(issue.messageId)
        ? 'rejects'
        : 'other';
    findings.push({
      file: issue.file,
      keyPath: issue.keyPath,
      kind,
      messageId: issue.messageId,
      message: issue.message,
      severity: issue.severity,
      ...(issue.source ? { source: issue.source } : {}),
      rewritten: isRewritten(issue),
    });
  }

  // Defaults that change underneath the files: the two exact chart versions' defaults (generated from their
  // values.yaml), diffed for the keys the files set (now redundant?) or leave to the chart (changed under them?).
  const usesChart = (chart: ChartName, cni: string) =>
    sites.some((s) => s.chart === chart) || (cluster.cni?.includes(cni) ?? false);
  const addDefault = (id: UpgradeMessageId, file: string, keyPath: string, data: MessageData) => {
    const m = message(id, data);
    findings.push({ file, keyPath, kind: 'default-changed', messageId: id, ...m, rewritten: false });
  };
  const configFile = manifests.find((m) => /(^|\/)config\.yaml$/.test(m.path))?.path ?? '';
  for (const rule of DEFAULT_CHANGES) {
    const from = fromR.charts[rule.chart];
    const to = toR.charts[rule.chart];
    if (!from || !to || from === to || !usesChart(rule.chart, rule.cni)) continue;
    // A change of layout (the rke2-cilium `cilium:` wrapper) moves every key; the doctor's own findings cover it.
    if (rule.chart === CHART_NAME.cilium && ciliumEraFor(from) !== ciliumEraFor(to)) continue;
    const old = defaultAt(rule.chart, from, rule.path);
    const now = defaultAt(rule.chart, to, rule.path);
    if (sameValue(old, now)) continue;
    const chartSites = sites.filter((s) => s.chart === rule.chart);
    const data = {
      from,
      to,
      old: shown(old),
      new: shown(now),
      key: rule.path,
      chart: rule.chart,
      gates: rule.gates ?? '',
    };
    const set = chartSites.find((s) => getPath(s.values, rule.path) !== undefined);
    if (set) {
      const value = getPath(set.values, rule.path);
      if (sameValue(value, now) && !sameValue(value, old))
        addDefault(
          rule.redundant ?? 'upgrade.defaultRedundant',
          set.file,
          joinKey(docPrefix(byPath.get(set.file)!, set.docIndex), set.path, rule.path),
          { ...data, value: shown(value) },
        );
      continue;
    }
    if (!rule.changed || (rule.when && !rule.when(old, now))) continue;
    const site = chartSites[0];
    const where = site
      ? { file: site.file, keyPath: joinKey(docPrefix(byPath.get(site.file)!, site.docIndex), site.path, rule.path) }
      : { file: configFile, keyPath: 'cni' };
    addDefault(rule.changed, where.file, where.keyPath, data);
  }
  const calicoFrom = fromR.charts['rke2-calico'];
  const calicoTo = toR.charts['rke2-calico'];
  const autodetectV4 = 'installation.calicoNetwork.nodeAddressAutodetectionV4';
  const fills = (v: string | null) =>
    chartDefaults(CHART_NAME.calico, v)?.filledByTemplate.includes(autodetectV4) ?? false;
  if (calicoTo && !fills(calicoFrom) && fills(calicoTo)) {
    for (const site of sites.filter((s) => s.chart === CHART_NAME.calico)) {
      const path = `${autodetectV4}.firstFound`;
      if (getPath(site.values, path) === false)
        addDefault(
          'upgrade.firstFoundRedundant',
          site.file,
          joinKey(docPrefix(byPath.get(site.file)!, site.docIndex), site.path, path),
          { to: calicoTo },
        );
    }
  }

  // What stays wrong after the rewrite and was not wrong before: named, with the reason and a source.
  for (const issue of after) {
    if (issue.severity !== 'error' || beforeKeys.has(issueKey(issue))) continue;
    if (unrewritten.some((u) => u.file === issue.file && u.keyPath === issue.keyPath)) continue;
    unrewritten.push({
      file: issue.file,
      keyPath: issue.keyPath,
      reason: issue.message,
      ...(issue.source ? { source: issue.source } : {}),
    });
  }

  const order: Record<UpgradeFindingKind, number> = { rejects: 0, ignores: 1, 'default-changed': 2, other: 3 };
  findings.sort((a, b) => (a.file === b.file ? order[a.kind] - order[b.kind] : a.file < b.file ? -1 : 1));
  return {
    ok: true,
    report: {
      from: fromR,
      to: toR,
      step,
      charts,
      findings,
      rewrites,
      diff: rewrites.map((r) => r.diff).join(''),
      unrewritten,
      before,
      after,
      knownIssues: knownIssuesAcrossFiles(safeFiles, fromR.resolved, toR.resolved),
    },
  };
}
