import { CHART_DEFAULT_INDEX, DEFAULT_SETS } from './generated/chart-defaults';
import { getPath, isMapping } from './issues';
import { chartAtLeast, parseChartVersion } from '../facts/chart-version';

/**
 * The chart defaults the doctor merges the user's values over: for each CNI chart version the release table
 * bundles, the subtrees of its values.yaml that the merge-sensitive rules read (chart-default-keys.ts), as
 * scripts/generate-chart-defaults.ts copied them from rancher/rke2-charts. Only validate/upgrade import this
 * module, so the data stays out of the wizard's first load.
 */
export interface ChartDefaults {
  /** Nested as in values.yaml (rke2-cilium before 1.11.201: under `cilium`). */
  values: Record<string, unknown>;
  /** Paths the chart's template fills with {firstFound: true} when the user leaves them empty. */
  filledByTemplate: readonly string[];
}

/** The defaults of that exact chart version, or null when the chart version is unknown (no release given). */
export function chartDefaults(chart: string, version: string | null | undefined): ChartDefaults | null {
  if (!version) return null;
  const id = CHART_DEFAULT_INDEX[chart]?.[version];
  const set = id === undefined ? undefined : DEFAULT_SETS[id];
  if (!set) return null;
  return { values: set.values as Record<string, unknown>, filledByTemplate: set.filledByTemplate ?? [] };
}

/** The chart version's default at a dotted path (undefined: the chart sets none, or the version is unknown). */
export function defaultAt(chart: string, version: string | null | undefined, path: string): unknown {
  return getPath(chartDefaults(chart, version)?.values, path);
}

/** Helm merges user values over the chart's: maps deeply, null deletes a default, anything else replaces. */
export function helmMerge(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else out[k] = helmMerge(base[k], v);
  }
  return out;
}

/** The values the chart renders with: its defaults (of that exact version) with the user's values merged over. */
export function mergedValues(chart: string, version: string | null | undefined, user: unknown): unknown {
  const defaults = chartDefaults(chart, version);
  return defaults ? helmMerge(defaults.values, user) : user;
}

/** The newest version of the chart in the data (what an unknown release is judged as). */
export function latestChart(chart: string): string | null {
  const versions = Object.keys(CHART_DEFAULT_INDEX[chart] ?? {}).filter((v) => parseChartVersion(v));
  return versions.reduce<string | null>((best, v) => (best && chartAtLeast(best, v) ? best : v), null);
}
