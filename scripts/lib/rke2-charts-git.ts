/**
 * Reading rancher/rke2-charts chart versions from a local git mirror (branch main), for the generators
 * (scripts/generate-airgap-data.ts, scripts/generate-chart-defaults.ts). Not shipped.
 */
import { execFileSync } from 'node:child_process';
import { load } from 'js-yaml';
import { mergeValues, type Values } from '../../src/domain/airgap/values';
import { RELEASE_ROWS } from '../../src/domain/rke2/generated/release-table';
import type { ChartName } from '../../src/domain/facts/cni-names';

export function gitShow(dir: string, spec: string): string | null {
  try {
    return execFileSync('git', ['--git-dir', dir, 'show', spec], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return null;
  }
}

export function gitLs(dir: string, treeish: string, path: string): string[] {
  try {
    return execFileSync('git', ['--git-dir', dir, 'ls-tree', '-r', '--name-only', treeish, path], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    })
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** The release table's column of each CNI chart. */
export const CHART_COLUMN: Record<ChartName, number> = {
  'rke2-canal': 1,
  'rke2-calico': 2,
  'rke2-cilium': 3,
  'rke2-flannel': 4,
  'rke2-multus': 5,
};

/** Every version of the chart that some release of the table bundles, in table order. */
export function tableVersions(chart: ChartName): string[] {
  return [...new Set(RELEASE_ROWS.map((r) => r[CHART_COLUMN[chart]]).filter((v): v is string => !!v))];
}

/** Parent folders that hold older versions of a chart on branch main. */
export const CHART_FOLDERS: Record<ChartName, string[]> = {
  'rke2-canal': ['rke2-canal', 'rke2-canal-1.19-1.20'],
  'rke2-calico': ['rke2-calico', 'rke2-calico-1.21-1.22'],
  'rke2-cilium': ['rke2-cilium', 'rke2-cilium-legacy'],
  'rke2-flannel': ['rke2-flannel'],
  'rke2-multus': ['rke2-multus'],
};

/** Helm reads values with sigs.k8s.io/yaml, where a duplicated key takes the last value (js-yaml: json mode). */
export const helmLoad = (text: string): unknown => load(text, { json: true });

/** The chart version's folder on branch main ("charts/<folder>/<chart>/<version>"), or null. */
export function chartDir(chartsGit: string, chart: ChartName, version: string): string | null {
  for (const folder of CHART_FOLDERS[chart]) {
    const base = `charts/${folder}/${chart}/${version}`;
    if (gitShow(chartsGit, `main:${base}/values.yaml`) !== null) return base;
  }
  return null;
}

/** The chart version's values as Helm coalesces them: subcharts under their name, the parent's values over them. */
export function mergedValues(chartsGit: string, chart: ChartName, version: string): Values | null {
  const base = chartDir(chartsGit, chart, version);
  if (!base) return null;
  const top = gitShow(chartsGit, `main:${base}/values.yaml`) ?? '';
  let merged: Values = {};
  for (const file of gitLs(chartsGit, 'main', `${base}/charts`)) {
    const m = new RegExp(`^${base}/charts/([^/]+)/values\\.yaml$`).exec(file);
    if (!m) continue;
    const sub = (helmLoad(gitShow(chartsGit, `main:${file}`) ?? '') ?? {}) as Values;
    merged = mergeValues(merged, { [m[1]!]: sub });
  }
  return mergeValues(merged, (helmLoad(top) ?? {}) as Values);
}
