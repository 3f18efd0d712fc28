import { NEWEST_KNOWN_RELEASE, resolveRelease, type ResolvedRelease } from '../../domain/rke2/releases';

export type ReleaseChoice = { release: ResolvedRelease; notice: string | null };

/** The release to show: the URL's, else the wizard's, else the newest; a bad one says why. */
export function chooseRelease(fromUrl: string | null, fromAnswers: string | null): ReleaseChoice {
  const notices: string[] = [];
  for (const candidate of [fromUrl, fromAnswers]) {
    if (!candidate) continue;
    const r = resolveRelease(candidate);
    if (!r.ok) {
      notices.push(`${r.message} Showing another release instead.`);
      continue;
    }
    if (r.release.resolution === 'newer-than-table')
      notices.push(
        `${r.release.requested.text} is newer than the release table: showing the chart versions of ${r.release.row.version.text}, the newest known release.`,
      );
    if (r.release.resolution === 'nearest-older')
      notices.push(
        `${r.release.requested.text} is not in the release table: showing the chart versions of ${r.release.row.version.text}.`,
      );
    if (r.release.resolution === 'older-than-table')
      notices.push(
        `${r.release.requested.text} is older than the release table: showing ${r.release.row.version.text}.`,
      );
    return { release: r.release, notice: notices.join(' ') || null };
  }
  const newest = resolveRelease(NEWEST_KNOWN_RELEASE);
  if (!newest.ok) throw new Error('the release table has no newest release');
  return { release: newest.release, notice: notices.join(' ') || null };
}
