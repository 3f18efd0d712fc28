import type { BundleInputFile } from './index';
import { getPath, isMapping } from './issues';
import { parseYamlDocs, parseYamlOne } from './parse';
import { isCniChart } from './chart-values';

/** The YAML files of a check, parsed once, and where CNI chart values sit in them (HelmChartConfig or Rancher). */
/** Where one CNI chart's values live in the files. */
export interface ValuesSite {
  file: string;
  docIndex: number;
  chart: string;
  /** Path of the values inside the document ("spec.valuesContent", "spec.values", "spec.rkeConfig.chartValues.rke2-cilium"). */
  path: string;
  values: Record<string, unknown>;
}

export interface ParsedManifest {
  path: string;
  text: string;
  docs: unknown[];
}

export function normalisePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

export function parseManifests(files: readonly BundleInputFile[]): ParsedManifest[] {
  const out: ParsedManifest[] = [];
  for (const f of files) {
    if (typeof f.path !== 'string' || typeof f.contents !== 'string' || !/\.ya?ml$/i.test(f.path)) continue;
    const parsed = parseYamlDocs(f.contents);
    if (parsed.ok) out.push({ path: normalisePath(f.path), text: f.contents, docs: parsed.docs });
  }
  return out;
}

export function valuesSites(manifests: ParsedManifest[]): ValuesSite[] {
  const sites: ValuesSite[] = [];
  for (const m of manifests) {
    m.docs.forEach((doc, docIndex) => {
      if (!isMapping(doc)) return;
      const name = getPath(doc, 'metadata.name');
      if (doc.kind === 'HelmChartConfig' && typeof name === 'string' && isCniChart(name) && isMapping(doc.spec)) {
        if (typeof doc.spec.valuesContent === 'string') {
          const parsed = parseYamlOne(doc.spec.valuesContent);
          if (parsed.ok && isMapping(parsed.value))
            sites.push({ file: m.path, docIndex, chart: name, path: 'spec.valuesContent', values: parsed.value });
        }
        if (isMapping(doc.spec.values))
          sites.push({ file: m.path, docIndex, chart: name, path: 'spec.values', values: doc.spec.values });
      }
      const chartValues = getPath(doc, 'spec.rkeConfig.chartValues');
      if (doc.kind === 'Cluster' && isMapping(chartValues))
        for (const [chart, v] of Object.entries(chartValues))
          if (isCniChart(chart) && isMapping(v))
            sites.push({ file: m.path, docIndex, chart, path: `spec.rkeConfig.chartValues.${chart}`, values: v });
    });
  }
  return sites;
}

/** The effective cni list and cluster-cidr from config.yaml files (enough for the upgrade's questions). */
export function clusterFacts(manifests: ParsedManifest[]): { cni: string[] | null; clusterCidr: string | null } {
  let cni: string[] | null = null;
  let clusterCidr: string | null = null;
  const configs = manifests
    .filter((m) => /(^|\/)config\.yaml$|(^|\/)config\.yaml\.d\/[^/]+\.ya?ml$/.test(m.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const m of configs) {
    const doc = m.docs[0];
    if (!isMapping(doc) || 'kind' in doc) continue;
    if (typeof doc.cni === 'string') cni = doc.cni.split(',');
    else if (Array.isArray(doc.cni)) cni = doc.cni.map(String);
    if (typeof doc['cluster-cidr'] === 'string') clusterCidr = doc['cluster-cidr'];
  }
  return { cni, clusterCidr };
}

/** Our answers.yaml among the files (not a manifest that happens to share the name). */
export function isAnswersFile(f: BundleInputFile): f is BundleInputFile & { path: string; contents: string } {
  if (typeof f.path !== 'string' || typeof f.contents !== 'string') return false;
  return f.path.slice(f.path.lastIndexOf('/') + 1) === 'answers.yaml' && !f.path.includes('/manifests/');
}
