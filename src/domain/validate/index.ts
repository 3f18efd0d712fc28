import type { ValidationIssue } from './types';
import { IssueSink, getPath, isMapping, kindOf, nested, reporterFor, type Reporter } from './issues';
import { MAX_FILE_BYTES, isDuplicateKey, parseJson, parseYamlDocs } from './parse';
import { checkCniValue, type CniSelection } from './cni-list';
import { checkConfigKeys, mergeConfigs, asBool } from './rke2-config';
import {
  checkChartValues,
  ciliumEffectiveValues,
  ciliumLineFor,
  PACKAGED_CHARTS,
  replacesKubeProxy,
  isCniSelectedChart,
  type ValuesContext,
} from './chart-values';
import {
  checkBgp,
  checkHelmChart,
  checkHelmChartConfig,
  checkNetworkAttachmentDefinition,
  checkSriovNetwork,
  checkSriovNetworkNodePolicy,
  valuesOfHcc,
  type BundleFacts,
  type ManifestDoc,
} from './manifests';
import { resolveRelease, chartVersion, type ResolvedRelease } from '../rke2/releases';
import { mergedValues } from './chart-defaults';
import { GATES } from '../facts/gates';
import { describeGate } from '../rke2/version';
import { SOURCES } from '../sources';
import { checkObjectName } from './object-names';

export type { ValidationIssue } from './types';
export { MESSAGES, type DoctorMessageId } from './messages';

/** A file as the doctor reads it: a bundle-relative path and its text. */
export interface BundleInputFile {
  path: string;
  contents: string;
}

type Role = 'server-config' | 'agent-config' | 'answers' | 'manifests' | 'other';

