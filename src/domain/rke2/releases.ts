import { RELEASE_ROWS } from './generated/release-table';
import { compareVersions, parseRke2Version, type Rke2Version } from './version';
import type { ChartName } from '../facts/cni-names';
import { SOURCES, type Source } from '../sources';

export type ChartVersions = Readonly<Record<ChartName, string | null>>;

export interface ReleaseRow {
  version: Rke2Version;
  charts: ChartVersions;
}

/** Every known release, oldest first. Source: rancher/rke2 tags (data/upstream/rke2/release-chart-versions.tsv). */
export const RELEASES: readonly ReleaseRow[] = RELEASE_ROWS.map(([text, canal, calico, cilium, flannel, multus]) => {
  const parsed = parseRke2Version(text);
  if (!parsed.ok) throw new Error(`release table holds a malformed version ${text}`);
  return {
    version: parsed.version,
    charts: {
      'rke2-canal': canal,
      'rke2-calico': calico,
      'rke2-cilium': cilium,
      'rke2-flannel': flannel,
      'rke2-multus': multus,
    },
  };
}).sort((a, b) => compareVersions(a.version, b.version));

export const NEWEST_KNOWN_RELEASE: string = RELEASES[RELEASES.length - 1]!.version.text;
export const RELEASE_TABLE_SOURCE: Source = SOURCES.releaseTags;

/** The newest release of each minor line, newest first: the useful picks for a dropdown. */
export function latestPerMinor(): Rke2Version[] {
  const seen = new Map<number, Rke2Version>();
  for (const r of RELEASES) seen.set(r.version.minor, r.version);
  return [...seen.values()].sort((a, b) => compareVersions(b, a));
}

export type ReleaseResolution =
  /** The exact release is in the table. */
  | 'exact'
  /** Newer than the table: treated as the newest known release, with a visible notice. */
  | 'newer-than-table'
  /** Not in the table but within its range: the nearest older known release on the same line is used. */
  | 'nearest-older'
  /** Older than anything RKE2 shipped charts for in the table. */
  | 'older-than-table';

export interface ResolvedRelease {
  /** What the user asked for, canonicalised. */
  requested: Rke2Version;
  /** The table row whose chart versions apply. */
  row: ReleaseRow;
  resolution: ReleaseResolution;
}

/** Never throws: returns an error message for malformed input. */
export function resolveRelease(
  input: unknown,
): { ok: true; release: ResolvedRelease } | { ok: false; message: string } {
  const parsed = parseRke2Version(input);
  if (!parsed.ok) return parsed;
  const v = parsed.version;
  const newest = RELEASES[RELEASES.length - 1]!;
  const oldest = RELEASES[0]!;
  const exact = RELEASES.find((r) => compareVersions(r.version, v) === 0);
  if (exact) return { ok: true, release: { requested: v, row: exact, resolution: 'exact' } };
  if (compareVersions(v, newest.version) > 0)
    return { ok: true, release: { requested: v, row: newest, resolution: 'newer-than-table' } };
  if (compareVersions(v, oldest.version) < 0)
    return { ok: true, release: { requested: v, row: oldest, resolution: 'older-than-table' } };
  // Nearest older release on the same minor line, else nearest older overall.
  const older = RELEASES.filter((r) => compareVersions(r.version, v) < 0);
  const sameLine = older.filter((r) => r.version.minor === v.minor);
  const row = (sameLine.length ? sameLine : older)[(sameLine.length ? sameLine : older).length - 1]!;
  return { ok: true, release: { requested: v, row, resolution: 'nearest-older' } };
}

/** Chart version the release bundles, or null when it bundles none (e.g. flannel before its gate). */
export function chartVersion(release: ResolvedRelease, chart: ChartName): string | null {
  return release.row.charts[chart];
}

/** "1.33" or "v1.33": a minor line without a patch. */
const MINOR_ONLY = /^v?(\d{1,3})\.(\d{1,3})$/;

export type ReleaseInput =
  | { ok: true; text: string; minorOnly: false }
  /** A minor line, taken as the newest patch of it the table knows. */
  | { ok: true; text: string; minorOnly: true; minor: string }
  | { ok: false; message: string };

/**
 * What the release question accepts: an exact release ("v1.33.6+rke2r1", "1.33.6"), or a minor line
 * ("1.33", "v1.33") taken as the newest known patch of that minor. Never throws.
 */
export function parseReleaseInput(input: unknown): ReleaseInput {
  if (typeof input === 'string') {
    const m = MINOR_ONLY.exec(input.trim());
    if (m) {
      const [major, minor] = [Number(m[1]), Number(m[2])];
      const minorText = `v${major}.${minor}`;
      const line = RELEASES.filter((r) => r.version.major === major && r.version.minor === minor);
      const newest = line[line.length - 1];
      if (newest) return { ok: true, text: newest.version.text, minorOnly: true, minor: minorText };
      const first = RELEASES[0]!.version;
      const last = RELEASES[RELEASES.length - 1]!.version;
      return {
        ok: false,
        message: `This wizard knows no ${minorText} release (it knows v${first.major}.${first.minor} to v${last.major}.${last.minor}); give the exact release, e.g. ${minorText}.0+rke2r1.`,
      };
    }
  }
  const parsed = parseRke2Version(input);
  return parsed.ok ? { ok: true, text: parsed.version.text, minorOnly: false } : parsed;
}
