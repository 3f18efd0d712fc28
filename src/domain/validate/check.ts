import { validateBundle, type BundleInputFile } from './index';
import type { ValidationIssue } from './types';
import { getPath, isMapping } from './issues';
import { parseYamlDocs } from './parse';
import { isAnswersFile } from './manifest-sites';
import { knownIssuesOfFiles, type KnownIssueRef } from './known-issues-of-files';

export type { KnownIssueRef };
import {
  NEWEST_KNOWN_RELEASE,
  resolveRelease,
  type ChartVersions,
  type ReleaseResolution,
  type ResolvedRelease,
} from '../rke2/releases';

/** Where the release the files were judged against came from. */
export type ReleaseBasis = 'given' | 'answers' | 'assumed';

export interface ReleaseUsed {
  /** The release as asked for (or assumed), canonical, e.g. "v1.33.6+rke2r1". */
  text: string;
  basis: ReleaseBasis;
  resolution: ReleaseResolution;
  /** The table row whose chart versions apply. */
  row: string;
  charts: ChartVersions;
  resolved: ResolvedRelease;
}

export interface CheckReport {
  release: ReleaseUsed;
  issues: ValidationIssue[];
  /** Known issues of this release that apply to the files; attached by the known-issues registry. */
  knownIssues?: readonly KnownIssueRef[];
}

export type CheckResult = { ok: true; report: CheckReport } | { ok: false; message: string };

/** cluster.release of an answers.yaml among the files, when there is one. */
function releaseInAnswers(files: readonly BundleInputFile[]): string | null {
  for (const f of files) {
    if (!isAnswersFile(f)) continue;
    const parsed = parseYamlDocs(f.contents);
    if (!parsed.ok || !isMapping(parsed.docs[0])) continue;
    const release = getPath(parsed.docs[0], 'cluster.release');
    if (typeof release === 'string' && resolveRelease(release).ok) return release;
  }
  return null;
}

/** The release to judge against: the one given, else answers.yaml's, else the newest known (said so). */
export function releaseFor(
  files: readonly BundleInputFile[],
  given?: string | null,
): { ok: true; release: ReleaseUsed } | { ok: false; message: string } {
  const fromAnswers = given ? null : releaseInAnswers(files);
  const text = given ?? fromAnswers ?? NEWEST_KNOWN_RELEASE;
  const basis: ReleaseBasis = given ? 'given' : fromAnswers ? 'answers' : 'assumed';
  const resolved = resolveRelease(text);
  if (!resolved.ok) return { ok: false, message: resolved.message };
  const r = resolved.release;
  return {
    ok: true,
    release: {
      text: r.requested.text,
      basis,
      resolution: r.resolution,
      row: r.row.version.text,
      charts: r.row.charts,
      resolved: r,
    },
  };
}

/**
 * The release-aware doctor: judges any files (a bundle, a folder, one manifest, a config.yaml) against
 * one RKE2 release, whose chart versions set the value keys, schemas and eras. Never throws.
 */
export function checkFiles(files: readonly BundleInputFile[], options: { release?: string | null } = {}): CheckResult {
  const used = releaseFor(files, options.release ?? null);
  if (!used.ok) return used;
  const issues = validateBundle(files, { release: used.release.resolved });
  const knownIssues = knownIssuesOfFiles(files, used.release.resolved);
  return { ok: true, report: { release: used.release, issues, knownIssues } };
}

/** One line saying which release the files were judged against, and why that one. */
export function describeRelease(release: ReleaseUsed): string {
  const charts = Object.entries(release.charts)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const why =
    release.basis === 'given'
      ? 'as asked'
      : release.basis === 'answers'
        ? 'from answers.yaml'
        : 'assumed: no release was given and no answers.yaml names one; pass --release to choose';
  const table =
    release.resolution === 'exact'
      ? ''
      : release.resolution === 'newer-than-table'
        ? ` (newer than the release table: judged by ${release.row})`
        : release.resolution === 'older-than-table'
          ? ` (older than the release table: judged by ${release.row})`
          : ` (not in the release table: judged by ${release.row})`;
  return `Release ${release.text} (${why})${table}; bundled charts: ${charts}.`;
}