interface ParsedFile {
  path: string;
  role: Role;
  docs: unknown[];
  /** Reporter for document i (multi-document files prefix key paths with "[i]"). */
  reportDoc: (i: number) => Reporter;
}

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function normalise(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function isConfigPath(path: string): boolean {
  const base = basename(path);
  return base === 'config.yaml' || /(^|\/)config\.yaml\.d\/[^/]+\.ya?ml$/.test(path);
}

function roleOf(path: string, docs: unknown[]): Role {
  const base = basename(path);
  if (/\.(ya?ml|json)$/i.test(base) === false) return 'other';
  if (base === 'answers.yaml' && !path.includes('/manifests/')) return 'answers';
  const looksLikeObject = docs.some((d) => isMapping(d) && ('kind' in d || 'apiVersion' in d));
  if (isConfigPath(path) && !looksLikeObject)
    return /(^|\/)[^/]*(agent|windows)[^/]*\//i.test(path) ? 'agent-config' : 'server-config';
  return 'manifests';
}

/** True for files RKE2's deploy controller reads (the manifests directory), or hand-written HCC files in a plain folder. */
function isAddonFile(path: string, docs: unknown[]): boolean {
  if (path.includes('server/manifests/')) return true;
  return docs.some((d) => isMapping(d) && (d.kind === 'HelmChartConfig' || d.kind === 'HelmChart'));
}

function checkFileName(path: string, report: Reporter): void {
  const base = basename(path);
  if (!MANIFEST_EXTENSIONS.test(base)) {
    report('', 'file.extension', { name: base });
    return;
  }
  const stem = base.replace(MANIFEST_EXTENSIONS, '');
  const suggestion = `${
    stem
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'config'
  }.yaml`;
  if ((PACKAGED_CHARTS as readonly string[]).includes(stem))
    report('', 'file.namePackaged', { name: base, suggestion: `${stem}-config.yaml` });
  else if (stem.includes('_')) report('', 'file.nameUnderscore', { name: base, suggestion });
  else if (!DNS_SUBDOMAIN.test(stem) || stem.length > 253) report('', 'file.nameInvalid', { name: base, suggestion });
}

/**
 * The most work one run of the doctor does, whatever it is given: YAML/JSON text read and YAML nodes
 * built, over all files. A bundle is about 50 KB and a few thousand nodes; the budget holds a large
 * folder of manifests and keeps hostile input within seconds (`npm run bench`, issue 11).
 */
export const WORK_BUDGET = { bytes: 3 * 1024 * 1024, nodes: 600_000 } as const;

function parseFiles(files: readonly BundleInputFile[], sink: IssueSink): ParsedFile[] {
  const out: ParsedFile[] = [];
  let bytes = 0;
  let nodes = 0;
  let index = -1;
  for (const f of files) {
    index++;
    if (bytes > WORK_BUDGET.bytes || nodes > WORK_BUDGET.nodes) {
      reporterFor(sink, '')('', 'doctor.budgetExceeded', {
        bytes: WORK_BUDGET.bytes,
        nodes: WORK_BUDGET.nodes,
        checked: index,
        total: files.length,
      });
      break;
    }
    const path = normalise(typeof f.path === 'string' ? f.path : '');
    const text = typeof f.contents === 'string' ? f.contents : '';
    const report = reporterFor(sink, path);
    // "<name>.skip" is how RKE2 is told to skip a packaged manifest: deliberate, not a mistake.
    if (
      path.includes('server/manifests/') &&
      !MANIFEST_EXTENSIONS.test(basename(path)) &&
      !basename(path).endsWith('.skip')
    ) {
      report('', 'file.extension', { name: basename(path) });
      continue;
    }
    if (!/\.(ya?ml|json)$/i.test(path)) continue;
    if (text.length > MAX_FILE_BYTES) {
      report('', 'file.tooLarge', { size: text.length, limit: MAX_FILE_BYTES });
      continue;
    }
    bytes += text.length;
    let docs: unknown[];
    if (/\.json$/i.test(path)) {
      const parsed = parseJson(text);
      if (!parsed.ok) {
        report('', 'file.jsonSyntax', { reason: parsed.reason });
        continue;
      }
      docs = [parsed.value];
    } else {
      const parsed = parseYamlDocs(text);
      nodes += parsed.nodes ?? 0;
      if (!parsed.ok) {
        report('', isDuplicateKey(parsed.reason) ? 'file.duplicateKey' : 'file.yamlSyntax', { reason: parsed.reason });
        continue;
      }
      docs = parsed.docs;
    }
    const multi = docs.length > 1;
    out.push({
      path,
      role: roleOf(path, docs),
      docs,
      reportDoc: (i) => reporterFor(sink, path, multi ? `[${i}]` : ''),
    });
  }
  return out;
}

function releaseFromAnswers(files: ParsedFile[]): ResolvedRelease | null {
  for (const f of files) {
    if (f.role !== 'answers') continue;
    const resolved = resolveRelease(getPath(f.docs[0], 'cluster.release'));
    if (resolved.ok) return resolved.release;
  }
  return null;
}

interface KubeProxySide {
  /** disable-kube-proxy as configured, with where to report about it. */
  disabled: boolean;
  report: Reporter;
}

const REPLACEMENT_TEXT: Record<string, string> = {
  'rke2-cilium': 'kubeProxyReplacement: true with k8sServiceHost/k8sServicePort',
  'rke2-calico': 'installation.calicoNetwork.linuxDataplane: BPF with kubernetesServiceEndpoint',
};

/** disable-kube-proxy must be true exactly when the primary CNI's values replace kube-proxy. */
function checkKubeProxy(
  side: KubeProxySide,
  cni: CniSelection,
  primaryValues: unknown | undefined,
  ctx: ValuesContext,
): void {
  if (cni.primary === 'none') return; // the user's own CNI may replace kube-proxy
  const chart = `rke2-${cni.primary}`;
  const replacement = REPLACEMENT_TEXT[chart] ?? 'only rke2-cilium or rke2-calico (eBPF) can replace kube-proxy';
  const replaces = primaryValues !== undefined && replacesKubeProxy(chart, primaryValues, ctx);
  if (side.disabled && !replaces) {
    if (primaryValues === undefined && REPLACEMENT_TEXT[chart])
      side.report('disable-kube-proxy', 'kubeProxy.replacementNotSeen', { chart, replacement });
    else side.report('disable-kube-proxy', 'kubeProxy.disabledWithoutReplacement', { chart, replacement });
  }
  if (!side.disabled && replaces)
    side.report('disable-kube-proxy', 'kubeProxy.replacementWithoutDisable', { chart, replacement });
}

/** What the doctor is told besides the files. */
export interface ValidateOptions {
  /** Judge the files against this release (wins over answers.yaml's cluster.release). */
  release?: ResolvedRelease;
}

function run(files: readonly BundleInputFile[], options: ValidateOptions): ValidationIssue[] {
  const sink = new IssueSink();
  const parsed = parseFiles(files, sink);
  const release = options.release ?? releaseFromAnswers(parsed);

  // Server config: config.yaml, then config.yaml.d/* in name order, as RKE2 merges them.
  const serverFiles: { file: string; value: Record<string, unknown> }[] = [];
  for (const f of [...parsed].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (f.role !== 'server-config' && f.role !== 'agent-config') continue;
    f.docs.forEach((doc, i) => {
      if (
        checkConfigKeys(doc, f.reportDoc(i), f.role === 'agent-config' ? 'agent' : 'server', release) &&
        f.role === 'server-config'
      ) {
        serverFiles.push({ file: f.path, value: doc });
      }
    });
  }
  const merged = mergeConfigs(serverFiles);

  // Every manifest document, by kind.
  const docs: { doc: ManifestDoc; kind: string }[] = [];
  for (const f of parsed) {
    if (f.role !== 'manifests') continue;
    if (isAddonFile(f.path, f.docs)) checkFileName(f.path, reporterFor(sink, f.path));
    // Outside the manifests directory, YAML that is plainly not Kubernetes (Helm values, Ansible vars) is left alone.
    const strict =
      f.path.includes('server/manifests/') || f.docs.some((d) => isMapping(d) && ('kind' in d || 'apiVersion' in d));
    f.docs.forEach((value, i) => {
      const report = f.reportDoc(i);
      if (!isMapping(value)) {
        if (strict) report('', 'manifest.notObject', { found: kindOf(value) });
        return;
      }
      if (typeof value.kind !== 'string') {
        if (strict) report('kind', 'manifest.kindMissing');
        return;
      }
      docs.push({ doc: { file: f.path, value, report }, kind: value.kind });
    });
  }
  const ofKind = (kind: string): ManifestDoc[] => docs.filter((d) => d.kind === kind).map((d) => d.doc);
  const rancherClusters = ofKind('Cluster').filter((d) =>
    String(d.value.apiVersion ?? '').startsWith('provisioning.cattle.io/'),
  );

  // The effective cni: the server config's, else the Rancher fragment's (Rancher defaults to calico).
  let cni: CniSelection | null = null;
  const cniEntry = merged.get('cni');
  if (serverFiles.length) {
    cni = checkCniValue(
      cniEntry?.value,
      nested(reporterFor(sink, cniEntry?.file ?? serverFiles[0]!.file), cniEntry?.key ?? 'cni'),
    );
  }
  const chartValuesByName = new Map<string, unknown>();
  for (const cluster of rancherClusters) {
    const mgc = getPath(cluster.value, 'spec.rkeConfig.machineGlobalConfig');
    const mgcReport = nested(cluster.report, 'spec.rkeConfig.machineGlobalConfig');
    if (isMapping(mgc)) checkConfigKeys(mgc, mgcReport, 'server', release);
    if (!isMapping(mgc) || mgc.cni === undefined) mgcReport('cni', 'rancher.cniDefault');
    const rancherCni = checkCniValue(isMapping(mgc) ? mgc.cni : undefined, nested(mgcReport, 'cni'), 'calico');
    if (!serverFiles.length) cni = rancherCni;
    const cv = getPath(cluster.value, 'spec.rkeConfig.chartValues');
    if (isMapping(cv)) for (const [name, v] of Object.entries(cv)) chartValuesByName.set(name, v);
  }

  // Chart values seen anywhere in the bundle (HCCs, then Rancher chartValues).
  const hccValuesByName = new Map<string, { values: Record<string, unknown> | null; doc: ManifestDoc }>();
  for (const doc of ofKind('HelmChartConfig')) {
    const name = getPath(doc.value, 'metadata.name');
    if (typeof name === 'string') hccValuesByName.set(name, { values: valuesOfHcc(doc.value), doc });
  }
  const valuesOf = (chart: string): Record<string, unknown> | undefined => {
    const v = chartValuesByName.get(chart) ?? hccValuesByName.get(chart)?.values;
    return isMapping(v) ? v : undefined;
  };

  const clusterCidrRaw =
    merged.get('cluster-cidr')?.value ??
    (rancherClusters[0]
      ? getPath(rancherClusters[0].value, 'spec.rkeConfig.machineGlobalConfig.cluster-cidr')
      : undefined);
  const ciliumChart = release ? chartVersion(release, 'rke2-cilium') : null;
  const values: ValuesContext = {
    ciliumLine: ciliumLineFor(ciliumChart),
    ciliumChart,
    calicoChart: release ? chartVersion(release, 'rke2-calico') : null,
    flannelChart: release ? chartVersion(release, 'rke2-flannel') : null,
    multusChart: release ? chartVersion(release, 'rke2-multus') : null,
    clusterCidr: typeof clusterCidrRaw === 'string' ? clusterCidrRaw : null,
  };
  const facts: BundleFacts = {
    cni,
    values,
    multusValues: valuesOf('rke2-multus') ?? null,
    sriovResourceNames: ofKind('SriovNetworkNodePolicy')
      .map((d) => getPath(d.value, 'spec.resourceName'))
      .filter((n): n is string => typeof n === 'string'),
    rancherChartValues: new Set(chartValuesByName.keys()),
    helmChartNames: new Set(
      ofKind('HelmChart')
        .map((d) => getPath(d.value, 'metadata.name'))
        .filter((n): n is string => typeof n === 'string'),
    ),
  };

  for (const { doc, kind } of docs) {
    checkObjectName(doc, kind);
    if (kind === 'HelmChartConfig') checkHelmChartConfig(doc, facts);
    else if (kind === 'HelmChart') checkHelmChart(doc);
    else if (kind === 'NetworkAttachmentDefinition') checkNetworkAttachmentDefinition(doc, facts);
    else if (kind === 'SriovNetworkNodePolicy') checkSriovNetworkNodePolicy(doc);
    else if (kind === 'SriovNetwork') checkSriovNetwork(doc, facts);
    else if (kind === 'BGPPeer' || kind === 'BGPConfiguration') checkBgp(kind, doc);
  }

  for (const cluster of rancherClusters) {
    const cv = getPath(cluster.value, 'spec.rkeConfig.chartValues');
    if (!isMapping(cv)) continue;
    for (const [name, v] of Object.entries(cv)) {
      const report = nested(cluster.report, `spec.rkeConfig.chartValues.${name}`);
      if (cni && isCniSelectedChart(name) && !cni.enabledCharts.has(name))
        report('', 'rancher.chartValuesDisabled', { name, cni: cni.text });
      checkChartValues(name, v, report, values);
    }
  }

  // Cross-file: kube-proxy, and Cilium's exclusive mode with Multus on older releases.
  if (cni) {
    const primaryValues = cni.primary === 'none' ? undefined : valuesOf(`rke2-${cni.primary}`);
    if (serverFiles.length) {
      const entry = merged.get('disable-kube-proxy');
      checkKubeProxy(
        { disabled: asBool(entry?.value), report: reporterFor(sink, entry?.file ?? serverFiles[0]!.file) },
        cni,
        primaryValues,
        values,
      );
    } else {
      for (const cluster of rancherClusters) {
        const disabled = asBool(getPath(cluster.value, 'spec.rkeConfig.machineGlobalConfig.disable-kube-proxy'));
        checkKubeProxy(
          { disabled, report: nested(cluster.report, 'spec.rkeConfig.machineGlobalConfig') },
          cni,
          primaryValues,
          values,
        );
      }
    }
    if (
      release &&
      cni.primary === 'cilium' &&
      cni.multus &&
      // The bundled chart's own cni.exclusive default (true before rke2-cilium 1.18.300), with the user's value over it.
      getPath(
        ciliumEffectiveValues(mergedValues('rke2-cilium', ciliumChart, primaryValues ?? {}), values),
        'cni.exclusive',
      ) !== false
    ) {
      const hcc = hccValuesByName.get('rke2-cilium');
      if (hcc)
        hcc.doc.report('spec.valuesContent.cni.exclusive', 'cilium.multusNeedsNonExclusive', {
          release: release.requested.text,
          gates: describeGate(GATES.ciliumMultusNoExclusive),
        });
      else if (cniEntry)
        reporterFor(sink, cniEntry.file)(cniEntry.key, 'cilium.multusNeedsNonExclusive', {
          release: release.requested.text,
          gates: describeGate(GATES.ciliumMultusNoExclusive),
        });
    }
  }
  return sink.issues;
}

/**
 * The bundle doctor: checks a bundle (generated or hand-written) against RKE2's own rules, the charts'
 * values and schemas, and the CRDs. Pure; never throws, whatever the input.
 */
export function validateBundle(files: readonly BundleInputFile[], options: ValidateOptions = {}): ValidationIssue[] {
  try {
    if (!Array.isArray(files)) return [];
    return run(files, options ?? {});
  } catch (error) {
    return [
      {
        file: '',
        keyPath: '',
        messageId: 'doctor.internalError',
        severity: 'error',
        source: SOURCES.helmAddons,
        message: `The bundle doctor failed on this bundle (${error instanceof Error ? error.message : String(error)}); its result cannot be trusted. Please report this.`,
      },
    ];
  }
}

/** True when no issue is an error (warnings allowed). */
export function isBundleValid(issues: readonly ValidationIssue[]): boolean {
  return issues.every((i) => i.severity !== 'error');
}
