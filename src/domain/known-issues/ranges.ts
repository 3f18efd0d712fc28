import { parseChartVersion } from '../facts/chart-version';
import { GATES, type GateId } from '../facts/gates';
import { RELEASES, type ReleaseRow } from '../rke2/releases';
import { compareVersions, parseRke2Version, type Rke2Version } from '../rke2/version';
import type { AffectedSpec, KnownIssue, KnownIssueMatch } from './types';

/**
 * Range logic of the known-issue registry: whether a release is affected, and what the table says about the
 * release's own minor line (first/last affected, first fixed). Everything is computed from the release table.
 */

function parse(text: string): Rke2Version {
  const p = parseRke2Version(text);
  if (!p.ok) throw new Error(`known-issues: malformed release ${text}`);
  return p.version;
}

/**
 * Chart versions in order: the numeric triple first, then the rest as text ("v4.0.2-build2023081100" after
 * "v4.0.2-build2023070703", before "v4.0.202"). Null when either does not parse.
 */
export function compareChartVersions(a: string, b: string): number | null {
  const x = parseChartVersion(a);
  const y = parseChartVersion(b);
  if (!x || !y) return null;
  const n = x.major - y.major || x.minor - y.minor || x.patchBuild - y.patchBuild;
  if (n !== 0) return n;
  const rest = (v: string) => v.replace(/^v?\d+\.\d+\.\d+/, '');
  const [ra, rb] = [rest(a), rest(b)];
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}

/**
 * One release per minor line, read like the RKE2 docs' version gates: a release on a listed line passes from
 * that release on; a line newer than every listed one passes; an older line does not.
 */
export function passesLineGate(version: Rke2Version, list: readonly string[]): boolean {
  const parsed = list.map(parse);
  const same = parsed.find((p) => p.major === version.major && p.minor === version.minor);
  if (same) return compareVersions(version, same) >= 0;
  return parsed.every((p) => version.major > p.major || (version.major === p.major && version.minor > p.minor));
}

/** True when the release (its version, and the table row whose charts apply) is affected. */
export function isAffected(spec: AffectedSpec, version: Rke2Version, row: ReleaseRow): boolean {
  if (spec.kind === 'chart') {
    const bundled = row.charts[spec.chart];
    if (!bundled) return false;
    if (spec.from !== undefined && (compareChartVersions(bundled, spec.from) ?? -1) < 0) return false;
    if (spec.fixed !== undefined && (compareChartVersions(bundled, spec.fixed) ?? -1) >= 0) return false;
    return true;
  }
  if (spec.since && !passesLineGate(version, spec.since)) return false;
  if (spec.fixedIn && passesLineGate(version, spec.fixedIn)) return false;
  if (spec.through && compareVersions(version, parse(spec.through)) > 0) return false;
  return true;
}

/** Every table release the entry affects, oldest first. */
export function affectedReleases(issue: Pick<KnownIssue, 'affected'>): ReleaseRow[] {
  return RELEASES.filter((r) => isAffected(issue.affected, r.version, r));
}

/**
 * The first table release of each gate minimum ("1.31.14" → "v1.31.14+rke2r1"), so an entry fixed by a
 * feature gate reads the gate instead of retyping it.
 */
export function gateReleases(id: GateId): string[] {
  return GATES[id].minimums.map((m) => {
    const [major, minor, patch] = m.split('.').map(Number) as [number, number, number];
    const row = RELEASES.find(
      (r) =>
        r.version.major === major &&
        r.version.minor === minor &&
        compareVersions(r.version, { major, minor, patch, revision: 1, text: '' }) >= 0,
    );
    if (!row) throw new Error(`known-issues: gate ${id} minimum ${m} has no release in the table`);
    return row.version.text;
  });
}

/** Judges one entry for one release: what the table says about the release's own line. */
export function matchFor(issue: KnownIssue, version: Rke2Version): KnownIssueMatch {
  const line = RELEASES.filter((r) => r.version.major === version.major && r.version.minor === version.minor);
  const hit = line.filter((r) => isAffected(issue.affected, r.version, r));
  const later = (r: ReleaseRow) => compareVersions(r.version, version) > 0;
  // A range that ends where upstream stopped looking (`through`) names no fix: nothing after it is "fixed".
  const noFixKnown = issue.affected.kind === 'releases' && issue.affected.through !== undefined;
  const fixedIn = noFixKnown ? null : (line.find((r) => later(r) && !isAffected(issue.affected, r.version, r)) ?? null);
  const newer =
    fixedIn || noFixKnown
      ? null
      : (RELEASES.find(
          (r) =>
            later(r) &&
            (r.version.major > version.major || r.version.minor > version.minor) &&
            !isAffected(issue.affected, r.version, r),
        ) ?? null);
  return {
    issue,
    release: version.text,
    affectedOnLine: hit.length ? { first: hit[0]!.version.text, last: hit[hit.length - 1]!.version.text } : null,
    fixedIn: fixedIn?.version.text ?? null,
    fixedOnNewerLine: newer?.version.text ?? null,
  };
}
