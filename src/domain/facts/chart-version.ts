/**
 * The one parser for RKE2 chart version strings. rke2-charts versions are "<upstream>0<build>" style
 * triples: "1.19.601" is Cilium 1.19.6 build 01, "v3.29.201" is Calico 3.29.2 build 01, "v4.3.008" is
 * Multus 4.3.0 build 08 (rancher/rke2-charts packages/<chart>/package.yaml: packageVersion appended as two digits).
 * Older schemes such as "v3.1906" do not parse and count as older than any triple.
 * Source: https://github.com/rancher/rke2/blob/master/charts/chart_versions.yaml
 */
export interface ChartVersion {
  text: string;
  major: number;
  minor: number;
  /** The third number as written: upstream patch times 100 plus the build ("601"). */
  patchBuild: number;
  /** Upstream patch ("601" → 6). */
  upstreamPatch: number;
}

export function parseChartVersion(text: string | null | undefined): ChartVersion | null {
  if (!text) return null;
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!m) return null;
  const patchBuild = Number(m[3]);
  return { text, major: Number(m[1]), minor: Number(m[2]), patchBuild, upstreamPatch: Math.floor(patchBuild / 100) };
}

/** True when the chart version is at least `min` ("3.29.201"); versions that do not parse count as older. */
export function chartAtLeast(version: string | null | undefined, min: string): boolean {
  const a = parseChartVersion(version);
  const b = parseChartVersion(min);
  if (!a || !b) return false;
  return (a.major - b.major || a.minor - b.minor || a.patchBuild - b.patchBuild) >= 0;
}

/** Upstream "major.minor.patch" of a chart version ("1.19.601" → "1.19.6"). */
export function upstreamVersionText(v: ChartVersion): string {
  return `${v.major}.${v.minor}.${v.upstreamPatch}`;
}
