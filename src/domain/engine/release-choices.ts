/**
 * Every known release for the release question, each marked when it rules out what the answers ask
 * for: a blocking conflict at that release, or the CNI the user would get now being unavailable there.
 * The reasons are the engine's own (explain()), never restated.
 */
import type { Answers } from '../answers/types';
import type { PrimaryCni } from '../facts/cni-names';
import { RELEASES } from '../rke2/releases';
import { judge } from './evaluate';
import { explain } from './explain';

export interface ReleaseChoice {
  /** Canonical release, e.g. "v1.33.6+rke2r1". */
  release: string;
  /** "v1.33": releases are grouped by minor line. */
  minor: string;
  /** The CNI the bundle would use at this release (null when nothing fits or a conflict blocks). */
  chosen: PrimaryCni | null;
  /** Set when this release rules out what the answers ask for, with the engine's reasons. */
  rulesOut: { cni: PrimaryCni | null; reasons: string[] } | null;
}

/**
 * Every known release, newest first, judged against the answers (only the release changes). judge(), not
 * evaluate(): the list needs the verdict of each release, never its bundle plan, and it judges ~270 of them
 * in one click.
 */
export function releaseChoices(answers: Answers): ReleaseChoice[] {
  const wanted = judge(answers).chosen;
  return [...RELEASES].reverse().map((row) => {
    const release = row.version.text;
    const decision = judge({ ...answers, cluster: { ...answers.cluster, release } });
    const minor = `v${row.version.major}.${row.version.minor}`;
    let rulesOut: ReleaseChoice['rulesOut'] = null;
    if (decision.blocking.length > 0) {
      const forced = answers.choice.forcedCni;
      rulesOut = { cni: forced === 'auto' ? null : forced, reasons: decision.blocking.map((f) => explain(f)) };
    } else if (wanted !== null) {
      const candidate = decision.candidates.find((c) => c.cni === wanted);
      if (candidate?.status === 'unavailable') {
        rulesOut = {
          cni: wanted,
          reasons: candidate.reasons.filter((r) => r.effect === 'excludes').map((r) => explain(r)),
        };
      }
    }
    return { release, minor, chosen: decision.chosen, rulesOut };
  });
}
